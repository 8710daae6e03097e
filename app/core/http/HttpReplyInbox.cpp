#include "HttpReplyInbox.h"

#include "http/HttpReplyChannel.h"

#include <QMetaObject>

namespace studio {

namespace {

// The network thread's inboxes to wake at the end of its turn; only it touches these.
thread_local bool t_holdingWakeUps = false;
thread_local std::vector<std::shared_ptr<HttpReplyInbox>> t_heldWakeUps;

} // namespace

std::shared_ptr<HttpReplyInbox> HttpReplyInbox::forCurrentThread()
{
    // Weak: the inbox goes with the thread's last reply, and a thread that ends leaves
    // nothing behind but an expired pointer.
    thread_local std::weak_ptr<HttpReplyInbox> current;
    std::shared_ptr<HttpReplyInbox> inbox = current.lock();
    if (!inbox) {
        inbox = std::make_shared<HttpReplyInbox>();
        current = inbox;
    }
    return inbox;
}

void HttpReplyInbox::post(std::shared_ptr<HttpReplyChannel> channel)
{
    bool wasEmpty = false;
    {
        const std::lock_guard lock(m_mutex);
        wasEmpty = m_ready.empty();
        m_ready.push_back(std::move(channel));
    }
    // A hand-over not yet run takes everything that arrives before it runs.
    if (!wasEmpty)
        return;
    if (t_holdingWakeUps)
        t_heldWakeUps.push_back(shared_from_this());
    else
        wake();
}

void HttpReplyInbox::holdWakeUps()
{
    t_holdingWakeUps = true;
}

void HttpReplyInbox::wakeHeld()
{
    std::vector<std::shared_ptr<HttpReplyInbox>> held;
    held.swap(t_heldWakeUps);
    for (const auto &inbox : held)
        inbox->wake();
}

void HttpReplyInbox::wake()
{
    QMetaObject::invokeMethod(
        &m_thread, [inbox = shared_from_this()] { inbox->handOver(); }, Qt::QueuedConnection);
}

void HttpReplyInbox::handOver()
{
    std::vector<std::shared_ptr<HttpReplyChannel>> ready;
    {
        const std::lock_guard lock(m_mutex);
        ready.swap(m_ready);
    }
    // A reply's receiver may delete replies further on in the batch: their channels are
    // detached by then and complete nothing.
    for (const auto &channel : ready)
        channel->completeReply();
}

} // namespace studio
