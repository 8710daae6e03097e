// HttpClient against a real server on loopback: what goes out, what comes back, timings,
// concurrency, cancellation and lifetime.
#include "LoopbackServer.h"
#include "SendAndWait.h"
#include "http/HttpClient.h"
#include "http/HttpReply.h"

#include <QPointer>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using namespace studio;
using namespace studio::test;
using Behaviour = LoopbackServer::Behaviour;

class HttpClientTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void post_serverReceivesExactlyWhatWasSent();
    void post_largeBodyGoesOutWithoutExpectContinue();
    void post_recordsRequestHeadersAsSent();
    void answer_statusHeadersAndBodyAreReported();
    void methods_reachTheServerAsGiven_data();
    void methods_reachTheServerAsGiven();
    void callerHeaders_overrideDefaults();
    void compressedAnswer_isDecoded();
    void chunkedAnswer_isReassembled();
    void slowDripWithinTimeout_isNotCutOff();
    void timings_areOrderedAndCoverTheServerDelay();
    void timings_overHttpsIncludeTheHandshake();
    void sequentialRequests_reuseTheConnection();
    void nextExchange_keepsNothingOfThePrevious();
    void manyRequests_areInFlightAtOnce();
    void abort_endsWithCancelled();
    void deletingReply_abandonsTheExchange();
    void destroyingClient_cancelsEverythingInFlight();
    void reply_isGoneAsSoonAsFinishedReturns();
    void receiverDeletingOtherReplies_silencesThem();
    void sendFromAnotherThread_reportsOnThatThread();
};

void HttpClientTest::post_serverReceivesExactlyWhatWasSent()
{
    LoopbackServer server;
    QVERIFY2(server.isListening(), qPrintable(server.errorString()));
    server.setRoute("/hook", Behaviour::json(200, R"({"message":"hello from the plugin"})"));

    HttpClient client;
    HttpRequest request;
    request.url = server.url("/hook?uid=user-1&mode=a%20b");
    request.headers = {{"Content-Type", "application/json"}};
    request.body = R"({"id":"m1","transcript_segments":[{"text":"héllo"}]})";
    const HttpResult result = sendAndWait(client, request);

    QVERIFY2(result.succeeded(), qPrintable(result.errorMessage));
    QCOMPARE(server.requestCount(), 1);
    const auto received = server.requests().first();
    QCOMPARE(received.method, QByteArray("POST"));
    QCOMPARE(received.target, QByteArray("/hook?uid=user-1&mode=a%20b"));
    QCOMPARE(received.version, QByteArray("HTTP/1.1"));
    QCOMPARE(received.body, request.body);
    QCOMPARE(received.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(received.header("Content-Length"), QByteArray::number(request.body.size()));
    QCOMPARE(received.header("Host"), QByteArray("127.0.0.1:") + QByteArray::number(server.port()));
    // What the app's Python client sends by default.
    QCOMPARE(received.header("User-Agent"), QByteArray("python-requests/2.32.3"));
    QCOMPARE(received.header("Accept"), QByteArray("*/*"));
    QCOMPARE(received.header("Accept-Encoding"), QByteArray("gzip, deflate"));
    QCOMPARE(received.header("Connection"), QByteArray("keep-alive"));
    QCOMPARE(received.query().queryItemValue(QStringLiteral("uid")), QStringLiteral("user-1"));
}

void HttpClientTest::post_largeBodyGoesOutWithoutExpectContinue()
{
    // libcurl would ask "Expect: 100-continue" above 1 KB; the app never does, and a plugin
    // server that mishandles it must behave here as it does behind the app.
    LoopbackServer server;
    server.setRoute("/hook", Behaviour::json(200, "{}"));
    HttpClient client;
    HttpRequest request;
    request.url = server.url("/hook");
    request.headers = {{"Content-Type", "application/json"}};
    request.body = "{\"pad\":\"" + QByteArray(200 * 1024, 'p') + "\"}";

    const HttpResult result = sendAndWait(client, request);

    QVERIFY2(result.succeeded(), qPrintable(result.errorMessage));
    const auto received = server.requests().first();
    QVERIFY(!received.hasHeader("Expect"));
    QCOMPARE(received.body, request.body);
}

void HttpClientTest::post_recordsRequestHeadersAsSent()
{
    LoopbackServer server;
    server.setRoute("/hook", Behaviour::json(200, "{}"));
    HttpClient client;
    HttpRequest request;
    request.url = server.url("/hook");
    request.headers = {{"Content-Type", "application/json"}, {"X-Trace", "t-42"}};
    request.body = "{}";

    const HttpResult result = sendAndWait(client, request);

    QVERIFY2(result.succeeded(), qPrintable(result.errorMessage));
    // The client's copy of the headers is what the server got, name for name, in order.
    QCOMPARE(result.requestHeaders, server.requests().first().headers);
    QCOMPARE(headerValue(result.requestHeaders, "X-Trace"), QByteArray("t-42"));
    QCOMPARE(result.finalMethod, QByteArray("POST"));
    QCOMPARE(result.finalUrl, request.url);
    QCOMPARE(result.request.body, request.body);
}

void HttpClientTest::answer_statusHeadersAndBodyAreReported()
{
    LoopbackServer server;
    server.setRoute(
        "/hook",
        Behaviour::text(422, "missing field 'segments'\n").withHeader("X-Plugin", "notes"));
    HttpClient client;
    HttpRequest request;
    request.url = server.url("/hook");

    const HttpResult result = sendAndWait(client, request);

    // An error status is an answer, not a failure of the exchange.
    QCOMPARE(result.error, HttpError::None);
    QVERIFY(result.succeeded());
    QCOMPARE(result.status, 422);
    QCOMPARE(result.statusLine, QByteArray("HTTP/1.1 422 Unprocessable Content"));
    QCOMPARE(result.body, QByteArray("missing field 'segments'\n"));
    QCOMPARE(result.bodyBytesReceived, result.body.size());
    QVERIFY(!result.truncated);
    QCOMPARE(headerValue(result.responseHeaders, "X-Plugin"), QByteArray("notes"));
    QCOMPARE(headerValue(result.responseHeaders, "Content-Type"),
             QByteArray("text/plain; charset=utf-8"));
    QVERIFY(result.redirects.isEmpty());
}

void HttpClientTest::methods_reachTheServerAsGiven_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("answerHasBody");

    QTest::newRow("GET") << QByteArray("GET") << QByteArray() << true;
    QTest::newRow("HEAD") << QByteArray("HEAD") << QByteArray() << false;
    QTest::newRow("PUT with body") << QByteArray("PUT") << QByteArray("{\"a\":1}") << true;
    QTest::newRow("PATCH with body") << QByteArray("PATCH") << QByteArray("{\"b\":2}") << true;
    QTest::newRow("DELETE") << QByteArray("DELETE") << QByteArray() << true;
    QTest::newRow("POST without body") << QByteArray("POST") << QByteArray() << true;
}

