#pragma once

#include "http/HttpExchange.h"

#include <atomic>
#include <mutex>

namespace studio {

class HttpReply;

// The link between a reply, which lives on the thread that sent the request, and its transfer
// on the network thread. Either end may go first: the caller may delete the reply while the
// transfer runs, and the transfer may finish while the reply is being deleted. The mutex
// makes "post the result to the reply" and "the reply is gone" exclusive, and Qt discards a
// posted result whose receiver was deleted before it ran.
class HttpReplyChannel
{
public:
    explicit HttpReplyChannel(HttpReply *reply);

    // Network thread: hands the result to the reply's thread. Does nothing once detached.
    void deliver(const HttpResult &result);
    // Reply's thread, from its destructor: no result will reach it any more.
    void detach();

    void requestCancel() { m_cancelRequested.store(true, std::memory_order_relaxed); }
    bool isCancelRequested() const { return m_cancelRequested.load(std::memory_order_relaxed); }

private:
    std::mutex m_mutex;
    HttpReply *m_reply;
    std::atomic<bool> m_cancelRequested = false;
};

} // namespace studio
