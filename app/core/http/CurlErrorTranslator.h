#pragma once

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
        bool answerStarted = false; // some of the response had arrived
        qint64 bodyBytesReceived = 0;
        qint64 bodyBytesExpected = -1; // Content-Length, -1 when unknown
    };

    static Failure translate(const Facts &facts);

    static QString timeoutMessage(const QString &host, int port, int timeoutMs, bool connected,
                                  bool answerStarted);
    static QString tooLargeMessage(qint64 limit, qint64 contentLength);
    static QString formatBytes(qint64 bytes);
    static QString formatDuration(int milliseconds);
};

} // namespace studio