void HttpClientTest::methods_reachTheServerAsGiven()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, body);
    QFETCH(bool, answerHasBody);

    LoopbackServer server;
    server.setRoute("/setup", Behaviour::json(200, R"({"is_setup_completed":true})"));
    HttpClient client;
    HttpRequest request;
    request.method = method;
    request.url = server.url("/setup?uid=u1");
    request.body = body;

    const HttpResult result = sendAndWait(client, request);

    QVERIFY2(result.succeeded(), qPrintable(result.errorMessage));
    QCOMPARE(result.status, 200);
    const auto received = server.requests().first();
    QCOMPARE(received.method, method);
    QCOMPARE(received.body, body);
    // No form type sneaks in when the caller set none.
    QVERIFY(!received.hasHeader("Content-Type"));
    QCOMPARE(result.body.isEmpty(), !answerHasBody);
    if (method == "GET" || method == "HEAD")
        QVERIFY(!received.hasHeader("Content-Length"));
    else
        QCOMPARE(received.header("Content-Length"), QByteArray::number(body.size()));
}

void HttpClientTest::callerHeaders_overrideDefaults()
{
    LoopbackServer server;
    server.setRoute("/hook", Behaviour::json(200, "{}"));
    HttpClient client;
    HttpRequest request;
    request.url = server.url("/hook");
    request.headers = {{"User-Agent", "plugin-test/1.0"}, {"Connection", "close"}, {"X-Empty", ""}};

    const HttpResult result = sendAndWait(client, request);

    QVERIFY2(result.succeeded(), qPrintable(result.errorMessage));
    const auto received = server.requests().first();
    QCOMPARE(received.header("User-Agent"), QByteArray("plugin-test/1.0"));
    QCOMPARE(received.header("Connection"), QByteArray("close"));
    QVERIFY(received.hasHeader("X-Empty"));
    QCOMPARE(received.header("X-Empty"), QByteArray());
}

