#include "HttpEngine.h"

#include "http/HttpReplyChannel.h"
#include "http/HttpReplyInbox.h"
#include "http/HttpTransfer.h"
#include "http/PlainHttpTransport.h"

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <exception>

namespace studio {

namespace {

// Nothing is due: sleep until woken, but look around now and then all the same.
constexpr int kIdleWaitMs = 10'000;
// Enough idle handles for the exchanges a busy client starts between two loops; beyond,
// a finished exchange's handle is cleaned up.
constexpr std::size_t kMaxIdleHandles = 256;
// Idle connections kept for reuse. libcurl's default, four per transfer in flight at the
// moment, closes pooled connections whenever a busy client's in-flight count dips between
// bursts; the app's pooled client keeps them.
constexpr long kMaxCachedConnections = 512;
// Sockets handled per turn of the loop; more ready ones wait for the next turn.
constexpr int kEventsPerWait = 256;
// Marks a socket libcurl asked us to watch (curl_multi_assign), so the next change to it is
// a modification of its epoll entry rather than an addition.
char g_watched;

void initialiseCurlOnce()
{
    // curl_global_init is not thread-safe on every libcurl; a function-local static is.
    static const CURLcode initialised = curl_global_init(CURL_GLOBAL_DEFAULT);
    (void)initialised;
}

uint32_t epollEventsFor(int what)
{
    uint32_t events = 0;
    if (what == CURL_POLL_IN || what == CURL_POLL_INOUT)
        events |= EPOLLIN;
    if (what == CURL_POLL_OUT || what == CURL_POLL_INOUT)
        events |= EPOLLOUT;
    return events;
}

int curlEventsFor(uint32_t events)
{
    int mask = 0;
    if (events & EPOLLIN)
        mask |= CURL_CSELECT_IN;
    if (events & EPOLLOUT)
        mask |= CURL_CSELECT_OUT;
    if (events & (EPOLLERR | EPOLLHUP))
        mask |= CURL_CSELECT_ERR;
    return mask;
}

} // namespace

HttpEngine::HttpEngine()
{
    initialiseCurlOnce();
    m_multi = curl_multi_init();
    m_epoll = epoll_create1(EPOLL_CLOEXEC);
    m_wakeFd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (!isUsable())
        return;
    epoll_event wakeEvent{};
    wakeEvent.events = EPOLLIN;
    wakeEvent.data.u64 = std::uint32_t(m_wakeFd);
    epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wakeFd, &wakeEvent);
    curl_multi_setopt(m_multi, CURLMOPT_SOCKETFUNCTION, &HttpEngine::onSocket);
    curl_multi_setopt(m_multi, CURLMOPT_SOCKETDATA, this);
    curl_multi_setopt(m_multi, CURLMOPT_TIMERFUNCTION, &HttpEngine::onTimer);
    curl_multi_setopt(m_multi, CURLMOPT_TIMERDATA, this);
    curl_multi_setopt(m_multi, CURLMOPT_MAXCONNECTS, kMaxCachedConnections);
    m_plain = std::make_unique<PlainHttpTransport>(
        m_epoll, [this](std::unique_ptr<HttpTransfer> rest) { start(std::move(rest)); });
    m_thread = std::thread([this] { run(); });
}

HttpEngine::~HttpEngine()
{
    shutdown();
    m_plain.reset();
    for (CURL *handle : m_idleHandles)
        curl_easy_cleanup(handle);
    if (m_multi)
        curl_multi_cleanup(m_multi);
    if (m_wakeFd >= 0)
        close(m_wakeFd);
    if (m_epoll >= 0)
        close(m_epoll);
}

