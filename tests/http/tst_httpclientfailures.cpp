// Every way an exchange can fail ends as a result with a plain reason, never a hang or a
// crash: each failure is provoked for real against a loopback server (or its absence).
#include "HttpResults.h"
#include "LoopbackServer.h"
#include "SendAndWait.h"
#include "http/HttpClient.h"

#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>

using namespace studio;
using namespace studio::test;
using Behaviour = LoopbackServer::Behaviour;

class HttpClientFailuresTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void noListener_isConnectionRefused();
    void unknownHost_isDnsFailure();
    void silentServer_timesOut();
    void serverSilentMidAnswer_timesOut();
    void selfSignedCertificate_isNotTrustedByDefault();
    void selfSignedCertificate_isTrustedWithItsCaFile();
    void selfSignedCertificate_isAcceptedWithoutVerification();
    void unreadableCaFile_failsBeforeConnecting();
    void httpsToPlainServer_saysSo();
    void resetConnection_isConnectionReset();
    void closedWithoutAnswer_isConnectionReset();
    void answerCutShort_saysHowMuchArrived();
    void garbageAnswer_isProtocolError();
    void hugeAnswer_isCutAtTheLimit();
    void answerExactlyAtTheLimit_isWhole();
    void unusableUrl_isInvalidUrl_data();
    void unusableUrl_isInvalidUrl();
    void headerWithLineBreak_isNeverSent();
};

namespace {

// A port nothing listens on: bound by the system, then released.
quint16 closedPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

} // namespace

void HttpClientFailuresTest::noListener_isConnectionRefused()
{
    const quint16 port = closedPort();
    QVERIFY(port != 0);
    HttpClient client;

    const HttpResult result =
        sendAndWait(client, getRequest(QStringLiteral("http://127.0.0.1:%1/hook").arg(port)));

    QCOMPARE(result.error, HttpError::ConnectionRefused);
    QCOMPARE(result.status, 0);
    QCOMPARE(result.errorMessage,
             QStringLiteral("connection refused by 127.0.0.1:%1 (is the plugin's server "
                            "running?)")
                 .arg(port));
}

void HttpClientFailuresTest::unknownHost_isDnsFailure()
{
    // .invalid is reserved (RFC 6761): it never resolves, with or without a network.
    HttpClient client;

    const HttpResult result =
        sendAndWait(client, getRequest(QStringLiteral("http://plugin-studio-test.invalid/x")));

    QCOMPARE(result.error, HttpError::DnsFailure);
    QVERIFY2(result.errorMessage.contains(QStringLiteral("'plugin-studio-test.invalid'")),
             qPrintable(result.errorMessage));
    QVERIFY(result.errorMessage.contains(QStringLiteral("DNS")));
}

void HttpClientFailuresTest::silentServer_timesOut()
{
    LoopbackServer server;
    server.setRoute("/hook", Behaviour::json(200, "{}").heldUntilReleased());
    HttpClient client;
    HttpRequest request = getRequest(server.url("/hook"));
    request.timeoutMs = 250;

    const HttpResult result = sendAndWait(client, request);

    QCOMPARE(result.error, HttpError::Timeout);
    QCOMPARE(server.requestCount(), 1);
    QVERIFY2(result.errorMessage.startsWith(
                 QStringLiteral("no answer from 127.0.0.1:%1 within 250 ms").arg(server.port())),
             qPrintable(result.errorMessage));
    QVERIFY(result.errorMessage.contains(QStringLiteral("the app waits 30 s")));
    QVERIFY(result.timings.totalMs >= 250);
    server.releaseHeldAnswers();
}

