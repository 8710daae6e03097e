#include "PlainHttpTransport.h"

#include "http/HeaderRules.h"
#include "http/HttpReplyChannel.h"
#include "http/HttpTransfer.h"
#include "http/PlainHttpExchange.h"
#include "http/PlainHttpTarget.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace studio {

namespace {

// Idle connections kept for reuse, as the libcurl path keeps (HttpEngine).
constexpr int kMaxIdleConnections = 512;
// URLs whose targets are remembered; past it the memory starts over.
constexpr qsizetype kMaxRememberedTargets = 4096;
// One read takes what a plugin's answer usually is, and many of them.
constexpr std::size_t kReadBufferBytes = 64 * 1024;

// What the libcurl path refuses with a message of its own goes there to get it.
bool isSendable(const QByteArray &method, const HttpHeaders &headers)
{
    return isToken(method) && std::all_of(headers.cbegin(), headers.cend(), [](const auto &header) {
               return isToken(header.first) && isSafeHeaderValue(header.second);
           });
}

QByteArray systemWords(int osErrno)
{
    return QByteArray(std::strerror(osErrno));
}

} // namespace

struct PlainHttpTransport::Connection
{
    int fd = -1;
    QByteArray origin;
    std::unique_ptr<PlainHttpExchange> exchange; // none while idle
    bool connecting = false;
    bool reused = false; // kept alive from an earlier exchange
    std::uint32_t events = 0;
};

PlainHttpTransport::PlainHttpTransport(int epoll, HandOver handOver)
    : m_epoll(epoll)
    , m_handOver(std::move(handOver))
    , m_readBuffer(kReadBufferBytes)
{}

PlainHttpTransport::~PlainHttpTransport()
{
    failEverything(HttpError::Cancelled, QStringLiteral("cancelled: the HTTP client was shut down"));
    for (auto &connection : m_connections) {
        if (connection)
            ::close(connection->fd);
    }
}

bool PlainHttpTransport::start(const HttpRequest &request,
                               std::shared_ptr<HttpReplyChannel> &channel)
{
    if (!request.reuseConnection || !isSendable(request.method, request.headers))
        return false;
    const std::optional<PlainHttpTarget> &target = targetOf(request.url);
    if (!target)
        return false;
    auto exchange = std::make_unique<PlainHttpExchange>(request, std::move(channel));
    exchange->beginHop(*target);
    startHop(std::move(exchange), true);
    return true;
}

const std::optional<PlainHttpTarget> &PlainHttpTransport::targetOf(const QString &url)
{
    const auto found = m_targets.constFind(url);
    if (found != m_targets.cend())
        return *found;
    if (m_targets.size() >= kMaxRememberedTargets)
        m_targets.clear();
    return *m_targets.insert(url, PlainHttpTarget::of(url));
}

void PlainHttpTransport::startHop(std::unique_ptr<PlainHttpExchange> exchange, bool mayReuse)
{
    Connection *connection = mayReuse ? takeIdle(exchange->target().origin()) : nullptr;
    if (!connection) {
        int osErrno = 0;
        connection = open(exchange->target(), osErrno);
        if (!connection) {
            exchange->failConnection(CURLE_COULDNT_CONNECT, osErrno,
                                     "Failed to connect to " + exchange->target().host.toUtf8() +
                                         " port " + QByteArray::number(exchange->target().port) +
                                         ": " + systemWords(osErrno));
            finish(std::move(exchange));
            return;
        }
    }
    m_earliestDeadline = std::min(m_earliestDeadline, exchange->deadline());
    connection->exchange = std::move(exchange);
    if (connection->connecting) {
        watch(*connection, EPOLLOUT);
        return;
    }
    connection->exchange->connected(connection->reused);
    write(*connection);
}

PlainHttpTransport::Connection *PlainHttpTransport::takeIdle(const QByteArray &origin)
{
    const auto found = m_idleByOrigin.find(origin);
    if (found == m_idleByOrigin.end() || found->empty())
        return nullptr;
    const int fd = found->back();
    found->pop_back();
    --m_idleCount;
    Connection *connection = m_connections[std::size_t(fd)].get();
    connection->reused = true;
    return connection;
}

