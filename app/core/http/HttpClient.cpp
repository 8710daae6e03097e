#include "HttpClient.h"

#include "http/HttpEngine.h"
#include "http/HttpReply.h"

namespace studio {

HttpClient::HttpClient(QObject *parent)
    : QObject(parent)
    , m_engine(std::make_shared<HttpEngine>())
{}

HttpClient::~HttpClient()
{
    m_engine->shutdown();
}

HttpReply *HttpClient::send(const HttpRequest &request)
{
    auto *reply = new HttpReply(m_engine);
    m_engine->submit(request, reply->m_channel);
    return reply;
}

} // namespace studio