void HttpEngine::submit(const HttpRequest &request, std::shared_ptr<HttpReplyChannel> channel)
{
    bool queued = false;
    bool wasEmpty = false;
    {
        const std::lock_guard lock(m_mutex);
        if (!m_stopping && isUsable()) {
            wasEmpty = m_queued.empty();
            m_queued.push_back(Submitted{request, channel});
            queued = true;
        }
    }
    if (queued) {
        // The loop takes the whole queue at once: whoever queued first has woken it already
        // (a wake-up not yet seen stays pending until its next wait), so only the first of
        // a burst pays for the system call.
        if (wasEmpty)
            wake();
        return;
    }
    HttpTransfer refused(request, std::move(channel));
    if (isUsable())
        refused.fail(HttpError::Cancelled,
                     QStringLiteral("cancelled: the HTTP client is shutting down"));
    else
        refused.fail(HttpError::Other, QStringLiteral("libcurl could not be initialised"));
    refused.channel().deliver(refused.takeResult());
}

void HttpEngine::lookForCancellations()
{
    m_cancellationsAsked.store(true, std::memory_order_relaxed);
    wake();
}

void HttpEngine::wake()
{
    if (m_wakeFd >= 0) {
        const uint64_t one = 1;
        // Can only fail when the counter is about to overflow: the loop is awake then anyway.
        [[maybe_unused]] const ssize_t written = write(m_wakeFd, &one, sizeof one);
    }
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

int HttpEngine::onSocket(CURL *, curl_socket_t socket, int what, void *engine, void *registered)
{
    auto *self = static_cast<HttpEngine *>(engine);
    if (what == CURL_POLL_REMOVE) {
        // libcurl says so before it closes the socket; a socket already closed left epoll
        // by itself, so a failure here is of no account.
        epoll_ctl(self->m_epoll, EPOLL_CTL_DEL, socket, nullptr);
        return 0;
    }
    epoll_event event{};
    event.events = epollEventsFor(what);
    event.data.u64 = std::uint32_t(socket);
    const int first = registered ? EPOLL_CTL_MOD : EPOLL_CTL_ADD;
    if (epoll_ctl(self->m_epoll, first, socket, &event) != 0) {
        // Our record and epoll's can differ for a number a closed socket left to a new one.
        const int second = errno == ENOENT ? EPOLL_CTL_ADD : EPOLL_CTL_MOD;
        if (epoll_ctl(self->m_epoll, second, socket, &event) != 0)
            return -1; // libcurl fails the transfers on this socket
    }
    if (!registered)
        curl_multi_assign(self->m_multi, socket, &g_watched);
    return 0;
}

int HttpEngine::onTimer(CURLM *, long timeoutMs, void *engine)
{
    auto *self = static_cast<HttpEngine *>(engine);
    if (timeoutMs < 0)
        self->m_curlDue.reset();
    else
        self->m_curlDue = Clock::now() + std::chrono::milliseconds(timeoutMs);
    return 0;
}

void HttpEngine::run()
{
    HttpReplyInbox::holdWakeUps();
    // Whatever a turn delivered reaches its threads when the turn ends, and so does what
    // the loop delivers on its way out.
    struct WakeAtExit
    {
        ~WakeAtExit() { HttpReplyInbox::wakeHeld(); }
    } wakeAtExit;
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
        HttpReplyInbox::wakeHeld();
    }
}

void HttpEngine::runOnce()
{
    startQueued();
    if (m_cancellationsAsked.exchange(false, std::memory_order_relaxed))
        cancelRequested();
    runCurlTimerIfDue();
    collectCompleted();
    expireOverdue();
    waitForSockets();
    collectCompleted();
}

void HttpEngine::startQueued()
{
    std::vector<Submitted> queued;
    {
        const std::lock_guard lock(m_mutex);
        queued.swap(m_queued);
    }
    for (Submitted &submitted : queued)
        start(std::move(submitted));
}

void HttpEngine::start(Submitted submitted)
{
    if (!m_plain->start(submitted.request, submitted.channel))
        start(std::make_unique<HttpTransfer>(submitted.request, std::move(submitted.channel)));
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
    m_earliestDeadline = std::min(m_earliestDeadline, transfer->deadline());
    m_active.emplace(handle, std::move(transfer));
}

