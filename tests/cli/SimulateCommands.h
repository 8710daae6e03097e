#pragma once

// The simulate command lines the CLI tests run, and a port nothing listens on.

#include "CliReports.h"
#include "server/HttpServerRequest.h"

#include <QHostAddress>
#include <QStringList>
#include <QTcpServer>

namespace studio::test {

inline QStringList simulateMemory(const QString &url, const QStringList &more = {})
{
    return QStringList{QStringLiteral("simulate"),   QStringLiteral("memory"),
                       QStringLiteral("--manifest"), testData("memory-manifest.json"),
                       QStringLiteral("--url"),      url} +
           more;
}

inline QStringList simulateTranscript(const QString &url, const QStringList &more = {})
{
    return QStringList{QStringLiteral("simulate"),     QStringLiteral("transcript"),
                       QStringLiteral("--manifest"),   testData("transcript-manifest.json"),
                       QStringLiteral("--url"),        url,
                       QStringLiteral("--transcript"), testData("conversation.json")} +
           more;
}

// `users` users replaying the test conversation in 10 s windows at 200x (about 0.35 s each),
// seed 9.
inline QStringList loadTranscript(const QString &url, int users, const QStringList &more = {})
{
    return QStringList{QStringLiteral("load"),
                       QStringLiteral("--manifest"),
                       testData("transcript-manifest.json"),
                       QStringLiteral("--url"),
                       url,
                       QStringLiteral("--transcript"),
                       testData("conversation.json"),
                       QStringLiteral("--users"),
                       QString::number(users),
                       QStringLiteral("--window"),
                       QStringLiteral("10"),
                       QStringLiteral("--speed"),
                       QStringLiteral("200"),
                       QStringLiteral("--seed"),
                       QStringLiteral("9")} +
           more;
}

// `users` users streaming the recording at `audioPath` to the test's audio app in half-second
// chunks at 2x (a chunk every 250 ms), seed 9.
inline QStringList loadAudio(const QString &url, int users, const QString &audioPath,
                             const QStringList &more = {})
{
    return QStringList{QStringLiteral("load"),
                       QStringLiteral("--manifest"),
                       testData("audio-app.json"),
                       QStringLiteral("--url"),
                       url,
                       QStringLiteral("--audio"),
                       audioPath,
                       QStringLiteral("--users"),
                       QString::number(users),
                       QStringLiteral("--chunk-seconds"),
                       QStringLiteral("0.5"),
                       QStringLiteral("--speed"),
                       QStringLiteral("2"),
                       QStringLiteral("--seed"),
                       QStringLiteral("9")} +
           more;
}

inline QString uidOf(const HttpServerRequest &request)
{
    return request.query().queryItemValue(QStringLiteral("uid"), QUrl::FullyDecoded);
}

// A loopback port free a moment ago: a connection to it is refused.
inline quint16 unusedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost);
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

} // namespace studio::test