void HttpClientTest::compressedAnswer_isDecoded()
{
    const QByteArray text = QByteArray(R"({"message":"compressed hello"})").repeated(50);
    // qCompress yields a 4-byte length and then a zlib stream: HTTP's "deflate".
    const QByteArray deflated = qCompress(text).mid(4);
    LoopbackServer server;
    server.setRoute("/hook",
                    Behaviour::json(200, deflated).withHeader("Content-Encoding", "deflate"));
    HttpClient client;
    HttpRequest request;
    request.url = server.url("/hook");

    const HttpResult result = sendAndWait(client, request);

    QVERIFY2(result.succeeded(), qPrintable(result.errorMessage));
    QCOMPARE(result.body, text);
}

void HttpClientTest::chunkedAnswer_isReassembled()
{
    const QByteArray body = R"({"message":"this answer arrives in seven-byte chunks"})";
    LoopbackServer server;
    server.setRoute("/hook", Behaviour::chunked(body, 7));
    HttpClient client;
    HttpRequest request;
    request.url = server.url("/hook");

    const HttpResult result = sendAndWait(client, request);

    QVERIFY2(result.succeeded(), qPrintable(result.errorMessage));
    QCOMPARE(headerValue(result.responseHeaders, "Transfer-Encoding"), QByteArray("chunked"));
    QCOMPARE(result.body, body);
}

void HttpClientTest::slowDripWithinTimeout_isNotCutOff()
{
    // Like the app's client, the timeout bounds each silence, not the whole answer: ten
    // pieces 80 ms apart take longer than the 400 ms timeout and still arrive whole.
    const QByteArray body = "0123456789";
    LoopbackServer server;
    server.setRoute("/drip", Behaviour::slowDrip(body, 1, 80));
    HttpClient client;
    HttpRequest request;
    request.method = "GET";
    request.url = server.url("/drip");
    request.timeoutMs = 400;

    const HttpResult result = sendAndWait(client, request);

    QVERIFY2(result.succeeded(), qPrintable(result.errorMessage));
    QCOMPARE(result.body, body);
    QVERIFY(result.timings.totalMs >= 9 * 80);
}

void HttpClientTest::timings_areOrderedAndCoverTheServerDelay()
{
    constexpr int serverDelayMs = 150;
    LoopbackServer server;
    server.setRoute("/slow", Behaviour::json(200, "{}").afterDelay(serverDelayMs));
    HttpClient client;
    HttpRequest request;
    request.url = server.url("/slow");

    const HttpResult result = sendAndWait(client, request);

    QVERIFY2(result.succeeded(), qPrintable(result.errorMessage));
    const HttpTimings &t = result.timings;
    QVERIFY(t.dnsMs >= 0);
    QVERIFY(t.connectMs > 0);
    QVERIFY(t.dnsMs <= t.connectMs);
    QCOMPARE(t.tlsMs, 0.0); // plain http
    QVERIFY(t.connectMs <= t.firstByteMs);
    QVERIFY(t.firstByteMs <= t.totalMs);
    // Lower bounds only: the server waited before its first byte.
    QVERIFY2(t.firstByteMs >= serverDelayMs, qPrintable(QString::number(t.firstByteMs)));
    QVERIFY(t.totalMs >= serverDelayMs);
}

void HttpClientTest::timings_overHttpsIncludeTheHandshake()
{
    LoopbackServer server(LoopbackServer::Scheme::Https);
    QVERIFY2(server.isListening(), qPrintable(server.errorString()));
    server.setRoute("/hook", Behaviour::json(200, "{}"));
    HttpClient client;
    HttpRequest request;
    request.url = server.url("/hook");
    request.caFile = LoopbackServer::certificatePath();

    const HttpResult result = sendAndWait(client, request);

    QVERIFY2(result.succeeded(), qPrintable(result.errorMessage));
    const HttpTimings &t = result.timings;
    QVERIFY(t.connectMs > 0);
    QVERIFY(t.tlsMs > t.connectMs);
    QVERIFY(t.tlsMs <= t.firstByteMs);
    QVERIFY(t.firstByteMs <= t.totalMs);
    QVERIFY(server.requests().first().overTls);
}

void HttpClientTest::sequentialRequests_reuseTheConnection()
{
    LoopbackServer server;
    server.setRoute("/hook", Behaviour::json(200, "{}"));
    HttpClient client;
    HttpRequest request;
    request.url = server.url("/hook");
    request.reuseConnection = true; // the default opens a connection per request, as the app

    QVERIFY(sendAndWait(client, request).succeeded());
    QVERIFY(sendAndWait(client, request).succeeded());

    const auto received = server.requests();
    QCOMPARE(received.size(), 2);
    QCOMPARE(received[0].connection, received[1].connection);
}

