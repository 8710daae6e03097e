#include "HttpReply.h"

#include "http/HttpEngine.h"
#include "http/HttpReplyChannel.h"
#include "http/HttpReplyInbox.h"

#include <QPointer>

namespace studio {

HttpReply::HttpReply(std::weak_ptr<HttpEngine> engine)
    : m_inbox(HttpReplyInbox::forCurrentThread())
    , m_channel(std::make_shared<HttpReplyChannel>(this, m_inbox.get()))
    , m_engine(std::move(engine))
{}

HttpReply::~HttpReply()
{
    const bool wasRunning = !m_finished;
    m_channel->detach();
    if (wasRunning) {
        if (const auto engine = m_engine.lock())
            engine->lookForCancellations();
    }
}

void HttpReply::abort()
{
    if (m_finished)
        return;
    m_channel->requestCancel();
    if (const auto engine = m_engine.lock())
        engine->lookForCancellations();
}

void HttpReply::complete(const HttpResult &result)
{
    if (m_finished)
        return;
    m_finished = true;
    const QPointer<HttpReply> self(this);
    emit finished(result);
    // At once rather than with deleteLater(): the inbox's hand-over is the only caller, so no
    // code of the reply is running, and a posted deletion per request would wake the thread
    // again for each. A receiver may have deleted the reply against the advice of the
    // header; survive it.
    if (self)
        delete this;
}

} // namespace studio
