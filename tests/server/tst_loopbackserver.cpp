// The loopback test server itself, spoken to with raw sockets: the other HTTP tests trust
// what it records and how it frames its answers.
#include "LoopbackServer.h"
#include "RawClient.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace studio::test;
using Behaviour = LoopbackServer::Behaviour;

class LoopbackServerTest : public QObject
{
    Q_OBJECT

private slots:
    void request_isRecordedByteForByte();
    void chunkedRequest_isDecoded();
    void expectContinue_isAnsweredBeforeTheBody();
    void pipelinedRequests_areAnsweredInOrder();
    void callback_answersByContent();
    void unknownPath_isNotFound();
    void garbage_goesOutRawThenCloses();
    void heldAnswer_waitsForRelease();
    void chunkedAnswer_isFramed();
    void requestReceived_isSignalled();
};


void LoopbackServerTest::request_isRecordedByteForByte()
{
    LoopbackServer server;
    server.setRoute("/hook", Behaviour::text(200, "ok"));
    RawClient client(server.port());

    client.send("POST /hook?uid=u%201 HTTP/1.1\r\nHost: test\r\nX-Case: MiXeD\r\n"
                "Content-Length: 5\r\n\r\nhello");

    QVERIFY(server.waitForRequests(1));
    const auto received = server.requests().first();
    QCOMPARE(received.method, QByteArray("POST"));
    QCOMPARE(received.target, QByteArray("/hook?uid=u%201"));
    QCOMPARE(received.path, QByteArray("/hook"));
    QCOMPARE(received.query().queryItemValue(QStringLiteral("uid")), QStringLiteral("u 1"));
    const studio::HttpHeaders expected{
        {"Host", "test"}, {"X-Case", "MiXeD"}, {"Content-Length", "5"}};
    QCOMPARE(received.headers, expected);
    QCOMPARE(received.body, QByteArray("hello"));
    QCOMPARE(received.connection, 1);
    QVERIFY(received.arrivedMs >= 0);
    QTRY_VERIFY(client.received().endsWith("\r\n\r\nok"));
    QVERIFY(client.received().startsWith("HTTP/1.1 200 OK\r\n"));
    QVERIFY(client.received().contains("Content-Length: 2\r\n"));
}

void LoopbackServerTest::chunkedRequest_isDecoded()
{
    LoopbackServer server;
    RawClient client(server.port());

    client.send("POST /x HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
                "5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\n\r\n");

    QVERIFY(server.waitForRequests(1));
    QCOMPARE(server.requests().first().body, QByteArray("hello world"));
}

void LoopbackServerTest::expectContinue_isAnsweredBeforeTheBody()
{
    LoopbackServer server;
    server.setRoute("/x", Behaviour::text(200, "done"));
    RawClient client(server.port());

    client.send("PUT /x HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n");
    QTRY_COMPARE(client.received(), QByteArray("HTTP/1.1 100 Continue\r\n\r\n"));
    QCOMPARE(server.requestCount(), 0);
    client.send("abc");

    QVERIFY(server.waitForRequests(1));
    QCOMPARE(server.requests().first().body, QByteArray("abc"));
    QTRY_VERIFY(client.received().endsWith("done"));
}

void LoopbackServerTest::pipelinedRequests_areAnsweredInOrder()
{
    LoopbackServer server;
    server.setRoute("/first", Behaviour::text(200, "one").afterDelay(50));
    server.setRoute("/second", Behaviour::text(200, "two"));
    RawClient client(server.port());

    client.send("GET /first HTTP/1.1\r\nHost: t\r\n\r\nGET /second HTTP/1.1\r\nHost: t\r\n\r\n");

    QTRY_VERIFY(client.received().endsWith("two"));
    QVERIFY(client.received().indexOf("one") < client.received().indexOf("two"));
    const auto received = server.requests();
    QCOMPARE(received.size(), 2);
    QCOMPARE(received[0].connection, received[1].connection);
}

void LoopbackServerTest::callback_answersByContent()
{
    LoopbackServer server;
    server.setRoute("/echo", [](const LoopbackServer::ReceivedRequest &request) {
        return Behaviour::json(201, "{\"got\":\"" + request.body + "\"}");
    });
    RawClient client(server.port());

    client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\n\r\nping");

    QTRY_VERIFY(client.received().endsWith("{\"got\":\"ping\"}"));
    QVERIFY(client.received().startsWith("HTTP/1.1 201 Created\r\n"));
    QVERIFY(client.received().contains("Content-Type: application/json\r\n"));
}

void LoopbackServerTest::unknownPath_isNotFound()
{
    LoopbackServer server;
    RawClient client(server.port());

    client.send("GET /nowhere HTTP/1.1\r\nHost: t\r\n\r\n");

    QTRY_VERIFY(client.received().endsWith("no route for /nowhere on this server\n"));
    QVERIFY(client.received().startsWith("HTTP/1.1 404 Not Found\r\n"));
}

void LoopbackServerTest::garbage_goesOutRawThenCloses()
{
    LoopbackServer server;
    server.setRoute("/x", Behaviour::garbage("\x01\x02 not http"));
    RawClient client(server.port());

    client.send("GET /x HTTP/1.1\r\nHost: t\r\n\r\n");

    QTRY_COMPARE(client.received(), QByteArray("\x01\x02 not http"));
    QTRY_VERIFY(!client.isOpen());
}

void LoopbackServerTest::heldAnswer_waitsForRelease()
{
    LoopbackServer server;
    server.setRoute("/x", Behaviour::text(200, "released").heldUntilReleased());
    RawClient client(server.port());

    client.send("GET /x HTTP/1.1\r\nHost: t\r\n\r\n");
    QVERIFY(server.waitForRequests(1));
    QCOMPARE(server.requests().first().answeredMs, -1);
    server.releaseHeldAnswers();

    QTRY_VERIFY(client.received().endsWith("released"));
    QVERIFY(server.requests().first().answeredMs >= server.requests().first().arrivedMs);
}

void LoopbackServerTest::chunkedAnswer_isFramed()
{
    LoopbackServer server;
    server.setRoute("/x", Behaviour::chunked("abcdefg", 3));
    RawClient client(server.port());

    client.send("GET /x HTTP/1.1\r\nHost: t\r\n\r\n");

    QTRY_VERIFY(client.received().endsWith("\r\n\r\n3\r\nabc\r\n3\r\ndef\r\n1\r\ng\r\n0\r\n\r\n"));
    QVERIFY(client.received().contains("Transfer-Encoding: chunked\r\n"));
}

void LoopbackServerTest::requestReceived_isSignalled()
{
    LoopbackServer server;
    QSignalSpy received(&server, &LoopbackServer::requestReceived);
    RawClient client(server.port());

    client.send("GET /a HTTP/1.1\r\nHost: t\r\n\r\n");

    QVERIFY(received.wait());
    QCOMPARE(server.requestCount(), 1);
    server.clearRequests();
    QCOMPARE(server.requestCount(), 0);
}

QTEST_GUILESS_MAIN(LoopbackServerTest)
#include "tst_loopbackserver.moc"
