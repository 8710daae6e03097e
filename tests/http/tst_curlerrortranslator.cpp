// The wording of failures that cannot be provoked cheaply for real (the app's own 30 s
// timeout, a server trickling for minutes) and the size and duration phrases every message
// uses.
#include "http/CurlErrorTranslator.h"

#include <QTest>

#include <cerrno>

using namespace studio;

Q_DECLARE_METATYPE(studio::AnswerProgress)

class CurlErrorTranslatorTest : public QObject
{
    Q_OBJECT

private slots:
    void timeoutMessage_data();
    void timeoutMessage();
    void maxTimeMessage_data();
    void maxTimeMessage();
    void formatBytes_data();
    void formatBytes();
    void translate_data();
    void translate();
};

void CurlErrorTranslatorTest::timeoutMessage_data()
{
    QTest::addColumn<int>("timeoutMs");
    QTest::addColumn<bool>("connected");
    QTest::addColumn<bool>("answerStarted");
    QTest::addColumn<QString>("message");

    QTest::newRow("the app's timeout")
        << 30'000 << true << false
        << QStringLiteral("no answer from 127.0.0.1:8000 within 30 s (the app gives up after "
                          "30 s too)");
    QTest::newRow("shorter timeout")
        << 1'500 << true << false
        << QStringLiteral("no answer from 127.0.0.1:8000 within 1.5 s (the timeout set for "
                          "this request; the app waits 30 s)");
    QTest::newRow("never connected")
        << 30'000 << false << false
        << QStringLiteral("could not connect to 127.0.0.1:8000 within 30 s (the app gives up "
                          "after 30 s too)");
    QTest::newRow("stalled mid-answer")
        << 30'000 << true << true
        << QStringLiteral("127.0.0.1:8000 went silent for 30 s in the middle of its answer "
                          "(the app gives up after 30 s too)");
}

void CurlErrorTranslatorTest::timeoutMessage()
{
    QFETCH(int, timeoutMs);
    QFETCH(bool, connected);
    QFETCH(bool, answerStarted);
    QFETCH(QString, message);
    QCOMPARE(CurlErrorTranslator::timeoutMessage(QStringLiteral("127.0.0.1"), 8000, timeoutMs,
                                                 connected, answerStarted),
             message);
}

void CurlErrorTranslatorTest::maxTimeMessage_data()
{
    QTest::addColumn<AnswerProgress>("answer");
    QTest::addColumn<double>("hopSeconds");
    QTest::addColumn<QString>("message");

    const QString head = QStringLiteral("no complete answer from 127.0.0.1:8000 after 300 s "
                                        "(--max-time), and the app would still be waiting: the "
                                        "server kept the connection alive ");
    AnswerProgress body;
    body.finalStatusSeen = true;
    body.headerLines = 3;
    body.headersComplete = true;
    body.bodyBytes = 120;
    body.longestSilenceMs = 2'600;
    QTest::newRow("body, a byte every 2.5 s")
        << body << 300.0
        << head + QStringLiteral("sending its body slowly (120 bytes, a byte every 2.5 s)");
    AnswerProgress fastBody = body;
    fastBody.bodyBytes = 3 * 1024 * 1024;
    fastBody.longestSilenceMs = 20;
    QTest::newRow("body, a slow download")
        << fastBody << 300.0
        << head + QStringLiteral("sending its body slowly (3 MB, about 10486 bytes a second)");
    AnswerProgress headers;
    headers.finalStatusSeen = true;
    headers.headerLines = 299;
    headers.longestSilenceMs = 1'100;
    QTest::newRow("header lines")
        << headers << 299.0
        << head + QStringLiteral("sending header lines but never the end of them (299 lines, a "
                                 "line every 1.0 s)");
    AnswerProgress interim;
    interim.interimResponses = 30;
    interim.interimStatus = "102 Processing";
    interim.longestSilenceMs = 10'000;
    QTest::newRow("interim responses")
        << interim << 300.0
        << head + QStringLiteral("with interim responses but never the final one (30 of '102 "
                                 "Processing', a response every 10.0 s)");
    AnswerProgress gaps = interim;
    gaps.interimResponses = 5;
    gaps.longestSilenceMs = 45'000;
    QTest::newRow("silences the app would not wait through")
        << gaps << 300.0
        << QStringLiteral("no complete answer from 127.0.0.1:8000 after 300 s (--max-time); the "
                          "app would have given up after 30 s of silence: the server kept the "
                          "connection alive with interim responses but never the final one (5 of "
                          "'102 Processing', a response every 60.0 s)");
    AnswerProgress nothing;
    nothing.longestSilenceMs = 300'000;
    QTest::newRow("nothing at all")
        << nothing << 300.0
        << QStringLiteral("no answer from 127.0.0.1:8000 within 300 s (--max-time); the app "
                          "would have given up after 30 s of silence");
}

void CurlErrorTranslatorTest::maxTimeMessage()
{
    QFETCH(AnswerProgress, answer);
    QFETCH(double, hopSeconds);
    QFETCH(QString, message);
    QCOMPARE(CurlErrorTranslator::maxTimeMessage(QStringLiteral("127.0.0.1"), 8000, 300'000, true,
                                                 answer, hopSeconds),
             message);
}

void CurlErrorTranslatorTest::formatBytes_data()
{
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<QString>("text");
    QTest::newRow("bytes") << qint64(512) << QStringLiteral("512 bytes");
    QTest::newRow("KB") << qint64(64 * 1024) << QStringLiteral("64 KB");
    QTest::newRow("MB") << qint64(10 * 1024 * 1024) << QStringLiteral("10 MB");
    QTest::newRow("fraction of MB") << qint64(1536 * 1024) << QStringLiteral("1.5 MB");
}

void CurlErrorTranslatorTest::formatBytes()
{
    QFETCH(qint64, bytes);
    QFETCH(QString, text);
    QCOMPARE(CurlErrorTranslator::formatBytes(bytes), text);
}

void CurlErrorTranslatorTest::translate_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QByteArray>("detail");
    QTest::addColumn<int>("error");
    QTest::addColumn<QString>("message");

    QTest::newRow("refused") << int(CURLE_COULDNT_CONNECT) << QByteArray() << int(ECONNREFUSED)
                             << QStringLiteral("connection refused by [::1]:8000 (is the "
                                               "plugin's server running?)");
    QTest::newRow("expired certificate")
        << int(CURLE_PEER_FAILED_VERIFICATION)
        << QByteArray("SSL certificate problem: certificate has expired") << 0
        << QStringLiteral("TLS certificate of ::1 is not trusted: certificate has expired; "
                          "trust its CA with --ca-file");
    QTest::newRow("name mismatch")
        << int(CURLE_PEER_FAILED_VERIFICATION)
        << QByteArray("SSL: no alternative certificate subject name matches target host name "
                      "'::1'")
        << 0
        << QStringLiteral("TLS certificate of ::1 is not valid for that name: SSL: no "
                          "alternative certificate subject name matches target host name '::1'");
}

void CurlErrorTranslatorTest::translate()
{
    QFETCH(int, code);
    QFETCH(QByteArray, detail);
    QFETCH(int, error);
    QFETCH(QString, message);
    CurlErrorTranslator::Facts facts;
    facts.code = CURLcode(code);
    facts.detail = detail;
    facts.osErrno = error;
    facts.host = QStringLiteral("::1");
    facts.port = 8000;

    QCOMPARE(CurlErrorTranslator::translate(facts).message, message);
}

QTEST_APPLESS_MAIN(CurlErrorTranslatorTest)
#include "tst_curlerrortranslator.moc"
