#pragma once

#include "http/AnswerProgress.h"
#include "http/HttpExchange.h"
#include "http/HttpHop.h"

#include <QUrl>

#include <curl/curl.h>

#include <algorithm>
#include <chrono>
#include <memory>

namespace studio {

class HttpReplyChannel;

// One exchange on the network thread: a libcurl easy handle, the hop being sent, and the
// result being filled in from libcurl's callbacks. Redirects are followed here rather than
// by libcurl, so every hop is recorded and the app's rules for method and body apply.
class HttpTransfer
{
public:
    using Clock = std::chrono::steady_clock;

    HttpTransfer(const HttpRequest &request, std::shared_ptr<HttpReplyChannel> channel);
    // Goes on with an exchange the plain-HTTP path began: `soFar` holds the request and the
    // redirects followed, `next` is the hop to send, and the limits count from `exchangeStart`.
    HttpTransfer(HttpResult soFar, HttpHop next, Clock::time_point exchangeStart,
                 std::shared_ptr<HttpReplyChannel> channel);
    ~HttpTransfer();

    HttpTransfer(const HttpTransfer &) = delete;
    HttpTransfer &operator=(const HttpTransfer &) = delete;

    // Sets the easy handle up for the current hop. False when it cannot be sent (bad URL,
    // unreadable CA file, malformed header); the result then says why.
    bool beginHop();
    // The hop ended with `code`. True when a redirect is to be followed and the handle is set
    // up for the next hop; false when the exchange is over and the result complete.
    bool finishHop(CURLcode code);

    void fail(HttpError error, const QString &message);
    // When the engine must end the exchange: the server silent for the timeout, or the whole
    // exchange past its maximum time (HttpRequest::timeoutMs, maxTimeMs).
    Clock::time_point deadline() const { return std::min(silenceDeadline(), maxTimeDeadline()); }
    // The deadline passed: fails with whichever limit it was.
    void failOverdue();

    CURL *handle() const { return m_handle; }
    // The engine lends an idle easy handle (or nullptr: one is made) before the first hop...
    void adoptHandle(CURL *handle);
    // ...and takes it back when the exchange is over. nullptr when it must not serve another
    // exchange: one that spoke TLS keeps the server's session for resumption, which a fresh
    // handle, like the app's new client, would not have.
    CURL *releaseHandle();
    HttpReplyChannel &channel() const { return *m_channel; }
    HttpResult takeResult() { return std::move(m_result); }

private:
    static size_t onHeader(char *data, size_t size, size_t count, void *self);
    static size_t onBody(char *data, size_t size, size_t count, void *self);
    static int onDebug(CURL *handle, curl_infotype type, char *data, size_t size, void *self);
    static int onProgress(void *self, curl_off_t downloadTotal, curl_off_t downloaded,
                          curl_off_t uploadTotal, curl_off_t uploaded);

    void addResponseHeaderLine(const QByteArray &line);
    void recordSentHeaders(const QByteArray &block);
    bool appendBody(const char *data, qint64 size);
    void touch();
    Clock::time_point silenceDeadline() const { return m_lastActivity + m_timeout; }
    Clock::time_point maxTimeDeadline() const { return m_exchangeStart + m_maxTime; }
    bool isConnected() const;
    void failSilent();
    void failMaxTime();

    // Empty when the hop can be sent; else why not (also recorded as the result's error).
    QString validateHop();
    bool configureHandle();
    void readTimings(bool hopCompleted);
    void fillFinalFacts();
    QString hopHost() const;
    int hopPort() const;
    qint64 announcedLength() const;

    HttpResult m_result;
    std::shared_ptr<HttpReplyChannel> m_channel;
    CURL *m_handle = nullptr;
    curl_slist *m_headerList = nullptr;
    char m_errorBuffer[CURL_ERROR_SIZE] = {};

    HttpHop m_hop;
    QUrl m_hopUrl;
    QByteArray m_encodedUrl;
    std::chrono::milliseconds m_timeout;
    std::chrono::milliseconds m_maxTime;
    Clock::time_point m_exchangeStart; // the first hop's start: the max time spans redirects
    Clock::time_point m_lastActivity;
    Clock::time_point m_hopStart;
    double m_earlierHopsMs = 0; // the time redirects took before the current hop
    curl_off_t m_lastDownloaded = 0;
    curl_off_t m_lastUploaded = 0;
    AnswerProgress m_answer; // of the current hop
    bool m_hopRunning = false;
    bool m_spokeTls = false; // some hop went to an https:// URL
};

} // namespace studio
