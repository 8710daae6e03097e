#include "PythonHmac.h"
#include "RunHarness.h"
#include "contract/apps2026/WebhookSignature.h"
#include "http/HttpClient.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QUrlQuery>

using namespace studio;
using namespace studio::test;

namespace {

const QString kSecret = QStringLiteral("whsec_dGVzdC1zZWNyZXQtZm9yLXNpZ25lZC13ZWJob29rcw");

SimulationPlan signedPlan(SimulationPlan plan, const QString &secret = kSecret)
{
    plan.useContract(Contract::apps2026(), true);
    plan.signingSecret = secret;
    return plan;
}

// The uid of a request's query, decoded, as a receiver reads it.
QString receivedUid(const HttpServerRequest &request)
{
    const QByteArray target = request.target;
    return QUrlQuery(QString::fromLatin1(target.mid(target.indexOf('?') + 1)))
        .queryItemValue(QStringLiteral("uid"), QUrl::FullyDecoded);
}

// True when the request's X-Omi-Signature is what Python's hmac makes of what arrived, and
// was made within a minute of now.
bool signatureVerifies(const HttpServerRequest &request, const QString &secret)
{
    const auto parsed = webhook_signature::parse(request.header("X-Omi-Signature"));
    if (!parsed.timestamp || parsed.v1.size() != 1)
        return false;
    if (qAbs(QDateTime::currentSecsSinceEpoch() - *parsed.timestamp) > 60)
        return false;
    return parsed.v1.first() ==
           pythonHmacHex(secret, *parsed.timestamp, receivedUid(request), request.body);
}

bool isDeliveryId(const QByteArray &id)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{32}$"));
    return hex.match(QString::fromLatin1(id)).hasMatch();
}

} // namespace

// Signed webhooks under apps-2026, as they reach a real server on loopback: each request
// carries X-Omi-Signature over its exact body and decoded uid (checked by Python's hmac),
// X-Omi-Event and a delivery id of its own.
class SignedWebhooksTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void memory_isSignedAsTheAppSignsIt()
    {
        LoopbackServer server;
        server.setRoute("/hook", LoopbackServer::Behaviour::json(200, "{}"));
        HttpClient client;
        SimulationRun run(
            signedPlan(SimulationPlan::forMemory(
                testPlugin(AppTrigger::MemoryCreation, server.url("/hook")), smallMemory())),
            &client);
        QVERIFY(runToEnd(run));
        QCOMPARE(server.requestCount(), 1);
        const HttpServerRequest received = server.requests().first();
        QVERIFY2(signatureVerifies(received, kSecret), received.header("X-Omi-Signature").data());
        QCOMPARE(received.header("X-Omi-Event"), QByteArray("memory_created"));
        QVERIFY(isDeliveryId(received.header("X-Omi-Delivery")));

        // The record keeps the headers as sent, for the reports.
        bool recorded = false;
        for (const auto &[name, value] : run.records().first().result.requestHeaders)
            recorded = recorded ||
                       (name == "X-Omi-Signature" && value == received.header("X-Omi-Signature"));
        QVERIFY(recorded);
    }

    void transcript_eachRequestSignedWithItsOwnDelivery()
    {
        LoopbackServer server;
        server.setRoute("/segments", LoopbackServer::Behaviour::json(200, "{}"));
        HttpClient client;
        SimulationPlan plan = SimulationPlan::forTranscript(
            testPlugin(AppTrigger::TranscriptProcessed, server.url("/segments")),
            segmentsEndingAt({0.5, 1.5, 2.5}), BatchingOptions::window(1.0), ReplaySpeed::fast());
        // A uid a receiver must decode from the query before verifying.
        plan.uid = QStringLiteral("user 1&ü");
        SimulationRun run(signedPlan(plan), &client);
        QVERIFY(runToEnd(run));
        QCOMPARE(server.requestCount(), 3);
        QSet<QByteArray> deliveries;
        for (const HttpServerRequest &request : server.requests()) {
            QCOMPARE(receivedUid(request), QStringLiteral("user 1&ü"));
            QVERIFY2(signatureVerifies(request, kSecret), request.header("X-Omi-Signature").data());
            QCOMPARE(request.header("X-Omi-Event"), QByteArray("transcript_processed"));
            QVERIFY(isDeliveryId(request.header("X-Omi-Delivery")));
            deliveries.insert(request.header("X-Omi-Delivery"));
        }
        QCOMPARE(deliveries.size(), 3);
    }

    void recordedBodies_areSignedAsSent()
    {
        // A rerun sends the stored bytes: the signature covers those, not a rebuilt body.
        LoopbackServer server;
        server.setRoute("/hook", LoopbackServer::Behaviour::json(200, "{}"));
        HttpClient client;
        SimulationPlan plan = signedPlan(SimulationPlan::forMemory(
            testPlugin(AppTrigger::MemoryCreation, server.url("/hook")), smallMemory()));
        plan.recordedBodies.insert(0, QByteArray("{\"stored\": \"bytes\"}"));
        SimulationRun run(plan, &client);
        QVERIFY(runToEnd(run));
        const HttpServerRequest received = server.requests().first();
        QCOMPARE(received.body, QByteArray("{\"stored\": \"bytes\"}"));
        QVERIFY(signatureVerifies(received, kSecret));
        QVERIFY(!signatureVerifies(received, QStringLiteral("whsec_another")));
    }

    void withoutASecret_orUnder2024_nothingIsSigned()
    {
        LoopbackServer server;
        server.setRoute("/hook", LoopbackServer::Behaviour::json(200, "{}"));
        HttpClient client;
        SimulationPlan unsigned2026 = signedPlan(
            SimulationPlan::forMemory(testPlugin(AppTrigger::MemoryCreation, server.url("/hook")),
                                      smallMemory()),
            QString());
        SimulationPlan signed2024 = SimulationPlan::forMemory(
            testPlugin(AppTrigger::MemoryCreation, server.url("/hook")), smallMemory());
        signed2024.signingSecret = kSecret; // the 2024 contract has no signature to give
        for (const SimulationPlan &plan : {unsigned2026, signed2024}) {
            SimulationRun run(plan, &client);
            QVERIFY(runToEnd(run));
        }
        QCOMPARE(server.requestCount(), 2);
        for (const HttpServerRequest &request : server.requests())
            for (const char *name : {"X-Omi-Signature", "X-Omi-Event", "X-Omi-Delivery"})
                QVERIFY2(request.header(name).isEmpty(), name);
    }
};

QTEST_GUILESS_MAIN(SignedWebhooksTest)
#include "tst_signedwebhooks.moc"
