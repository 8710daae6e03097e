#include "HttpReplyChannel.h"

#include "http/HttpReply.h"

#include <QMetaObject>

namespace studio {

HttpReplyChannel::HttpReplyChannel(HttpReply *reply)
    : m_reply(reply)
{}

void HttpReplyChannel::deliver(const HttpResult &result)
{
    const std::lock_guard lock(m_mutex);
    if (!m_reply)
        return;
    HttpReply *reply = m_reply;
    QMetaObject::invokeMethod(
        reply, [reply, result] { reply->complete(result); }, Qt::QueuedConnection);
}

void HttpReplyChannel::detach()
{
    const std::lock_guard lock(m_mutex);
    m_reply = nullptr;
    requestCancel();
}

} // namespace studio
