#include "simulation/engine/AppRequestFactory.h"
#include "simulation/payload/MemoryPayload.h"
#include "simulation/payload/TranscriptPayload.h"
#include "transcript/TranscriptBatcher.h"

#include <QTest>

using namespace studio;

namespace {

const QString kHook = QStringLiteral("http://plugin.example/hook");

SimulationPlan planFor(AppTrigger trigger, const QString &webhookUrl)
{
    SimulationPlan plan;
    plan.trigger = trigger;
    plan.webhookUrl = webhookUrl;
    plan.uid = QStringLiteral("user-1");
    return plan;
}

QByteArray header(const HttpRequest &request, const QByteArray &name)
{
    for (const auto &[headerName, value] : request.headers) {
        if (headerName.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

} // namespace

class AppRequestFactoryTest : public QObject
{
    Q_OBJECT

private slots:
    void webhookUrl_getsTheUidAsTheAppAppendsIt_data()
    {
        QTest::addColumn<QString>("webhookUrl");
        QTest::addColumn<QString>("uid");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no query") << kHook << QStringLiteral("user-1")
                                  << kHook + QStringLiteral("?uid=user-1");
        QTest::newRow("query") << kHook + QStringLiteral("?lang=en") << QStringLiteral("user-1")
                               << kHook + QStringLiteral("?lang=en&uid=user-1");
        QTest::newRow("encoded uid") << kHook << QStringLiteral("a b/c&d=\u00e9")
                                     << kHook + QStringLiteral("?uid=a%20b%2Fc%26d%3D%C3%A9");
    }

    void webhookUrl_getsTheUidAsTheAppAppendsIt()
    {
        QFETCH(QString, webhookUrl);
        QFETCH(QString, uid);
        QFETCH(QString, expected);
        SimulationPlan plan = planFor(AppTrigger::TranscriptProcessed, webhookUrl);
        plan.uid = uid;
        QCOMPARE(AppRequestFactory::transcriptProcessed(plan, TranscriptBatch{}).url, expected);
        plan.trigger = AppTrigger::MemoryCreation;
        QCOMPARE(AppRequestFactory::memoryCreation(plan, Memory{}).url, expected);
    }

    void memoryCreation_postsTheProfilesBody_data()
    {
        QTest::addColumn<int>("profile");
        for (const PayloadProfile profile : PayloadProfiles::all())
            QTest::newRow(qPrintable(PayloadProfiles::name(profile))) << int(profile);
    }

    void memoryCreation_postsTheProfilesBody()
    {
        QFETCH(int, profile);
        SimulationPlan plan = planFor(AppTrigger::MemoryCreation, kHook);
        plan.profile = PayloadProfile(profile);
        Memory memory;
        memory.id = QStringLiteral("m-1");
        memory.structured.title = QStringLiteral("Title");
        const HttpRequest request = AppRequestFactory::memoryCreation(plan, memory);
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(header(request, "Content-Type"), QByteArray("application/json"));
        QCOMPARE(request.body, MemoryPayload::body(memory, PayloadProfile(profile)));
    }

    void transcriptProcessed_postsSessionAndSegments()
    {
        SimulationPlan plan = planFor(AppTrigger::TranscriptProcessed, kHook);
        TranscriptSegment segment;
        segment.text = QStringLiteral("hello");
        segment.end = 2;
        const TranscriptBatch batch = TranscriptBatcher::cut({segment}).first();

        QCOMPARE(AppRequestFactory::transcriptProcessed(plan, batch).body,
                 TranscriptPayload::body(batch.segments, QStringLiteral("user-1")));
        plan.sessionId = QStringLiteral("conversation-7");
        QCOMPARE(AppRequestFactory::transcriptProcessed(plan, batch).body,
                 TranscriptPayload::body(batch.segments, QStringLiteral("conversation-7")));
    }

    void transport_isTheAppsByDefault()
    {
        const HttpRequest request =
            AppRequestFactory::memoryCreation(planFor(AppTrigger::MemoryCreation, kHook), Memory{});
        QCOMPARE(request.timeoutMs, 30'000);
        QCOMPARE(request.maxTimeMs, 300'000);
        QVERIFY(!request.reuseConnection);
        QVERIFY(request.verifyTls);
        QVERIFY(request.caFile.isEmpty());
    }

    void transport_optionsAreCarried()
    {
        TransportOptions transport;
        transport.timeoutMs = 1500;
        transport.maxTimeMs = 9000;
        transport.verifyTls = false;
        transport.caFile = QStringLiteral("/tmp/ca.pem");
        transport.reuseConnection = true;
        const HttpRequest request = AppRequestFactory::setupCheck(
            QStringLiteral("https://plugin.example/setup"), QStringLiteral("user 1"), transport);
        QCOMPARE(request.method, QByteArray("GET"));
        QCOMPARE(request.url, QStringLiteral("https://plugin.example/setup?uid=user%201"));
        QVERIFY(request.body.isEmpty());
        QCOMPARE(request.timeoutMs, 1500);
        QCOMPARE(request.maxTimeMs, 9000);
        QVERIFY(!request.verifyTls);
        QCOMPARE(request.caFile, QStringLiteral("/tmp/ca.pem"));
        QVERIFY(request.reuseConnection);
    }

    void setupCheck_alwaysWritesAQuestionMark()
    {
        // The app appends "?uid=" without looking for an existing query.
        const HttpRequest request = AppRequestFactory::setupCheck(
            QStringLiteral("https://plugin.example/setup?x=1"), QStringLiteral("u"), {});
        QCOMPARE(request.url, QStringLiteral("https://plugin.example/setup?x=1?uid=u"));
    }
};

QTEST_GUILESS_MAIN(AppRequestFactoryTest)
#include "tst_apprequestfactory.moc"