PlainHttpTransport::Connection *PlainHttpTransport::open(const PlainHttpTarget &target,
                                                         int &osErrno)
{
    const int fd = ::socket(target.address.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC,
                            IPPROTO_TCP);
    if (fd < 0) {
        osErrno = errno;
        return nullptr;
    }
    // As libcurl does: a request goes out whole at once rather than waiting on Nagle.
    const int on = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    const bool pending =
        ::connect(fd, reinterpret_cast<const sockaddr *>(&target.address), target.addressLength) != 0;
    if (pending && errno != EINPROGRESS) {
        osErrno = errno;
        ::close(fd);
        return nullptr;
    }
    if (m_connections.size() <= std::size_t(fd))
        m_connections.resize(std::size_t(fd) + 1);
    auto connection = std::make_unique<Connection>();
    connection->fd = fd;
    connection->origin = target.origin();
    connection->connecting = pending;
    m_connections[std::size_t(fd)] = std::move(connection);
    return m_connections[std::size_t(fd)].get();
}

void PlainHttpTransport::onSocket(int fd, std::uint32_t events)
{
    if (fd < 0 || std::size_t(fd) >= m_connections.size() || !m_connections[std::size_t(fd)])
        return;
    Connection &connection = *m_connections[std::size_t(fd)];
    if (!connection.exchange) {
        // An idle connection only wakes when the server closes it (or says something it was
        // not asked, which makes it unusable too).
        const auto origin = m_idleByOrigin.find(connection.origin);
        if (origin != m_idleByOrigin.end()) {
            std::erase(*origin, fd);
            --m_idleCount;
        }
        close(connection);
        return;
    }
    if (connection.connecting) {
        int error = 0;
        socklen_t length = sizeof error;
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length);
        if (error != 0) {
            const PlainHttpTarget &target = connection.exchange->target();
            failOnConnection(connection, CURLE_COULDNT_CONNECT, error,
                             "Failed to connect to " + target.host.toUtf8() + " port " +
                                 QByteArray::number(target.port) + ": " + systemWords(error));
            return;
        }
        connection.connecting = false;
        connection.exchange->connected(false);
        write(connection);
        return;
    }
    if ((events & EPOLLOUT) && !connection.exchange->wroteAll()) {
        write(connection);
        return;
    }
    if (events & (EPOLLIN | EPOLLERR | EPOLLHUP))
        receive(connection);
}

void PlainHttpTransport::write(Connection &connection)
{
    PlainHttpExchange &exchange = *connection.exchange;
    const QByteArray &bytes = exchange.requestBytes();
    while (!exchange.wroteAll()) {
        const ssize_t sent = ::send(connection.fd, bytes.constData() + exchange.written(),
                                    std::size_t(bytes.size() - exchange.written()), MSG_NOSIGNAL);
        if (sent > 0) {
            exchange.wrote(sent);
            continue;
        }
        if (sent < 0 && errno == EINTR)
            continue;
        if (sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            // The answer may come before the request is all out (a server refusing early).
            watch(connection, EPOLLOUT | EPOLLIN);
            return;
        }
        const int error = errno;
        if (connection.reused && exchange.receivedNothing()) {
            retryOnFreshConnection(connection);
            return;
        }
        failOnConnection(connection, CURLE_SEND_ERROR, error, "Send failure: " + systemWords(error));
        return;
    }
    watch(connection, EPOLLIN);
}

void PlainHttpTransport::receive(Connection &connection)
{
    PlainHttpExchange &exchange = *connection.exchange;
    const ssize_t got = ::recv(connection.fd, m_readBuffer.data(), m_readBuffer.size(), 0);
    if (got < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
            return;
        const int error = errno;
        if (connection.reused && exchange.receivedNothing()) {
            retryOnFreshConnection(connection);
            return;
        }
        failOnConnection(connection, CURLE_RECV_ERROR, error, "Recv failure: " + systemWords(error));
        return;
    }
    if (got == 0) {
        if (connection.reused && exchange.receivedNothing()) {
            // The server closed the kept-alive connection before this request reached it:
            // the request was not seen, so it goes again, as libcurl and the app's client do.
            retryOnFreshConnection(connection);
            return;
        }
        exchange.serverClosed();
    } else {
        const qsizetype taken = exchange.read(m_readBuffer.data(), qsizetype(got));
        if (exchange.readerState() == HttpResponseReader::State::Complete) {
            completeResponse(connection, taken < qsizetype(got));
            return;
        }
    }
    switch (exchange.readerState()) {
    case HttpResponseReader::State::Reading:
        return;
    case HttpResponseReader::State::Complete:
        completeResponse(connection, false);
        return;
    case HttpResponseReader::State::Failed:
        exchange.failReading();
        finish(detach(connection));
        close(connection);
        return;
    }
}

