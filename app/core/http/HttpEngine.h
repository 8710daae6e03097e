#pragma once

#include "http/HttpExchange.h"

#include <curl/curl.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <vector>

namespace studio {

class HttpReplyChannel;
class HttpTransfer;
class PlainHttpTransport;

// The network thread of an HttpClient: an epoll loop that drives every transfer through
// libcurl's multi-socket interface, so each turn costs what the sockets that are ready cost,
// not what every transfer in flight does; plain http:// to a numeric address on kept-alive
// connections takes a shorter path on the same loop (PlainHttpTransport). Other threads only queue work and wake the loop
// (an eventfd); the multi handle and the transfers are touched by the network thread alone,
// so they need no locking.
class HttpEngine
{
public:
    HttpEngine();
    ~HttpEngine();

    HttpEngine(const HttpEngine &) = delete;
    HttpEngine &operator=(const HttpEngine &) = delete;

    // Any thread. The result goes back through the channel.
    void submit(const HttpRequest &request, std::shared_ptr<HttpReplyChannel> channel);
    // Any thread: a channel asked to cancel; the loop looks at every transfer's now.
    void lookForCancellations();
    // Cancels every transfer (each still delivers a Cancelled result) and joins the thread.
    void shutdown();

private:
    using Clock = std::chrono::steady_clock;

    struct Submitted
    {
        HttpRequest request;
        std::shared_ptr<HttpReplyChannel> channel;
    };

    static int onSocket(CURL *handle, curl_socket_t socket, int what, void *engine,
                        void *registered);
    static int onTimer(CURLM *multi, long timeoutMs, void *engine);

    bool isUsable() const { return m_multi && m_epoll >= 0 && m_wakeFd >= 0; }
    void wake();
    void run();
    void runOnce();
    void startQueued();
    void start(Submitted submitted);
    void start(std::unique_ptr<HttpTransfer> transfer);
    void runCurlTimerIfDue();
    void waitForSockets();
    void collectCompleted();
    void cancelRequested();
    void expireOverdue();
    void failEverything(HttpError error, const QString &message);
    int waitTimeoutMs() const;
    void finish(CURL *handle, HttpResult &&result);
    CURL *takeIdleHandle();
    void keepIdleHandle(CURL *handle);

    CURLM *m_multi = nullptr;
    int m_epoll = -1;
    int m_wakeFd = -1;
    std::thread m_thread;

    std::mutex m_mutex; // guards m_queued and m_stopping
    std::vector<Submitted> m_queued;
    bool m_stopping = false;
    std::atomic<bool> m_cancellationsAsked = false;

    // Network thread only from here on.
    std::unique_ptr<PlainHttpTransport> m_plain;
    std::unordered_map<CURL *, std::unique_ptr<HttpTransfer>> m_active;
    // When libcurl wants to be called back for its own timeouts; none when empty.
    std::optional<Clock::time_point> m_curlDue;
    // No transfer's deadline comes before this (deadlines only move later while a transfer
    // runs), so the transfers are looked through only once it has passed.
    Clock::time_point m_earliestDeadline = Clock::time_point::max();
    // Easy handles of finished exchanges, reset and handed to the next ones: setting a handle
    // up costs far more than resetting one, which shows at thousands of requests a second.
    std::vector<CURL *> m_idleHandles;
};

} // namespace studio