void HttpClientFailuresTest::serverSilentMidAnswer_timesOut()
{
    // Two bytes, then a pause longer than the timeout.
    LoopbackServer server;
    server.setRoute("/drip", Behaviour::slowDrip("abcdef", 2, 2'000));
    HttpClient client;
    HttpRequest request = getRequest(server.url("/drip"));
    request.timeoutMs = 250;

    const HttpResult result = sendAndWait(client, request);

    QCOMPARE(result.error, HttpError::Timeout);
    QVERIFY2(result.errorMessage.contains(QStringLiteral("went silent for 250 ms in the middle "
                                                         "of its answer")),
             qPrintable(result.errorMessage));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.body, QByteArray("ab"));
}

void HttpClientFailuresTest::selfSignedCertificate_isNotTrustedByDefault()
{
    LoopbackServer server(LoopbackServer::Scheme::Https);
    QVERIFY2(server.isListening(), qPrintable(server.errorString()));
    server.setRoute("/hook", Behaviour::json(200, "{}"));
    HttpClient client;

    const HttpResult result = sendAndWait(client, getRequest(server.url("/hook")));

    QCOMPARE(result.error, HttpError::TlsFailure);
    QCOMPARE(result.errorMessage,
             QStringLiteral("TLS certificate of 127.0.0.1 is not trusted: self-signed "
                            "certificate; trust its CA with --ca-file"));
    QCOMPARE(server.requestCount(), 0);
}

void HttpClientFailuresTest::selfSignedCertificate_isTrustedWithItsCaFile()
{
    LoopbackServer server(LoopbackServer::Scheme::Https);
    server.setRoute("/hook", Behaviour::json(200, R"({"message":"over TLS"})"));
    HttpClient client;
    HttpRequest request = getRequest(server.url("/hook"));
    request.caFile = LoopbackServer::certificatePath();

    const HttpResult result = sendAndWait(client, request);

    QVERIFY2(result.succeeded(), qPrintable(result.errorMessage));
    QCOMPARE(result.body, QByteArray(R"({"message":"over TLS"})"));
    QVERIFY(server.requests().first().overTls);
}

void HttpClientFailuresTest::selfSignedCertificate_isAcceptedWithoutVerification()
{
    LoopbackServer server(LoopbackServer::Scheme::Https);
    server.setRoute("/hook", Behaviour::json(200, "{}"));
    HttpClient client;
    HttpRequest request = getRequest(server.url("/hook"));
    request.verifyTls = false;

    const HttpResult result = sendAndWait(client, request);

    QVERIFY2(result.succeeded(), qPrintable(result.errorMessage));
}

void HttpClientFailuresTest::unreadableCaFile_failsBeforeConnecting()
{
    LoopbackServer server(LoopbackServer::Scheme::Https);
    HttpClient client;
    HttpRequest request = getRequest(server.url("/hook"));
    request.caFile = QStringLiteral("/nonexistent/ca.pem");

    const HttpResult result = sendAndWait(client, request);

    QCOMPARE(result.error, HttpError::TlsFailure);
    QCOMPARE(result.errorMessage,
             QStringLiteral("cannot read the CA file '/nonexistent/ca.pem' to verify 127.0.0.1"));
}

void HttpClientFailuresTest::httpsToPlainServer_saysSo()
{
    LoopbackServer server;
    HttpClient client;
    QString url = server.url("/hook");
    url.replace(QStringLiteral("http://"), QStringLiteral("https://"));

    HttpRequest request = getRequest(url);
    request.timeoutMs = 5'000;

    const HttpResult result = sendAndWait(client, request);

    QCOMPARE(result.error, HttpError::TlsFailure);
    QVERIFY2(result.errorMessage.contains(QStringLiteral("is it a plain http:// server?")),
             qPrintable(result.errorMessage));
}

void HttpClientFailuresTest::resetConnection_isConnectionReset()
{
    LoopbackServer server;
    server.setRoute("/hook", Behaviour::reset());
    HttpClient client;

    const HttpResult result = sendAndWait(client, getRequest(server.url("/hook")));

    QCOMPARE(result.error, HttpError::ConnectionReset);
    QVERIFY2(result.errorMessage.startsWith(
                 QStringLiteral("127.0.0.1:%1 reset the connection before answering")
                     .arg(server.port())),
             qPrintable(result.errorMessage));
}

void HttpClientFailuresTest::closedWithoutAnswer_isConnectionReset()
{
    LoopbackServer server;
    server.setRoute("/hook", Behaviour::closeWithoutAnswer());
    HttpClient client;

    const HttpResult result = sendAndWait(client, getRequest(server.url("/hook")));

    QCOMPARE(result.error, HttpError::ConnectionReset);
    QCOMPARE(result.errorMessage,
             QStringLiteral("the server closed the connection without answering (127.0.0.1:%1)")
                 .arg(server.port()));
}

void HttpClientFailuresTest::answerCutShort_saysHowMuchArrived()
{
    // Announces 100 bytes, sends 10, closes.
    LoopbackServer server;
    Behaviour cut = Behaviour::text(200, "0123456789").withHeader("Content-Length", "100");
    cut.closeAfter = true;
    server.setRoute("/hook", cut);
    HttpClient client;

    const HttpResult result = sendAndWait(client, getRequest(server.url("/hook")));

    QCOMPARE(result.error, HttpError::ConnectionReset);
    QVERIFY2(result.errorMessage.contains(QStringLiteral("10 of 100 announced bytes")),
             qPrintable(result.errorMessage));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.body, QByteArray("0123456789"));
}