void HttpEngine::runCurlTimerIfDue()
{
    if (!m_curlDue || *m_curlDue > Clock::now())
        return;
    m_curlDue.reset(); // libcurl sets it again if it still wants one
    int running = 0;
    curl_multi_socket_action(m_multi, CURL_SOCKET_TIMEOUT, 0, &running);
}

void HttpEngine::waitForSockets()
{
    // What this turn delivered so far must not wait for the sockets.
    HttpReplyInbox::wakeHeld();
    std::array<epoll_event, kEventsPerWait> events; // filled by epoll_wait
    const int ready = epoll_wait(m_epoll, events.data(), kEventsPerWait, waitTimeoutMs());
    for (int i = 0; i < ready; ++i) {
        const std::uint64_t data = events[size_t(i)].data.u64;
        const int fd = int(std::uint32_t(data));
        if (data & PlainHttpTransport::kEpollTag) {
            m_plain->onSocket(fd, events[size_t(i)].events);
            continue;
        }
        if (fd == m_wakeFd) {
            uint64_t count = 0;
            [[maybe_unused]] const ssize_t read = ::read(m_wakeFd, &count, sizeof count);
            continue;
        }
        int running = 0;
        curl_multi_socket_action(m_multi, fd, curlEventsFor(events[size_t(i)].events), &running);
    }
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
        finish(handle, transfer.takeResult());
    }
}

void HttpEngine::cancelRequested()
{
    m_plain->cancelRequested();
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
        finish(handle, transfer.takeResult());
    }
}

void HttpEngine::expireOverdue()
{
    const auto now = Clock::now();
    m_plain->expireOverdue(now);
    if (now < m_earliestDeadline)
        return;
    std::vector<CURL *> expired;
    m_earliestDeadline = Clock::time_point::max();
    for (const auto &[handle, transfer] : m_active) {
        const auto deadline = transfer->deadline();
        if (deadline <= now)
            expired.push_back(handle);
        else
            m_earliestDeadline = std::min(m_earliestDeadline, deadline);
    }
    for (CURL *handle : expired) {
        HttpTransfer &transfer = *m_active.at(handle);
        curl_multi_remove_handle(m_multi, handle);
        transfer.failOverdue();
        finish(handle, transfer.takeResult());
    }
}

void HttpEngine::failEverything(HttpError error, const QString &message)
{
    m_plain->failEverything(error, message);
    std::vector<CURL *> handles;
    handles.reserve(m_active.size());
    for (const auto &entry : m_active)
        handles.push_back(entry.first);
    for (CURL *handle : handles) {
        HttpTransfer &transfer = *m_active.at(handle);
        curl_multi_remove_handle(m_multi, handle);
        transfer.fail(error, message);
        finish(handle, transfer.takeResult());
    }
    m_earliestDeadline = Clock::time_point::max();
}

int HttpEngine::waitTimeoutMs() const
{
    // libcurl's own timers, and the silence and max-time deadlines of the transfers.
    auto due = std::min({m_earliestDeadline, m_plain->earliestDeadline(),
                         m_curlDue.value_or(Clock::time_point::max())});
    if (due == Clock::time_point::max())
        return kIdleWaitMs;
    const auto now = Clock::now();
    if (due <= now)
        return 0;
    const auto wait = std::chrono::ceil<std::chrono::milliseconds>(due - now).count();
    return static_cast<int>(std::min<long long>(wait, kIdleWaitMs));
}

void HttpEngine::finish(CURL *handle, HttpResult &&result)
{
    const auto found = m_active.find(handle);
    if (found == m_active.end())
        return;
    // Take the transfer out before delivering, so the easy handle is cleaned up whatever
    // the delivery does.
    std::unique_ptr<HttpTransfer> transfer = std::move(found->second);
    m_active.erase(found);
    transfer->channel().deliver(std::move(result));
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
