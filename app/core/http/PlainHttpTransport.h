#pragma once

#include "http/HttpExchange.h"
#include "http/PlainHttpTarget.h"

#include <QByteArray>
#include <QHash>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace studio {

class HttpReplyChannel;
class HttpTransfer;
class PlainHttpExchange;

// The engine's second path, for what load runs send most: plain http:// to a numeric address
// on kept-alive connections. It writes each request and reads each answer itself, on the
// engine's epoll loop, with no per-request set-up: a write and a read per exchange in the
// steady state. Everything else (TLS, names to resolve, a connection per request, URLs that
// need encoding) goes through libcurl, and so does the rest of an exchange a redirect sends
// there. Both paths send the same bytes and word failures alike.
//
// Network thread only, like the rest of the engine.
class PlainHttpTransport
{
public:
    using Clock = std::chrono::steady_clock;
    // Takes the rest of an exchange that must go on through libcurl.
    using HandOver = std::function<void(std::unique_ptr<HttpTransfer>)>;

    // Marks this path's sockets in the engine's epoll data (the rest are libcurl's).
    static constexpr std::uint64_t kEpollTag = std::uint64_t(1) << 32;

    PlainHttpTransport(int epoll, HandOver handOver);
    ~PlainHttpTransport();

    PlainHttpTransport(const PlainHttpTransport &) = delete;
    PlainHttpTransport &operator=(const PlainHttpTransport &) = delete;

    // Sends `request` when this path takes it; false (and the channel left alone) when it is
    // libcurl's.
    bool start(const HttpRequest &request, std::shared_ptr<HttpReplyChannel> &channel);
    void onSocket(int fd, std::uint32_t events);
    void cancelRequested();
    // Exchanges silent for their timeout or past their maximum time end here.
    void expireOverdue(Clock::time_point now);
    Clock::time_point earliestDeadline() const { return m_earliestDeadline; }
    void failEverything(HttpError error, const QString &message);

private:
    struct Connection;

    void startHop(std::unique_ptr<PlainHttpExchange> exchange, bool mayReuse);
    Connection *takeIdle(const QByteArray &origin);
    Connection *open(const PlainHttpTarget &target, int &osErrno);
    void write(Connection &connection);
    void receive(Connection &connection);
    void completeResponse(Connection &connection, bool bytesLeftOver);
    void retryOnFreshConnection(Connection &connection);
    void failOnConnection(Connection &connection, int code, int osErrno, const QByteArray &detail);
    void finish(std::unique_ptr<PlainHttpExchange> exchange);
    void watch(Connection &connection, std::uint32_t events);
    void keepIdle(Connection &connection);
    void close(Connection &connection);
    std::unique_ptr<PlainHttpExchange> detach(Connection &connection);
    const std::optional<PlainHttpTarget> &targetOf(const QString &url);

    int m_epoll;
    HandOver m_handOver;
    // Indexed by file descriptor: a socket's connection in one lookup.
    std::vector<std::unique_ptr<Connection>> m_connections;
    QHash<QByteArray, std::vector<int>> m_idleByOrigin;
    // What each URL sent lately is (a load run's users each have their own): read once.
    QHash<QString, std::optional<PlainHttpTarget>> m_targets;
    int m_idleCount = 0;
    Clock::time_point m_earliestDeadline = Clock::time_point::max();
    std::vector<char> m_readBuffer;
};

} // namespace studio
