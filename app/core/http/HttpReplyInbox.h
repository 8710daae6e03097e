#pragma once

#include <QObject>

#include <memory>
#include <mutex>
#include <vector>

namespace studio {

class HttpReplyChannel;

// Where finished exchanges wait for the thread their replies live on. The network thread
// finishes exchanges in bursts; handing each burst over with one posted event, rather than one
// per result, keeps a busy client (thousands of answers a second) from waking the receiving
// thread for every answer.
//
// One inbox per thread that sends, shared by every reply made there and alive while any is:
// the replies hold it, and a posted hand-over holds it until it has run.
class HttpReplyInbox : public std::enable_shared_from_this<HttpReplyInbox>
{
public:
    // The calling thread's inbox, made on first use.
    static std::shared_ptr<HttpReplyInbox> forCurrentThread();

    HttpReplyInbox() = default;
    HttpReplyInbox(const HttpReplyInbox &) = delete;
    HttpReplyInbox &operator=(const HttpReplyInbox &) = delete;

    // Network thread: the channel holds its result; its reply completes on the inbox's thread
    // with the others that arrived meanwhile.
    void post(std::shared_ptr<HttpReplyChannel> channel);

    // Network thread: while a turn of its loop runs, the inboxes its answers go to are woken
    // only once, when the turn ends (wakeHeld), so a turn's answers cost their thread one
    // event rather than one per answer that found its inbox empty.
    static void holdWakeUps();
    static void wakeHeld();

private:
    void handOver(); // the inbox's thread
    void wake();

    QObject m_thread; // lives on the inbox's thread: the receiver of the posted hand-overs
    std::mutex m_mutex; // guards m_ready
    std::vector<std::shared_ptr<HttpReplyChannel>> m_ready;
};

} // namespace studio