void PlainHttpTransport::completeResponse(Connection &connection, bool bytesLeftOver)
{
    PlainHttpExchange &exchange = *connection.exchange;
    // Bytes past the answer, or a request not all sent: the connection is out of step.
    const bool reusable = exchange.keepsConnection() && !bytesLeftOver && exchange.wroteAll();
    std::unique_ptr<PlainHttpExchange> done = detach(connection);
    if (reusable)
        keepIdle(connection);
    else
        close(connection);

    std::optional<HttpHop> next = done->finishHop();
    if (!next) {
        finish(std::move(done));
        return;
    }
    const std::optional<PlainHttpTarget> &target = targetOf(next->url);
    if (target && isSendable(next->method, next->headers)) {
        done->beginHop(*target);
        startHop(std::move(done), true);
        return;
    }
    m_handOver(done->handOver(std::move(*next)));
}

void PlainHttpTransport::retryOnFreshConnection(Connection &connection)
{
    std::unique_ptr<PlainHttpExchange> exchange = detach(connection);
    close(connection);
    exchange->restartHop();
    startHop(std::move(exchange), false);
}

void PlainHttpTransport::failOnConnection(Connection &connection, int code, int osErrno,
                                          const QByteArray &detail)
{
    std::unique_ptr<PlainHttpExchange> exchange = detach(connection);
    close(connection);
    exchange->failConnection(code, osErrno, detail);
    finish(std::move(exchange));
}

void PlainHttpTransport::finish(std::unique_ptr<PlainHttpExchange> exchange)
{
    exchange->channel().deliver(exchange->takeResult());
}

std::unique_ptr<PlainHttpExchange> PlainHttpTransport::detach(Connection &connection)
{
    return std::move(connection.exchange);
}

void PlainHttpTransport::watch(Connection &connection, std::uint32_t events)
{
    if (connection.events == events)
        return;
    epoll_event event{};
    event.events = events;
    event.data.u64 = kEpollTag | std::uint32_t(connection.fd);
    const int operation = connection.events == 0 ? EPOLL_CTL_ADD : EPOLL_CTL_MOD;
    epoll_ctl(m_epoll, operation, connection.fd, &event);
    connection.events = events;
}

void PlainHttpTransport::keepIdle(Connection &connection)
{
    if (m_idleCount >= kMaxIdleConnections) {
        close(connection);
        return;
    }
    watch(connection, EPOLLIN);
    m_idleByOrigin[connection.origin].push_back(connection.fd);
    ++m_idleCount;
}

void PlainHttpTransport::close(Connection &connection)
{
    const int fd = connection.fd;
    ::close(fd); // leaves epoll with it
    m_connections[std::size_t(fd)].reset();
}

void PlainHttpTransport::cancelRequested()
{
    for (auto &connection : m_connections) {
        if (connection && connection->exchange && connection->exchange->channel().isCancelRequested()) {
            std::unique_ptr<PlainHttpExchange> exchange = detach(*connection);
            close(*connection);
            exchange->fail(HttpError::Cancelled,
                           QStringLiteral("cancelled before the answer was complete"));
            finish(std::move(exchange));
        }
    }
}

void PlainHttpTransport::expireOverdue(Clock::time_point now)
{
    if (now < m_earliestDeadline)
        return;
    m_earliestDeadline = Clock::time_point::max();
    for (auto &connection : m_connections) {
        if (!connection || !connection->exchange)
            continue;
        const Clock::time_point deadline = connection->exchange->deadline();
        if (deadline > now) {
            m_earliestDeadline = std::min(m_earliestDeadline, deadline);
            continue;
        }
        std::unique_ptr<PlainHttpExchange> exchange = detach(*connection);
        close(*connection);
        exchange->failOverdue();
        finish(std::move(exchange));
    }
}

void PlainHttpTransport::failEverything(HttpError error, const QString &message)
{
    for (auto &connection : m_connections) {
        if (!connection || !connection->exchange)
            continue;
        std::unique_ptr<PlainHttpExchange> exchange = detach(*connection);
        close(*connection);
        exchange->fail(error, message);
        finish(std::move(exchange));
    }
    m_earliestDeadline = Clock::time_point::max();
}

} // namespace studio
