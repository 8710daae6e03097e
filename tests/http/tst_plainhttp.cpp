// The engine's own path for plain http:// on kept-alive connections (PlainHttpTransport),
// against a real loopback server: it sends what libcurl sends, keeps and reuses connections
// as libcurl does, and hands over to libcurl where it cannot go on itself.
#include "HttpResults.h"
#include "LoopbackServer.h"
#include "SendAndWait.h"
#include "http/HttpClient.h"

#include <QStandardPaths>
#include <QTest>

#include <atomic>

using namespace studio;
using namespace studio::test;
using Behaviour = LoopbackServer::Behaviour;

Q_DECLARE_METATYPE(studio::HttpRequest)

class PlainHttpTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void bothPaths_sendTheSameRequest_data();
    void bothPaths_sendTheSameRequest();
    void manyRequestsAtOnce_eachGetsItsOwnAnswer();
    void connectionTheServerDropped_theRequestGoesAgainOnAFreshOne();
    void redirectToAName_goesOnThroughLibcurl();
    void connectionClose_isNotReused();
};

namespace {

struct Sent
{
    HttpServerRequest received;
    HttpResult result;
};

Sent sendOnce(const HttpRequest &request, bool keptAlive)
{
    LoopbackServer server;
    server.setRoute("/hook", Behaviour::json(200, R"({"ok":true})"));
    HttpClient client;
    HttpRequest sent = request;
    sent.url = server.url("/hook?uid=u1&session=a,b");
    sent.reuseConnection = keptAlive;
    Sent outcome;
    outcome.result = sendAndWait(client, sent);
    if (server.requests().size() == 1)
        outcome.received = server.requests().first();
    return outcome;
}

HttpRequest requestOf(const QByteArray &method, const HttpHeaders &headers, const QByteArray &body)
{
    HttpRequest request;
    request.method = method;
    request.headers = headers;
    request.body = body;
    return request;
}

} // namespace

void PlainHttpTest::bothPaths_sendTheSameRequest_data()
{
    QTest::addColumn<HttpRequest>("request");
    const HttpHeaders json{{"Content-Type", "application/json"}};
    QTest::newRow("a memory") << requestOf("POST", json, R"({"id":"m1","transcript_segments":[]})");
    QTest::newRow("signed, with an idempotency key")
        << requestOf("POST",
                     {{"Content-Type", "application/json"},
                      {"X-Omi-Idempotency-Key", "k-1"},
                      {"X-Omi-Signature", "sha256=abc"}},
                     "{}");
    QTest::newRow("empty POST") << requestOf("POST", {}, {});
    QTest::newRow("GET") << requestOf("GET", {}, {});
    QTest::newRow("GET with a body") << requestOf("GET", json, "{}");
    QTest::newRow("HEAD") << requestOf("HEAD", {}, {});
    QTest::newRow("PUT") << requestOf("PUT", json, "[1]");
    QTest::newRow("a header with no value") << requestOf("POST", {{"X-Empty", ""}}, "x");
    QTest::newRow("the client's own headers replaced")
        << requestOf("POST",
                     {{"User-Agent", "other/1"},
                      {"Accept", "application/json"},
                      {"Accept-Encoding", "identity"},
                      {"Connection", "close"},
                      {"Content-Length", "2"}},
                     "{}");
    QTest::newRow("octet-stream audio")
        << requestOf("POST", {{"Content-Type", "application/octet-stream"}}, QByteArray(70000, '\x01'));
}

void PlainHttpTest::bothPaths_sendTheSameRequest()
{
    QFETCH(HttpRequest, request);

    const Sent libcurl = sendOnce(request, false);
    const Sent own = sendOnce(request, true);

    QVERIFY2(libcurl.result.succeeded(), qPrintable(libcurl.result.errorMessage));
    QVERIFY2(own.result.succeeded(), qPrintable(own.result.errorMessage));
    QCOMPARE(own.received.method, libcurl.received.method);
    QCOMPARE(own.received.target, libcurl.received.target);
    QCOMPARE(own.received.version, libcurl.received.version);
    // Host carries the port, which differs from one server to the next.
    const auto withoutHost = [](HttpHeaders headers) {
        headers.removeIf([](const auto &header) { return header.first == "Host"; });
        return headers;
    };
    QCOMPARE(withoutHost(own.received.headers), withoutHost(libcurl.received.headers));
    QCOMPARE(withoutHost(own.result.requestHeaders), withoutHost(libcurl.result.requestHeaders));
    QCOMPARE(own.received.header("Host"), QUrl(own.result.finalUrl).authority().toUtf8());
    QCOMPARE(libcurl.received.header("Host"), QUrl(libcurl.result.finalUrl).authority().toUtf8());
    QCOMPARE(own.received.body, libcurl.received.body);
    QCOMPARE(own.result.status, libcurl.result.status);
    QCOMPARE(own.result.statusLine, libcurl.result.statusLine);
    QCOMPARE(own.result.body, libcurl.result.body);
    QCOMPARE(own.result.finalMethod, libcurl.result.finalMethod);
    QVERIFY(own.result.finalUrl.endsWith(QStringLiteral("/hook?uid=u1&session=a,b")));
    QVERIFY(own.result.timings.totalMs >= own.result.timings.firstByteMs);
    QVERIFY(own.result.timings.firstByteMs > 0);
}

