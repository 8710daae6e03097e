#pragma once

#include "http/HttpExchange.h"

#include <curl/curl.h>

#include <chrono>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

namespace studio {

class HttpReplyChannel;
class HttpTransfer;

// The network thread of an HttpClient: a loop on curl_multi_poll() that drives every transfer.
// Other threads only queue work and wake the loop (curl_multi_wakeup); the multi handle and
// the transfers are touched by the network thread alone, so they need no locking.
class HttpEngine
{
public:
    HttpEngine();
    ~HttpEngine();

    HttpEngine(const HttpEngine &) = delete;
    HttpEngine &operator=(const HttpEngine &) = delete;

    // Any thread. The result goes back through the channel.
    void submit(const HttpRequest &request, std::shared_ptr<HttpReplyChannel> channel);
    // Any thread: makes the loop look at cancellations and new work now.
    void wake();
    // Cancels every transfer (each still delivers a Cancelled result) and joins the thread.
    void shutdown();

private:
    using Clock = std::chrono::steady_clock;

    void run();
    void runOnce();
    void startQueued();
    void start(std::unique_ptr<HttpTransfer> transfer);
    void collectCompleted();
    void cancelRequested();
    void expireOverdue();
    void failEverything(HttpError error, const QString &message);
    int pollTimeoutMs() const;
    void finish(CURL *handle, const HttpResult &result);
    CURL *takeIdleHandle();
    void keepIdleHandle(CURL *handle);

    CURLM *m_multi = nullptr;
    std::thread m_thread;

    std::mutex m_mutex; // guards m_queued and m_stopping
    std::vector<std::unique_ptr<HttpTransfer>> m_queued;
    bool m_stopping = false;

    std::unordered_map<CURL *, std::unique_ptr<HttpTransfer>> m_active; // network thread only
    // Easy handles of finished exchanges, reset and handed to the next ones: setting a handle
    // up costs far more than resetting one, which shows at thousands of requests a second.
    std::vector<CURL *> m_idleHandles; // network thread only
};

} // namespace studio
