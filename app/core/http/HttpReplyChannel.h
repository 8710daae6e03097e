#pragma once

#include "http/HttpExchange.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>

namespace studio {

class HttpReply;
class HttpReplyInbox;

// The link between a reply, which lives on the thread that sent the request, and its transfer
// on the network thread. Either end may go first: the caller may delete the reply while the
// transfer runs, and the transfer may finish while the reply is being deleted. The mutex
// makes "hand the result to the reply's inbox" and "the reply is gone" exclusive; while the
// reply lives, so does its inbox (the reply holds it).
class HttpReplyChannel : public std::enable_shared_from_this<HttpReplyChannel>
{
public:
    HttpReplyChannel(HttpReply *reply, HttpReplyInbox *inbox);

    // Network thread: hands the result to the reply's thread. Does nothing once detached.
    void deliver(HttpResult &&result);
    // Reply's thread, from the inbox: the reply finishes with the result, unless it is gone.
    void completeReply();
    // Reply's thread, from its destructor: no result will reach it any more.
    void detach();

    void requestCancel() { m_cancelRequested.store(true, std::memory_order_relaxed); }
    bool isCancelRequested() const { return m_cancelRequested.load(std::memory_order_relaxed); }

private:
    std::mutex m_mutex;
    HttpReply *m_reply;
    HttpReplyInbox *m_inbox;
    std::optional<HttpResult> m_result;
    std::atomic<bool> m_cancelRequested = false;
};

} // namespace studio
