#include "HttpReplyChannel.h"

#include "http/HttpReply.h"
#include "http/HttpReplyInbox.h"

namespace studio {

HttpReplyChannel::HttpReplyChannel(HttpReply *reply, HttpReplyInbox *inbox)
    : m_reply(reply)
    , m_inbox(inbox)
{}

void HttpReplyChannel::deliver(HttpResult &&result)
{
    const std::lock_guard lock(m_mutex);
    if (!m_reply)
        return;
    m_result = std::move(result);
    m_inbox->post(shared_from_this());
}

void HttpReplyChannel::completeReply()
{
    HttpReply *reply = nullptr;
    std::optional<HttpResult> result;
    {
        const std::lock_guard lock(m_mutex);
        reply = m_reply;
        result.swap(m_result);
    }
    if (reply && result)
        reply->complete(*result);
}

void HttpReplyChannel::detach()
{
    const std::lock_guard lock(m_mutex);
    m_reply = nullptr;
    m_result.reset();
    requestCancel();
}

} // namespace studio
