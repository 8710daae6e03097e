#pragma once

#include "http/HttpExchange.h"
#include "http/HttpHop.h"
#include "http/HttpResponseReader.h"
#include "http/PlainHttpTarget.h"

#include <chrono>
#include <memory>
#include <optional>

namespace studio {

class HttpReplyChannel;
class HttpTransfer;

// One exchange on the plain-HTTP path (PlainHttpTransport): the hop's request bytes, written
// as libcurl writes them for the app's client, the response read by HttpResponseReader, the
// timings, and a failure worded by CurlErrorTranslator as libcurl's would be. It knows no
// socket: the transport moves the bytes and says what happened to the connection.
class PlainHttpExchange
{
public:
    using Clock = std::chrono::steady_clock;

    PlainHttpExchange(const HttpRequest &request, std::shared_ptr<HttpReplyChannel> channel);
    ~PlainHttpExchange();

    PlainHttpExchange(const PlainHttpExchange &) = delete;
    PlainHttpExchange &operator=(const PlainHttpExchange &) = delete;

    // The hop this exchange sends now, and where: the request as it goes on the wire.
    void beginHop(const PlainHttpTarget &target);
    // The same hop again on a fresh connection, after a kept-alive one turned out closed.
    void restartHop();
    const PlainHttpTarget &target() const { return m_target; }
    const QByteArray &requestBytes() const { return m_requestBytes; }
    qsizetype written() const { return m_written; }
    void wrote(qsizetype bytes);
    bool wroteAll() const { return m_written == m_requestBytes.size(); }

    void connected(bool reused);
    // Response bytes arrived; how many the response took (the rest is not its).
    qsizetype read(const char *data, qsizetype size);
    void serverClosed();
    HttpResponseReader::State readerState() const { return m_reader->state(); }
    // Nothing of an answer came: a kept-alive connection the server had closed may be retried.
    bool receivedNothing() const { return m_receivedNothing; }
    bool keepsConnection() const { return m_reader->keepsConnection(); }

    // The response is complete: the hop a redirect asks for, or nothing when the exchange is
    // over (or failed: too many redirects).
    std::optional<HttpHop> finishHop();
    // The rest of the exchange on libcurl's path: the next hop goes where this one cannot.
    std::unique_ptr<HttpTransfer> handOver(HttpHop next);

    // The reader failed: its code and words, translated.
    void failReading();
    // A system call on the connection failed (`code`: the CURLcode libcurl gives for it).
    void failConnection(int code, int osErrno, const QByteArray &detail);
    void fail(HttpError error, const QString &message);
    Clock::time_point deadline() const;
    void failOverdue();

    HttpReplyChannel &channel() const { return *m_channel; }
    HttpResult takeResult() { return std::move(m_result); }

private:
    void touch();
    bool isConnected() const { return m_connected || m_written > 0; }
    double sinceHopStartMs(Clock::time_point when) const;
    void fillFromReader(bool complete);

    HttpResult m_result;
    std::shared_ptr<HttpReplyChannel> m_channel;
    HttpHop m_hop;
    PlainHttpTarget m_target;
    QByteArray m_requestBytes;
    qsizetype m_written = 0;
    std::unique_ptr<HttpResponseReader> m_reader;
    std::chrono::milliseconds m_timeout;
    std::chrono::milliseconds m_connectTimeout;
    std::chrono::milliseconds m_maxTime;
    Clock::time_point m_exchangeStart;
    Clock::time_point m_hopStart;
    Clock::time_point m_lastActivity;
    double m_earlierHopsMs = 0;
    int m_longestSilenceMs = 0;
    bool m_connected = false;
    bool m_receivedNothing = true;
    bool m_hopRunning = false;
};

} // namespace studio
