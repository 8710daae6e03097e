// HttpServer against clients that break the rules: a port already taken, bodies over the
// limit, clients too slow to finish a request, more connections than allowed. Each gets a
// status and a refusal note, and the server goes on answering the next client.
#include "RawClient.h"
#include "server/HttpServer.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <vector>

using namespace studio;
using studio::test::RawClient;

class HttpServerLimitsTest : public QObject
{
    Q_OBJECT

private slots:
    void portInUse_saysSoInWords();
    void hostOption_listensThereOnly();
    void bodyOverTheLimit_isRefused413_andTheServerGoesOn();
    void chunkedBodyOverTheLimit_isRefused413();
    void slowClient_isRefused408_afterTheReadTimeout();
    void idleConnection_isClosedQuietly();
    void connectionsOverTheLimit_areRefused503();
    void keptRequests_keepsOnlyTheNewest_butCountsAll();
    void requestReceived_carriesTheAnswersStatus();
};

namespace {

void answerOk(HttpServer &server)
{
    server.setFallback(HttpAnswer::json(200, "{}"));
}

bool answersOk(quint16 port)
{
    RawClient client(port);
    client.send("GET /ok HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
    return QTest::qWaitFor([&] { return client.received().endsWith("{}"); }, 5000) &&
           client.received().startsWith("HTTP/1.1 200 OK");
}

} // namespace

void HttpServerLimitsTest::portInUse_saysSoInWords()
{
    HttpServer first;
    QVERIFY(first.isListening());
    HttpServerOptions options;
    options.port = first.port();
    HttpServer second(options);

    QVERIFY(!second.isListening());
    QCOMPARE(second.port(), quint16(0));
    QVERIFY2(second.errorString().contains(
                 QStringLiteral("cannot listen on 127.0.0.1:%1: the port is already in use")
                     .arg(first.port())),
             qPrintable(second.errorString()));
}

void HttpServerLimitsTest::hostOption_listensThereOnly()
{
    HttpServerOptions options;
    options.address = QHostAddress(QStringLiteral("127.0.0.2"));
    HttpServer server(options);
    if (!server.isListening())
        QSKIP("this machine has no 127.0.0.2 loopback address");
    QVERIFY(server.baseUrl().startsWith(QStringLiteral("http://127.0.0.2:")));
    answerOk(server);

    QTcpSocket elsewhere;
    elsewhere.connectToHost(QHostAddress::LocalHost, server.port());
    QVERIFY(!elsewhere.waitForConnected(2000)); // nothing listens on 127.0.0.1 at that port
}

void HttpServerLimitsTest::bodyOverTheLimit_isRefused413_andTheServerGoesOn()
{
    HttpServerOptions options;
    options.maxBodyBytes = 1000;
    HttpServer server(options);
    answerOk(server);
    QSignalSpy refused(&server, &HttpServer::requestRefused);
    RawClient client(server.port());

    client.send("POST /big HTTP/1.1\r\nHost: t\r\nContent-Length: 1001\r\n\r\n");

    QTRY_VERIFY(client.received().startsWith("HTTP/1.1 413 Content Too Large\r\n"));
    QTRY_VERIFY(!client.isOpen());
    QTRY_COMPARE(refused.size(), 1);
    const auto refusal = refused.first().first().value<HttpServerRefusal>();
    QCOMPARE(refusal.status, 413);
    QVERIFY2(refusal.reason.contains(QStringLiteral("over the")), qPrintable(refusal.reason));
    QCOMPARE(refusal.target, QByteArray("/big"));
    QVERIFY(refusal.peer.startsWith(QStringLiteral("127.0.0.1:")));
    QCOMPARE(server.requestCount(), 0);
    QVERIFY(answersOk(server.port()));
}

void HttpServerLimitsTest::chunkedBodyOverTheLimit_isRefused413()
{
    HttpServerOptions options;
    options.maxBodyBytes = 10;
    HttpServer server(options);
    answerOk(server);
    RawClient client(server.port());

    client.send("POST /c HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
                "8\r\n12345678\r\n8\r\n12345678\r\n0\r\n\r\n");

    QTRY_VERIFY(client.received().startsWith("HTTP/1.1 413 "));
    QCOMPARE(server.requestCount(), 0);
}

void HttpServerLimitsTest::slowClient_isRefused408_afterTheReadTimeout()
{
    HttpServerOptions options;
    options.readTimeoutMs = 300;
    HttpServer server(options);
    answerOk(server);
    QSignalSpy refused(&server, &HttpServer::requestRefused);
    RawClient client(server.port());

    client.send("POST /slow HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\nabc");

    QTRY_VERIFY_WITH_TIMEOUT(client.received().startsWith("HTTP/1.1 408 Request Timeout\r\n"),
                             5000);
    QTRY_VERIFY(!client.isOpen());
    QTRY_COMPARE(refused.size(), 1);
    QCOMPARE(refused.first().first().value<HttpServerRefusal>().status, 408);
    QVERIFY(answersOk(server.port()));
}

void HttpServerLimitsTest::idleConnection_isClosedQuietly()
{
    HttpServerOptions options;
    options.idleTimeoutMs = 200;
    HttpServer server(options);
    answerOk(server);
    QSignalSpy refused(&server, &HttpServer::requestRefused);
    RawClient client(server.port());
    QVERIFY(client.waitForConnected());

    QTRY_VERIFY_WITH_TIMEOUT(!client.isOpen(), 5000);
    QVERIFY(client.received().isEmpty());
    QCOMPARE(refused.size(), 0);
}

void HttpServerLimitsTest::connectionsOverTheLimit_areRefused503()
{
    HttpServerOptions options;
    options.maxConnections = 3;
    HttpServer server(options);
    answerOk(server);
    QSignalSpy refused(&server, &HttpServer::requestRefused);
    std::vector<std::unique_ptr<RawClient>> clients;
    for (int i = 0; i < 5; ++i) {
        clients.push_back(std::make_unique<RawClient>(server.port()));
        QVERIFY(clients.back()->waitForConnected());
    }

    QTRY_COMPARE(refused.size(), 2);
    for (const QList<QVariant> &signal : refused)
        QCOMPARE(signal.first().value<HttpServerRefusal>().status, 503);
    const auto busy = [&clients] {
        return std::count_if(clients.cbegin(), clients.cend(), [](const auto &client) {
            return client->received().startsWith("HTTP/1.1 503 ");
        });
    };
    QTRY_COMPARE(busy(), 2);
    clients.clear(); // the three held connections close: room again
    QTRY_VERIFY(answersOk(server.port()));
}

void HttpServerLimitsTest::keptRequests_keepsOnlyTheNewest_butCountsAll()
{
    HttpServerOptions options;
    options.keptRequests = 2;
    HttpServer server(options);
    answerOk(server);
    for (const char *path : {"/1", "/2", "/3"}) {
        RawClient client(server.port());
        client.send(QByteArray("GET ") + path + " HTTP/1.1\r\nHost: t\r\n\r\n");
        QTRY_VERIFY(client.received().endsWith("{}"));
    }

    QCOMPARE(server.requestCount(), 3);
    const QList<HttpServerRequest> kept = server.requests();
    QCOMPARE(kept.size(), 2);
    QCOMPARE(kept.at(0).path, QByteArray("/2"));
    QCOMPARE(kept.at(1).path, QByteArray("/3"));
}

void HttpServerLimitsTest::requestReceived_carriesTheAnswersStatus()
{
    HttpServer server;
    server.setRoute("/teapot", HttpAnswer::text(418, "short and stout"));
    server.setRoute("/reset", HttpAnswer::reset());
    QSignalSpy received(&server, &HttpServer::requestReceived);
    RawClient teapot(server.port());
    teapot.send("POST /teapot?uid=u HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\n\r\nhi");
    QTRY_COMPARE(received.size(), 1);
    RawClient reset(server.port());
    reset.send("GET /reset HTTP/1.1\r\nHost: t\r\n\r\n");
    QTRY_COMPARE(received.size(), 2);

    const auto first = received.at(0).first().value<HttpServerRequest>();
    QCOMPARE(first.answerStatus, 418);
    QCOMPARE(first.body, QByteArray("hi"));
    QVERIFY(first.receivedAt.isValid());
    QVERIFY(first.peer.startsWith(QStringLiteral("127.0.0.1:")));
    QCOMPARE(received.at(1).first().value<HttpServerRequest>().answerStatus, 0);
}

QTEST_GUILESS_MAIN(HttpServerLimitsTest)
#include "tst_httpserverlimits.moc"