void PlainHttpTest::manyRequestsAtOnce_eachGetsItsOwnAnswer()
{
    LoopbackServer server;
    server.setFallback([](const HttpServerRequest &request) {
        return Behaviour::json(200, "{\"echo\":\"" + request.query().queryItemValue(QStringLiteral("n")).toUtf8() + "\"}");
    });
    HttpClient client;
    constexpr int kRequests = 200;
    QList<HttpReply *> replies;
    QHash<HttpReply *, HttpResult> results;
    for (int n = 0; n < kRequests; ++n) {
        HttpRequest request = getRequest(server.url("/echo?n=" + QByteArray::number(n)));
        request.reuseConnection = true;
        HttpReply *reply = client.send(request);
        connect(reply, &HttpReply::finished, this,
                [&results, reply](const HttpResult &result) { results.insert(reply, result); });
        replies.append(reply);
    }
    QVERIFY(QTest::qWaitFor([&] { return results.size() == kRequests; }, 20'000));

    for (int n = 0; n < kRequests; ++n) {
        const HttpResult &result = results.value(replies[n]);
        QVERIFY2(result.succeeded(), qPrintable(result.errorMessage));
        QCOMPARE(result.body, "{\"echo\":\"" + QByteArray::number(n) + "\"}");
    }
    QCOMPARE(server.requests().size(), kRequests);
}

void PlainHttpTest::connectionTheServerDropped_theRequestGoesAgainOnAFreshOne()
{
    LoopbackServer server;
    std::atomic<int> seen = 0;
    server.setRoute("/hook", [&seen](const HttpServerRequest &) {
        // The second request finds its kept-alive connection closed without an answer, as
        // when a server's keep-alive timeout ends just as a request goes out.
        const int n = ++seen;
        return n == 2 ? Behaviour::closeWithoutAnswer()
                      : Behaviour::json(200, "{\"n\":" + QByteArray::number(n) + "}");
    });
    HttpClient client;
    HttpRequest request = getRequest(server.url("/hook"));
    request.reuseConnection = true;

    const HttpResult first = sendAndWait(client, request);
    const HttpResult second = sendAndWait(client, request);

    QVERIFY2(first.succeeded(), qPrintable(first.errorMessage));
    QVERIFY2(second.succeeded(), qPrintable(second.errorMessage));
    QCOMPARE(second.body, "{\"n\":3}");
    const auto received = server.requests();
    QCOMPARE(received.size(), 3);
    QCOMPARE(received[1].connection, received[0].connection);
    QVERIFY(received[2].connection != received[1].connection);
}

void PlainHttpTest::redirectToAName_goesOnThroughLibcurl()
{
    LoopbackServer server;
    server.setRoute("/b", Behaviour::json(200, R"({"at":"b"})"));
    server.setRoute("/a", Behaviour::redirect(
                              307, "http://localhost:" + QByteArray::number(server.port()) + "/b"));
    HttpClient client;
    HttpRequest request = requestOf("POST", {{"Content-Type", "application/json"}}, R"({"m":1})");
    request.url = server.url("/a");
    request.reuseConnection = true;

    const HttpResult result = sendAndWait(client, request);

    QVERIFY2(result.succeeded(), qPrintable(result.errorMessage));
    QCOMPARE(result.body, R"({"at":"b"})");
    QCOMPARE(result.redirects.size(), 1);
    QCOMPARE(result.redirects.first().status, 307);
    QCOMPARE(result.finalUrl, QStringLiteral("http://localhost:%1/b").arg(server.port()));
    const auto received = server.requests();
    QCOMPARE(received.size(), 2);
    QCOMPARE(received[1].method, "POST");
    QCOMPARE(received[1].body, R"({"m":1})");
    QVERIFY(result.timings.totalMs >= result.timings.firstByteMs);
}

void PlainHttpTest::connectionClose_isNotReused()
{
    LoopbackServer server;
    server.setRoute("/hook", Behaviour::json(200, "{}").withHeader("Connection", "close"));
    HttpClient client;
    HttpRequest request = getRequest(server.url("/hook"));
    request.reuseConnection = true;

    QVERIFY(sendAndWait(client, request).succeeded());
    QVERIFY(sendAndWait(client, request).succeeded());

    const auto received = server.requests();
    QCOMPARE(received.size(), 2);
    QVERIFY(received[0].connection != received[1].connection);
}

QTEST_GUILESS_MAIN(PlainHttpTest)
#include "tst_plainhttp.moc"
