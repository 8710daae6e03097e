// Redirects are followed the way the app's client follows them, and every hop is shown.
#include "LoopbackServer.h"
#include "SendAndWait.h"
#include "http/HttpClient.h"

#include <QStandardPaths>
#include <QTest>

using namespace studio;
using namespace studio::test;
using Behaviour = LoopbackServer::Behaviour;

class HttpClientRedirectsTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void post_followsLikeTheApp_data();
    void post_followsLikeTheApp();
    void chain_recordsEveryHopInOrder();
    void endlessLoop_stopsAfterThirtyRedirects();
    void notFollowed_whenDisabled();
    void timings_includeEveryHop();
};

void HttpClientRedirectsTest::post_followsLikeTheApp_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("finalMethod");
    QTest::addColumn<bool>("bodyKept");

    QTest::newRow("301 turns POST into GET") << 301 << QByteArray("GET") << false;
    QTest::newRow("302 turns POST into GET") << 302 << QByteArray("GET") << false;
    QTest::newRow("303 turns POST into GET") << 303 << QByteArray("GET") << false;
    QTest::newRow("307 keeps POST and body") << 307 << QByteArray("POST") << true;
    QTest::newRow("308 keeps POST and body") << 308 << QByteArray("POST") << true;
}

void HttpClientRedirectsTest::post_followsLikeTheApp()
{
    QFETCH(int, status);
    QFETCH(QByteArray, finalMethod);
    QFETCH(bool, bodyKept);

    LoopbackServer server;
    server.setRoute("/old", Behaviour::redirect(status, "/new?uid=u1"));
    server.setRoute("/new", Behaviour::json(200, R"({"message":"moved here"})"));
    HttpClient client;
    HttpRequest request;
    request.url = server.url("/old?uid=u1");
    request.headers = {{"Content-Type", "application/json"}};
    request.body = R"({"session_id":"s1","segments":[]})";

    const HttpResult result = sendAndWait(client, request);

    QVERIFY2(result.succeeded(), qPrintable(result.errorMessage));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.body, QByteArray(R"({"message":"moved here"})"));
    QCOMPARE(result.redirects.size(), 1);
    QCOMPARE(result.redirects.first().status, status);
    QCOMPARE(result.redirects.first().location, server.url("/new?uid=u1"));
    QCOMPARE(result.finalUrl, server.url("/new?uid=u1"));
    QCOMPARE(result.finalMethod, finalMethod);
    QCOMPARE(result.request.method, QByteArray("POST"));

    const auto received = server.requests();
    QCOMPARE(received.size(), 2);
    QCOMPARE(received[0].method, QByteArray("POST"));
    QCOMPARE(received[0].body, request.body);
    QCOMPARE(received[1].method, finalMethod);
    QCOMPARE(received[1].target, QByteArray("/new?uid=u1"));
    QCOMPARE(received[1].body, bodyKept ? request.body : QByteArray());
    QCOMPARE(received[1].hasHeader("Content-Type"), bodyKept);
    // The recorded request headers are those of the last hop.
    QCOMPARE(result.requestHeaders, received[1].headers);
}

void HttpClientRedirectsTest::chain_recordsEveryHopInOrder()
{
    LoopbackServer server;
    server.setRoute("/a", Behaviour::redirect(302, "/b"));
    server.setRoute("/b", Behaviour::redirect(301, server.url("/c").toUtf8()));
    server.setRoute("/c", Behaviour::redirect(307, "d"));
    server.setRoute("/d", Behaviour::text(200, "end of the chain"));
    HttpClient client;
    HttpRequest request;
    request.method = "GET";
    request.url = server.url("/a");

    const HttpResult result = sendAndWait(client, request);

    QVERIFY2(result.succeeded(), qPrintable(result.errorMessage));
    QCOMPARE(result.body, QByteArray("end of the chain"));
    const QList<HttpRedirect> expected{
        {302, server.url("/b")}, {301, server.url("/c")}, {307, server.url("/d")}};
    QCOMPARE(result.redirects.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(result.redirects[i].status, expected[i].status);
        QCOMPARE(result.redirects[i].location, expected[i].location);
    }
    QCOMPARE(server.requestCount(), 4);
}

void HttpClientRedirectsTest::endlessLoop_stopsAfterThirtyRedirects()
{
    LoopbackServer server;
    server.setRoute("/loop", Behaviour::redirect(302, "/loop"));
    HttpClient client;
    HttpRequest request;
    request.method = "GET";
    request.url = server.url("/loop");

    const HttpResult result = sendAndWait(client, request);

    QCOMPARE(result.error, HttpError::Other);
    QCOMPARE(result.redirects.size(), 30);
    QCOMPARE(server.requestCount(), 31);
    QCOMPARE(result.status, 302);
    QVERIFY2(result.errorMessage.startsWith(QStringLiteral("gave up after 30 redirects")),
             qPrintable(result.errorMessage));
}

void HttpClientRedirectsTest::notFollowed_whenDisabled()
{
    LoopbackServer server;
    server.setRoute("/old", Behaviour::redirect(302, "/new"));
    HttpClient client;
    HttpRequest request;
    request.url = server.url("/old");
    request.followRedirects = false;

    const HttpResult result = sendAndWait(client, request);

    QVERIFY2(result.succeeded(), qPrintable(result.errorMessage));
    QCOMPARE(result.status, 302);
    QVERIFY(result.redirects.isEmpty());
    QCOMPARE(headerValue(result.responseHeaders, "Location"), QByteArray("/new"));
    QCOMPARE(server.requestCount(), 1);
}

void HttpClientRedirectsTest::timings_includeEveryHop()
{
    constexpr int firstHopDelayMs = 120;
    LoopbackServer server;
    server.setRoute("/old", Behaviour::redirect(302, "/new").afterDelay(firstHopDelayMs));
    server.setRoute("/new", Behaviour::json(200, "{}"));
    HttpClient client;
    HttpRequest request;
    request.method = "GET";
    request.url = server.url("/old");

    const HttpResult result = sendAndWait(client, request);

    QVERIFY2(result.succeeded(), qPrintable(result.errorMessage));
    // The phases of the last hop are counted from the start of the whole exchange.
    QVERIFY(result.timings.firstByteMs >= firstHopDelayMs);
    QVERIFY(result.timings.totalMs >= result.timings.firstByteMs);
}

QTEST_GUILESS_MAIN(HttpClientRedirectsTest)
#include "tst_httpclientredirects.moc"