void HttpClientFailuresTest::garbageAnswer_isProtocolError()
{
    LoopbackServer server;
    server.setRoute("/hook", Behaviour::garbage("hello, I am not HTTP at all\r\n\r\n"));
    HttpClient client;

    const HttpResult result = sendAndWait(client, getRequest(server.url("/hook")));

    QCOMPARE(result.error, HttpError::Protocol);
    QVERIFY2(result.errorMessage.startsWith(QStringLiteral("the server's answer is not HTTP")),
             qPrintable(result.errorMessage));
    QVERIFY(result.errorMessage.contains(QStringLiteral("127.0.0.1:%1").arg(server.port())));
}

void HttpClientFailuresTest::hugeAnswer_isCutAtTheLimit()
{
    constexpr qint64 limit = 1024 * 1024;
    constexpr qint64 served = 50 * 1024 * 1024;
    LoopbackServer server;
    server.setRoute("/huge", Behaviour::hugeBody(served));
    HttpClient client;
    HttpRequest request = getRequest(server.url("/huge"));
    request.maxResponseBytes = limit;

    const HttpResult result = sendAndWait(client, request);

    QCOMPARE(result.error, HttpError::ResponseTooLarge);
    QVERIFY(result.truncated);
    QCOMPARE(result.status, 200);
    QCOMPARE(result.body.size(), limit);
    QVERIFY(result.body.startsWith("xxxx"));
    QVERIFY(result.bodyBytesReceived > limit);
    QVERIFY(result.bodyBytesReceived < served);
    QCOMPARE(result.errorMessage,
             QStringLiteral("the answer is larger than the 1 MB limit; kept the first 1 MB of "
                            "the 50 MB it announced"));
}

void HttpClientFailuresTest::answerExactlyAtTheLimit_isWhole()
{
    LoopbackServer server;
    server.setRoute("/exact", Behaviour::hugeBody(4096));
    HttpClient client;
    HttpRequest request = getRequest(server.url("/exact"));
    request.maxResponseBytes = 4096;

    const HttpResult result = sendAndWait(client, request);

    QVERIFY2(result.succeeded(), qPrintable(result.errorMessage));
    QVERIFY(!result.truncated);
    QCOMPARE(result.body.size(), 4096);
    QCOMPARE(result.bodyBytesReceived, 4096);
}

void HttpClientFailuresTest::unusableUrl_isInvalidUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("message");

    QTest::newRow("empty") << QString() << QStringLiteral("no URL to send the request to");
    QTest::newRow("ftp") << QStringLiteral("ftp://example.org/hook")
                         << QStringLiteral("'ftp://example.org/hook' is not an http:// or "
                                           "https:// URL");
    QTest::newRow("no scheme") << QStringLiteral("localhost:8000/hook")
                               << QStringLiteral("'localhost:8000/hook' is not an http:// or "
                                                 "https:// URL");
    QTest::newRow("no host") << QStringLiteral("http:///hook")
                             << QStringLiteral("'http:///hook' names no host");
    QTest::newRow("bad port") << QStringLiteral("http://127.0.0.1:99999/hook")
                              << QStringLiteral("'http://127.0.0.1:99999/hook' is not a valid "
                                                "URL: Invalid port or port number out of range");
}

void HttpClientFailuresTest::unusableUrl_isInvalidUrl()
{
    QFETCH(QString, url);
    QFETCH(QString, message);
    HttpClient client;

    const HttpResult result = sendAndWait(client, getRequest(url));

    QCOMPARE(result.error, HttpError::InvalidUrl);
    QCOMPARE(result.errorMessage, message);
}

void HttpClientFailuresTest::headerWithLineBreak_isNeverSent()
{
    LoopbackServer server;
    server.setRoute("/hook", Behaviour::json(200, "{}"));
    HttpClient client;
    HttpRequest request = getRequest(server.url("/hook"));
    request.headers = {{"X-Note", "one\r\nX-Injected: two"}};

    const HttpResult result = sendAndWait(client, request);

    QCOMPARE(result.error, HttpError::Other);
    QVERIFY(result.errorMessage.contains(QStringLiteral("'X-Note'")));
    QCOMPARE(server.requestCount(), 0);
}

QTEST_GUILESS_MAIN(HttpClientFailuresTest)
#include "tst_httpclientfailures.moc"
