#include "HttpEngine.h"

#include "http/HttpReplyChannel.h"
#include "http/HttpTransfer.h"

#include <algorithm>
#include <exception>

namespace studio {

namespace {

// Nothing is due: sleep until woken, but look around now and then all the same.
constexpr int kIdlePollMs = 10'000;
// Enough idle handles for the exchanges a busy client starts between two loops; beyond,
// a finished exchange's handle is cleaned up.
constexpr std::size_t kMaxIdleHandles = 256;

void initialiseCurlOnce()
{
    // curl_global_init is not thread-safe on every libcurl; a function-local static is.
    static const CURLcode initialised = curl_global_init(CURL_GLOBAL_DEFAULT);
    (void)initialised;
}

} // namespace

HttpEngine::HttpEngine()
{
    initialiseCurlOnce();
    m_multi = curl_multi_init();
    if (m_multi)
        m_thread = std::thread([this] { run(); });
}

HttpEngine::~HttpEngine()
{
    shutdown();
    for (CURL *handle : m_idleHandles)
        curl_easy_cleanup(handle);
    if (m_multi)
        curl_multi_cleanup(m_multi);
}

void HttpEngine::submit(const HttpRequest &request, std::shared_ptr<HttpReplyChannel> channel)
{
    auto transfer = std::make_unique<HttpTransfer>(request, std::move(channel));
    bool wasEmpty = false;
    {
        const std::lock_guard lock(m_mutex);
        if (!m_stopping && m_multi) {
            wasEmpty = m_queued.empty();
            m_queued.push_back(std::move(transfer));
            transfer = nullptr;
        }
    }
    if (!transfer) {
        // The loop takes the whole queue at once: whoever queued first has woken it already
        // (a wake-up not yet seen stays pending until its next poll), so only the first of
        // a burst pays for the system call.
        if (wasEmpty)
            wake();
        return;
    }
    if (m_multi)
        transfer->fail(HttpError::Cancelled,
                       QStringLiteral("cancelled: the HTTP client is shutting down"));
    else
        transfer->fail(HttpError::Other, QStringLiteral("libcurl could not be initialised"));
    transfer->channel().deliver(transfer->takeResult());
}

void HttpEngine::wake()
{
    if (m_multi)
        curl_multi_wakeup(m_multi);
}

void HttpEngine::shutdown()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    wake();
    if (m_thread.joinable())
        m_thread.join();
}

void HttpEngine::run()
{
    for (;;) {
        bool stopping = false;
        {
            const std::lock_guard lock(m_mutex);
            stopping = m_stopping;
        }
        try {
            if (stopping) {
                startQueued();
                failEverything(HttpError::Cancelled,
                               QStringLiteral("cancelled: the HTTP client was shut down"));
                return;
            }
            runOnce();
        } catch (const std::exception &error) {
            // A failure inside the loop (out of memory) must not strand the callers: every
            // transfer ends with the reason, and the loop goes on for new work.
            failEverything(HttpError::Other, QStringLiteral("internal error of the HTTP engine: %1")
                                                 .arg(QString::fromUtf8(error.what())));
        } catch (...) {
            failEverything(HttpError::Other, QStringLiteral("internal error of the HTTP engine"));
        }
    }
}

void HttpEngine::runOnce()
{
    startQueued();
    cancelRequested();
    int running = 0;
    curl_multi_perform(m_multi, &running);
    collectCompleted();
    expireOverdue();
    curl_multi_poll(m_multi, nullptr, 0, pollTimeoutMs(), nullptr);
}

void HttpEngine::startQueued()
{
    std::vector<std::unique_ptr<HttpTransfer>> queued;
    {
        const std::lock_guard lock(m_mutex);
        queued.swap(m_queued);
    }
    for (auto &transfer : queued)
        start(std::move(transfer));
}

void HttpEngine::start(std::unique_ptr<HttpTransfer> transfer)
{
    transfer->adoptHandle(takeIdleHandle());
    if (!transfer->beginHop()) {
        transfer->channel().deliver(transfer->takeResult());
        return;
    }
    CURL *handle = transfer->handle();
    const CURLMcode added = curl_multi_add_handle(m_multi, handle);
    if (added != CURLM_OK) {
        transfer->fail(HttpError::Other, QStringLiteral("cannot start the request: %1")
                                             .arg(QString::fromUtf8(curl_multi_strerror(added))));
        transfer->channel().deliver(transfer->takeResult());
        return;
    }
    m_active.emplace(handle, std::move(transfer));
}

