#pragma once

#include "http/AnswerProgress.h"
#include "http/HttpExchange.h"

#include <QByteArray>
#include <QString>

#include <curl/curl.h>

namespace studio {

// Turns what libcurl reports into an HttpError and a sentence a plugin author can act on:
// which host and port, what went wrong, and what to try.
class CurlErrorTranslator
{
public:
    struct Failure
    {
        HttpError error = HttpError::Other;
        QString message;
    };

    struct Facts
    {
        CURLcode code = CURLE_OK;
        QByteArray detail; // libcurl's error buffer, often more precise than the code
        long osErrno = 0;
        QString host;
        int port = 0;
        AnswerProgress answer;         // what had arrived of the answer
        QByteArray contentEncoding;    // the final response's Content-Encoding, if any
        qint64 bodyBytesExpected = -1; // Content-Length, -1 when unknown
    };

    // libcurl's limits on what it reads of a response (lib/http.h, CURL_MAX_HTTP_HEADER, and
    // Debian's backport of MAX_HTTP_RESP_HEADER_SIZE): beyond them it refuses the answer.
    static constexpr qint64 kMaxHeaderLineBytes = 100 * 1024;
    static constexpr qint64 kMaxHeaderBytes = 300 * 1024;

    static Failure translate(const Facts &facts);

    // `interimStatus`: the interim response ("100 Continue") that came before the silence.
    static QString timeoutMessage(const QString &host, int port, int timeoutMs, bool connected,
                                  bool answerStarted, const QByteArray &interimStatus = {});
    // The exchange was still going after `maxTimeMs`, the server never silent for long
    // enough to time out: what it kept sending, at what pace, and that the app would wait on.
    static QString maxTimeMessage(const QString &host, int port, int maxTimeMs, bool connected,
                                  const AnswerProgress &answer, double hopSeconds);
    static QString tooLargeMessage(qint64 limit, qint64 contentLength);
    static QString formatBytes(qint64 bytes);
    static QString formatDuration(int milliseconds);
};

} // namespace studio
