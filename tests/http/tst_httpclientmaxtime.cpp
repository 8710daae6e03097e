// A server that never goes silent for the timeout yet never finishes (a byte, a header line
// or an interim "102 Processing" now and then) would hold the app for ever: the exchange
// ends at its maximum time, with its own outcome, whatever the server keeps doing.
#include "LoopbackServer.h"
#include "SendAndWait.h"
#include "http/HttpClient.h"

#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

using namespace studio;
using namespace studio::test;
using Behaviour = LoopbackServer::Behaviour;

class HttpClientMaxTimeTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void trickledBody_endsAtMaxTime();
    void trickledHeaders_endsAtMaxTime();
    void endlessInterimResponses_endAtMaxTime();
    void silentServer_endsAtMaxTimeWhenItIsShorterThanTheTimeout();
    void maxTime_spansRedirects();
};

namespace {

// Silence never lasts this long here: the trickles send every 100 ms, so only the maximum
// time can end the exchange, even on a loaded machine.
constexpr int kLongTimeoutMs = 8'000;
constexpr int kMaxTimeMs = 1'500;
constexpr int kTrickleMs = 100;

HttpRequest trickleRequest(const QString &url)
{
    HttpRequest request;
    request.method = "GET";
    request.url = url;
    request.timeoutMs = kLongTimeoutMs;
    request.maxTimeMs = kMaxTimeMs;
    return request;
}

void verifyEndedAtMaxTime(const HttpResult &result)
{
    QCOMPARE(result.error, HttpError::MaxTimeReached);
    QVERIFY2(result.timings.totalMs >= kMaxTimeMs,
             qPrintable(QString::number(result.timings.totalMs)));
    QVERIFY2(result.timings.totalMs < kLongTimeoutMs,
             qPrintable(QString::number(result.timings.totalMs)));
    QVERIFY2(result.errorMessage.contains(QStringLiteral(", and the app would still be waiting")),
             qPrintable(result.errorMessage));
}

// Ends with "(12 bytes, a byte every 0.1 s)": the pace depends on how busy the machine is.
bool endsWithAmountAndPace(const QString &message, const QString &what)
{
    const QRegularExpression amount(QStringLiteral(R"(\(\d+ %1, (a \w+ every [\d.]+ s|)"
                                                   R"(about \d+ \w+ a second)\)$)")
                                        .arg(what));
    return amount.match(message).hasMatch();
}

} // namespace

void HttpClientMaxTimeTest::trickledBody_endsAtMaxTime()
{
    LoopbackServer server;
    server.setRoute("/hook", Behaviour::trickledBody(kTrickleMs));
    HttpClient client;

    const HttpResult result = sendAndWait(client, trickleRequest(server.url("/hook")));

    verifyEndedAtMaxTime(result);
    QCOMPARE(result.status, 200);
    QVERIFY(!result.body.isEmpty());
    QVERIFY(result.body.startsWith("x"));
    QVERIFY2(
        result.errorMessage.startsWith(
            QStringLiteral("no complete answer from 127.0.0.1:%1 after 1.5 s (--max-time), and "
                           "the app would still be waiting: the server kept the connection "
                           "alive sending its body slowly (")
                .arg(server.port())),
        qPrintable(result.errorMessage));
    QVERIFY2(endsWithAmountAndPace(result.errorMessage, QStringLiteral("bytes")),
             qPrintable(result.errorMessage));
}

void HttpClientMaxTimeTest::trickledHeaders_endsAtMaxTime()
{
    LoopbackServer server;
    server.setRoute("/hook", Behaviour::trickledHeaders(kTrickleMs));
    HttpClient client;

    const HttpResult result = sendAndWait(client, trickleRequest(server.url("/hook")));

    verifyEndedAtMaxTime(result);
    QVERIFY(result.body.isEmpty());
    QVERIFY2(result.errorMessage.contains(
                 QStringLiteral("the server kept the connection alive sending header lines but "
                                "never the end of them (")),
             qPrintable(result.errorMessage));
    QVERIFY2(endsWithAmountAndPace(result.errorMessage, QStringLiteral("lines")),
             qPrintable(result.errorMessage));
}

void HttpClientMaxTimeTest::endlessInterimResponses_endAtMaxTime()
{
    LoopbackServer server;
    server.setRoute("/hook", Behaviour::endlessInterim(kTrickleMs));
    HttpClient client;

    const HttpResult result = sendAndWait(client, trickleRequest(server.url("/hook")));

    verifyEndedAtMaxTime(result);
    // An interim response is not an answer: no status, no status line.
    QCOMPARE(result.status, 0);
    QVERIFY(result.statusLine.isEmpty());
    QVERIFY2(result.errorMessage.contains(
                 QStringLiteral("the server kept the connection alive with interim responses but "
                                "never the final one (")),
             qPrintable(result.errorMessage));
    QVERIFY2(QRegularExpression(QStringLiteral(R"(\(\d+ of '102 Processing', )"))
                 .match(result.errorMessage)
                 .hasMatch(),
             qPrintable(result.errorMessage));
}

void HttpClientMaxTimeTest::silentServer_endsAtMaxTimeWhenItIsShorterThanTheTimeout()
{
    LoopbackServer server;
    server.setRoute("/hook", Behaviour::json(200, "{}").heldUntilReleased());
    HttpClient client;
    HttpRequest request = trickleRequest(server.url("/hook"));
    request.maxTimeMs = 400;

    const HttpResult result = sendAndWait(client, request);
    server.releaseHeldAnswers();

    QCOMPARE(result.error, HttpError::MaxTimeReached);
    QCOMPARE(result.status, 0);
    QCOMPARE(result.errorMessage,
             QStringLiteral("no answer from 127.0.0.1:%1 within 400 ms (--max-time), and the app "
                            "would still be waiting")
                 .arg(server.port()));
}

void HttpClientMaxTimeTest::maxTime_spansRedirects()
{
    // The first hop takes most of the time; the trickle after the redirect gets the rest.
    constexpr int firstHopMs = 1'000;
    LoopbackServer server;
    server.setRoute("/old", Behaviour::redirect(307, "/new").afterDelay(firstHopMs));
    server.setRoute("/new", Behaviour::trickledBody(kTrickleMs));
    HttpClient client;

    const HttpResult result = sendAndWait(client, trickleRequest(server.url("/old")));

    verifyEndedAtMaxTime(result);
    QCOMPARE(result.redirects.size(), 1);
    QCOMPARE(result.finalUrl, server.url("/new"));
    // Not a fresh 1.5 s for the second hop.
    QVERIFY2(result.timings.totalMs < firstHopMs + kMaxTimeMs - 100,
             qPrintable(QString::number(result.timings.totalMs)));
}

QTEST_GUILESS_MAIN(HttpClientMaxTimeTest)
#include "tst_httpclientmaxtime.moc"