void HttpClientTest::nextExchange_keepsNothingOfThePrevious()
{
    // A finished exchange's libcurl handle serves the next one: a PUT with its own headers
    // and a body, then a plain POST and a GET, each as if it were the client's first.
    LoopbackServer server;
    server.setRoute("/hook", Behaviour::json(200, "{}"));
    HttpClient client;
    HttpRequest put;
    put.method = "PUT";
    put.url = server.url("/hook?first=1");
    put.headers = {{"X-Trace", "t-1"}, {"Content-Type", "text/plain"}};
    put.body = "first body";
    HttpRequest post;
    post.url = server.url("/hook");
    post.body = "{}";
    HttpRequest get;
    get.method = "GET";
    get.url = server.url("/hook?third=3");

    QVERIFY(sendAndWait(client, put).succeeded());
    const HttpResult posted = sendAndWait(client, post);
    const HttpResult got = sendAndWait(client, get);

    QVERIFY2(posted.succeeded(), qPrintable(posted.errorMessage));
    QVERIFY2(got.succeeded(), qPrintable(got.errorMessage));
    const auto received = server.requests();
    QCOMPARE(received.size(), 3);
    QCOMPARE(received[1].method, QByteArray("POST"));
    QCOMPARE(received[1].body, QByteArray("{}"));
    QVERIFY(!received[1].hasHeader("X-Trace"));
    QVERIFY(!received[1].hasHeader("Content-Type"));
    QCOMPARE(posted.requestHeaders, received[1].headers);
    QCOMPARE(posted.finalUrl, post.url);
    QCOMPARE(received[2].method, QByteArray("GET"));
    QVERIFY(received[2].body.isEmpty());
    QVERIFY(!received[2].hasHeader("Content-Length"));
    QCOMPARE(got.requestHeaders, received[2].headers);
    QCOMPARE(got.finalUrl, get.url);
}

