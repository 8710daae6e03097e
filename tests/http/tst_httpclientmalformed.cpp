// Answers libcurl refuses, each provoked for real against a loopback server: the failure
// says what the server sent wrong, not what libcurl's error code happens to be called
// ("out of memory", "unsupported protocol", "receive error").
#include "HttpResults.h"
#include "LoopbackServer.h"
#include "SendAndWait.h"
#include "http/HttpClient.h"

#include <QStandardPaths>
#include <QTest>

using namespace studio;
using namespace studio::test;
using Behaviour = LoopbackServer::Behaviour;

Q_DECLARE_METATYPE(studio::HttpAnswer)

class HttpClientMalformedTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void refusedAnswer_saysWhatWasWrong_data();
    void refusedAnswer_saysWhatWasWrong();
    void tooManyHeaderBytes_saysHowManyAndTheLimit();
    void continueThenSilence_isATimeoutWithoutAnAnswer();
    void interimResponses_beforeTheAnswer_areNotTheAnswer_data();
    void interimResponses_beforeTheAnswer_areNotTheAnswer();
};

void HttpClientMalformedTest::refusedAnswer_saysWhatWasWrong_data()
{
    QTest::addColumn<Behaviour>("behaviour");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message"); // %1: the server's host and port

    QTest::newRow("2 MB header line")
        << Behaviour::json(200, "{}").withHeader("X-Big", QByteArray(2 * 1024 * 1024, 'a')) << 200
        << QStringLiteral("%1 sent a response header line longer than 100 KB, the most libcurl "
                          "reads in one line; the answer was refused");
    QTest::newRow("status code of 11 digits")
        << Behaviour::garbage("HTTP/1.1 99999999999 OK\r\nContent-Length: 0\r\n\r\n") << 0
        << QStringLiteral("%1 sent an invalid status line: its status code is not a number from "
                          "100 to 999 (libcurl: Unsupported response code in HTTP response)");
    QTest::newRow("status code below 100")
        << Behaviour::garbage("HTTP/1.1 099 Odd\r\nContent-Length: 0\r\n\r\n") << 0
        << QStringLiteral("%1 sent an invalid status line: its status code is not a number from "
                          "100 to 999 (libcurl: Unsupported response code in HTTP response)");
    QTest::newRow("status code not a number")
        << Behaviour::garbage("HTTP/1.1 abc OK\r\nContent-Length: 0\r\n\r\n") << 0
        << QStringLiteral("%1 sent an invalid status line: it does not read as 'HTTP/1.1 <status "
                          "code> <reason>' (libcurl: Unsupported HTTP version in response)");
    QTest::newRow("corrupt gzip")
        << Behaviour::json(200, "this is not gzip at all").withHeader("Content-Encoding", "gzip")
        << 200
        << QStringLiteral("the body from %1 cannot be decoded as gzip, as its Content-Encoding "
                          "header says it is (incorrect header check)");
    QTest::newRow("unknown encoding")
        << Behaviour::json(200, "{}").withHeader("Content-Encoding", "snappy") << 200
        << QStringLiteral("%1 sent its body with 'Content-Encoding: snappy', which libcurl does "
                          "not know (Unrecognized content encoding type. libcurl understands "
                          "deflate, gzip, br, zstd content encodings.)");
    QTest::newRow("malformed chunk size")
        << Behaviour::garbage("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc")
        << 200
        << QStringLiteral("%1 sent a malformed chunked body (libcurl: Illegal or missing "
                          "hexadecimal sequence in chunked-encoding)");
    QTest::newRow("header without colon")
        << Behaviour::garbage("HTTP/1.1 200 OK\r\nNo colon here\r\nContent-Length: 0\r\n\r\n")
        << 200
        << QStringLiteral("%1 sent an invalid response header (libcurl: Header without colon)");
}

void HttpClientMalformedTest::refusedAnswer_saysWhatWasWrong()
{
    QFETCH(Behaviour, behaviour);
    QFETCH(int, status);
    QFETCH(QString, message);
    LoopbackServer server;
    server.setRoute("/hook", behaviour);
    HttpClient client;

    const HttpResult result = sendAndWait(client, getRequest(server.url("/hook")));

    QCOMPARE(result.error, HttpError::Protocol);
    QCOMPARE(result.errorMessage, message.arg(QStringLiteral("127.0.0.1:%1").arg(server.port())));
    QCOMPARE(result.status, status);
}

void HttpClientMalformedTest::tooManyHeaderBytes_saysHowManyAndTheLimit()
{
    // 320 headers of about 1 KB: each line is fine, together they pass libcurl's 300 KB.
    Behaviour answer = Behaviour::json(200, "{}");
    for (int i = 0; i < 320; ++i)
        answer = answer.withHeader("X-Filler-" + QByteArray::number(i), QByteArray(1000, 'b'));
    LoopbackServer server;
    server.setRoute("/hook", answer);
    HttpClient client;

    const HttpResult result = sendAndWait(client, getRequest(server.url("/hook")));

    QCOMPARE(result.error, HttpError::Protocol);
    QVERIFY2(result.errorMessage.startsWith(
                 QStringLiteral("127.0.0.1:%1 sent response headers of ").arg(server.port())),
             qPrintable(result.errorMessage));
    QVERIFY2(result.errorMessage.endsWith(QStringLiteral(
                 " bytes, larger than 300 KB, the most libcurl reads for one response; the "
                 "answer was refused")),
             qPrintable(result.errorMessage));
}

void HttpClientMalformedTest::continueThenSilence_isATimeoutWithoutAnAnswer()
{
    LoopbackServer server;
    server.setRoute("/hook", Behaviour::json(200, "{}").withInterim(100).heldUntilReleased());
    HttpClient client;
    HttpRequest request = getRequest(server.url("/hook"));
    request.timeoutMs = 300;

    const HttpResult result = sendAndWait(client, request);
    server.releaseHeldAnswers();

    QCOMPARE(result.error, HttpError::Timeout);
    QCOMPARE(result.status, 0);
    QVERIFY(result.statusLine.isEmpty());
    QCOMPARE(result.errorMessage,
             QStringLiteral("no answer from 127.0.0.1:%1 within 300 ms, only an interim '100 "
                            "Continue', which is not the answer (the timeout set for this "
                            "request; the app waits 30 s)")
                 .arg(server.port()));
}

void HttpClientMalformedTest::interimResponses_beforeTheAnswer_areNotTheAnswer_data()
{
    QTest::addColumn<Behaviour>("behaviour");
    QTest::newRow("100 Continue") << Behaviour::json(200, R"({"message":"hi"})").withInterim(100);
    QTest::newRow("102 Processing, twice")
        << Behaviour::json(200, R"({"message":"hi"})").withInterim(102).withInterim(102);
}

void HttpClientMalformedTest::interimResponses_beforeTheAnswer_areNotTheAnswer()
{
    QFETCH(Behaviour, behaviour);
    LoopbackServer server;
    server.setRoute("/hook", behaviour.withHeader("X-Final", "yes"));
    HttpClient client;

    const HttpResult result = sendAndWait(client, getRequest(server.url("/hook")));

    QVERIFY2(result.succeeded(), qPrintable(result.errorMessage));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.statusLine, QByteArray("HTTP/1.1 200 OK"));
    QCOMPARE(headerValue(result.responseHeaders, "X-Final"), QByteArray("yes"));
    QCOMPARE(result.body, QByteArray(R"({"message":"hi"})"));
}

QTEST_GUILESS_MAIN(HttpClientMalformedTest)
#include "tst_httpclientmalformed.moc"