void HttpEngine::collectCompleted()
{
    int remaining = 0;
    while (CURLMsg *message = curl_multi_info_read(m_multi, &remaining)) {
        if (message->msg != CURLMSG_DONE)
            continue;
        CURL *handle = message->easy_handle;
        const CURLcode code = message->data.result;
        const auto found = m_active.find(handle);
        if (found == m_active.end())
            continue;
        curl_multi_remove_handle(m_multi, handle);
        HttpTransfer &transfer = *found->second;
        if (transfer.finishHop(code)) {
            // A redirect to follow: the same handle goes out again (on the same connection
            // when the request allows reuse).
            const CURLMcode added = curl_multi_add_handle(m_multi, handle);
            if (added == CURLM_OK)
                continue;
            transfer.fail(HttpError::Other,
                          QStringLiteral("cannot follow the redirect: %1")
                              .arg(QString::fromUtf8(curl_multi_strerror(added))));
        }
        const HttpResult result = transfer.takeResult();
        finish(handle, result);
    }
}

void HttpEngine::cancelRequested()
{
    std::vector<CURL *> cancelled;
    for (const auto &[handle, transfer] : m_active) {
        if (transfer->channel().isCancelRequested())
            cancelled.push_back(handle);
    }
    for (CURL *handle : cancelled) {
        HttpTransfer &transfer = *m_active.at(handle);
        curl_multi_remove_handle(m_multi, handle);
        transfer.fail(HttpError::Cancelled, QStringLiteral("cancelled before the answer was "
                                                           "complete"));
        const HttpResult result = transfer.takeResult();
        finish(handle, result);
    }
}

void HttpEngine::expireOverdue()
{
    const auto now = Clock::now();
    std::vector<CURL *> expired;
    for (const auto &[handle, transfer] : m_active) {
        if (transfer->deadline() <= now)
            expired.push_back(handle);
    }
    for (CURL *handle : expired) {
        HttpTransfer &transfer = *m_active.at(handle);
        curl_multi_remove_handle(m_multi, handle);
        transfer.failOverdue();
        const HttpResult result = transfer.takeResult();
        finish(handle, result);
    }
}

void HttpEngine::failEverything(HttpError error, const QString &message)
{
    std::vector<CURL *> handles;
    handles.reserve(m_active.size());
    for (const auto &entry : m_active)
        handles.push_back(entry.first);
    for (CURL *handle : handles) {
        HttpTransfer &transfer = *m_active.at(handle);
        curl_multi_remove_handle(m_multi, handle);
        transfer.fail(error, message);
        const HttpResult result = transfer.takeResult();
        finish(handle, result);
    }
}

int HttpEngine::pollTimeoutMs() const
{
    // curl_multi_poll also honours libcurl's own timers; this adds the silence and max-time
    // deadlines.
    if (m_active.empty())
        return kIdlePollMs;
    const auto now = Clock::now();
    auto earliest = Clock::time_point::max();
    for (const auto &entry : m_active)
        earliest = std::min(earliest, entry.second->deadline());
    if (earliest <= now)
        return 0;
    const auto wait = std::chrono::ceil<std::chrono::milliseconds>(earliest - now).count();
    return static_cast<int>(std::min<long long>(wait, kIdlePollMs));
}

void HttpEngine::finish(CURL *handle, const HttpResult &result)
{
    const auto found = m_active.find(handle);
    if (found == m_active.end())
        return;
    // Take the transfer out before delivering, so the easy handle is cleaned up whatever
    // the delivery does.
    std::unique_ptr<HttpTransfer> transfer = std::move(found->second);
    m_active.erase(found);
    transfer->channel().deliver(result);
    keepIdleHandle(transfer->releaseHandle());
}

CURL *HttpEngine::takeIdleHandle()
{
    if (m_idleHandles.empty())
        return nullptr;
    CURL *handle = m_idleHandles.back();
    m_idleHandles.pop_back();
    return handle;
}

void HttpEngine::keepIdleHandle(CURL *handle)
{
    if (!handle)
        return;
    if (m_idleHandles.size() < kMaxIdleHandles)
        m_idleHandles.push_back(handle);
    else
        curl_easy_cleanup(handle);
}

} // namespace studio