void HttpClientTest::manyRequests_areInFlightAtOnce()
{
    // The server holds every answer until all requests have arrived: a client that sent one
    // request at a time would never get there.
    constexpr int count = 8;
    LoopbackServer server;
    server.setRoute("/hold", Behaviour::json(200, R"({"ok":true})").heldUntilReleased());
    HttpClient client;
    HttpRequest request;
    request.url = server.url("/hold");

    std::vector<std::unique_ptr<QSignalSpy>> spies;
    for (int i = 0; i < count; ++i)
        spies.push_back(std::make_unique<QSignalSpy>(client.send(request), &HttpReply::finished));

    QVERIFY(server.waitForRequests(count, 10'000));
    for (const auto &spy : spies)
        QCOMPARE(spy->count(), 0);
    QSet<int> connections;
    for (const auto &received : server.requests()) {
        connections.insert(received.connection);
        QCOMPARE(received.answeredMs, -1);
    }
    QCOMPARE(connections.size(), count);

    server.releaseHeldAnswers();
    for (const auto &spy : spies) {
        QTRY_COMPARE_WITH_TIMEOUT(spy->count(), 1, 10'000);
        const auto result = spy->first().first().value<HttpResult>();
        QVERIFY2(result.succeeded(), qPrintable(result.errorMessage));
        QCOMPARE(result.body, QByteArray(R"({"ok":true})"));
    }
}

void HttpClientTest::abort_endsWithCancelled()
{
    LoopbackServer server;
    server.setRoute("/hold", Behaviour::json(200, "{}").heldUntilReleased());
    HttpClient client;
    HttpRequest request;
    request.url = server.url("/hold");

    HttpReply *reply = client.send(request);
    QSignalSpy finished(reply, &HttpReply::finished);
    QVERIFY(server.waitForRequests(1));
    reply->abort();

    QVERIFY(finished.wait(10'000));
    const auto result = finished.first().first().value<HttpResult>();
    QCOMPARE(result.error, HttpError::Cancelled);
    QVERIFY(!result.errorMessage.isEmpty());
    QVERIFY(!result.succeeded());

    // The client is still fine for the next request.
    server.setRoute("/hook", Behaviour::json(200, "{}"));
    request.url = server.url("/hook");
    QVERIFY(sendAndWait(client, request).succeeded());
}

void HttpClientTest::deletingReply_abandonsTheExchange()
{
    LoopbackServer server;
    server.setRoute("/hold", Behaviour::json(200, "{}").heldUntilReleased());
    HttpClient client;
    HttpRequest request;
    request.url = server.url("/hold");

    HttpReply *reply = client.send(request);
    QVERIFY(server.waitForRequests(1));
    delete reply;
    server.releaseHeldAnswers();

    server.setRoute("/hook", Behaviour::json(200, "{}"));
    request.url = server.url("/hook");
    const HttpResult next = sendAndWait(client, request);
    QVERIFY2(next.succeeded(), qPrintable(next.errorMessage));
}

void HttpClientTest::destroyingClient_cancelsEverythingInFlight()
{
    constexpr int count = 5;
    LoopbackServer server;
    server.setRoute("/hold", Behaviour::json(200, "{}").heldUntilReleased());
    auto client = std::make_unique<HttpClient>();
    HttpRequest request;
    request.url = server.url("/hold");

    std::vector<std::unique_ptr<QSignalSpy>> spies;
    std::vector<QPointer<HttpReply>> replies;
    for (int i = 0; i < count; ++i) {
        HttpReply *reply = client->send(request);
        replies.emplace_back(reply);
        spies.push_back(std::make_unique<QSignalSpy>(reply, &HttpReply::finished));
    }
    QVERIFY(server.waitForRequests(count, 10'000));

    client.reset();

    for (const auto &spy : spies) {
        QTRY_COMPARE_WITH_TIMEOUT(spy->count(), 1, 10'000);
        QCOMPARE(spy->first().first().value<HttpResult>().error, HttpError::Cancelled);
    }
    // Each reply cleans itself up after reporting.
    for (const auto &reply : replies)
        QTRY_VERIFY(reply.isNull());
}

void HttpClientTest::reply_isGoneAsSoonAsFinishedReturns()
{
    LoopbackServer server;
    server.setRoute("/hook", Behaviour::json(200, "{}"));
    HttpClient client;
    HttpRequest request;
    request.url = server.url("/hook");

    HttpReply *reply = client.send(request);
    const QPointer<HttpReply> guard(reply);
    bool aliveInSlot = false;
    connect(reply, &HttpReply::finished, reply, [&] { aliveInSlot = !guard.isNull(); });
    QSignalSpy finished(reply, &HttpReply::finished);
    QVERIFY(finished.wait(10'000));
    QVERIFY(aliveInSlot);
    // Gone without another turn of the event loop: no deletion was left to post.
    QVERIFY(guard.isNull());
}

void HttpClientTest::receiverDeletingOtherReplies_silencesThem()
{
    // Released at once, the answers come back together and are handed over in one go: the
    // first receiver deletes the other replies, whose results are then waiting beside its own.
    constexpr int count = 6;
    LoopbackServer server;
    server.setRoute("/hold", Behaviour::json(200, "{}").heldUntilReleased());
    HttpClient client;
    HttpRequest request;
    request.url = server.url("/hold");

    std::vector<QPointer<HttpReply>> replies;
    int reported = 0;
    QObject receiver;
    for (int i = 0; i < count; ++i) {
        HttpReply *reply = client.send(request);
        replies.emplace_back(reply);
        connect(reply, &HttpReply::finished, &receiver, [&, reply] {
            ++reported;
            for (const auto &other : replies) {
                if (other && other != reply)
                    delete other.data();
            }
        });
    }
    QVERIFY(server.waitForRequests(count, 10'000));
    server.releaseHeldAnswers();

    for (const auto &reply : replies)
        QTRY_VERIFY_WITH_TIMEOUT(reply.isNull(), 10'000);
    QCOMPARE(reported, 1);

    server.setRoute("/hook", Behaviour::json(200, "{}"));
    request.url = server.url("/hook");
    QVERIFY(sendAndWait(client, request).succeeded());
}

void HttpClientTest::sendFromAnotherThread_reportsOnThatThread()
{
    LoopbackServer server;
    server.setRoute("/hook", Behaviour::json(200, "{}"));
    HttpClient client;
    HttpRequest request;
    request.url = server.url("/hook");

    QThread worker;
    worker.start();
    QObject context;
    context.moveToThread(&worker);
    std::atomic<QThread *> reportedOn = nullptr;
    std::atomic<bool> succeeded = false;
    QMetaObject::invokeMethod(&context, [&] {
        HttpReply *reply = client.send(request);
        connect(reply, &HttpReply::finished, reply, [&](const HttpResult &result) {
            succeeded = result.succeeded();
            reportedOn = QThread::currentThread();
        });
    });

    QTRY_VERIFY_WITH_TIMEOUT(reportedOn.load() != nullptr, 10'000);
    QCOMPARE(reportedOn.load(), &worker);
    QVERIFY(succeeded.load());
    worker.quit();
    worker.wait();
}

QTEST_GUILESS_MAIN(HttpClientTest)
#include "tst_httpclient.moc"
