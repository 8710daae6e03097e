#include "contract/Contract.h"
#include "simulation/engine/SimulationPlan.h"
#include "simulation/engine/TransportOptions.h"

#include <QTest>

using namespace studio;

namespace {

const Contract &detected(std::string_view text)
{
    return Contract::detect(parseJson(text));
}

} // namespace

// One value per contract, found by name or by the look of a document, and what it sets.
class ContractTest : public QObject
{
    Q_OBJECT

private slots:
    void names_areStableAndFound()
    {
        QCOMPARE(Contract::names(), QStringLiteral("plugins-2024|apps-2026"));
        QCOMPARE(Contract::named("plugins-2024"), &Contract::plugins2024());
        QCOMPARE(Contract::named("apps-2026"), &Contract::apps2026());
        QVERIFY(!Contract::named("apps-2025"));
        QVERIFY(!Contract::named(""));
        QCOMPARE(Contract::all().size(), 2);
    }

    void detect_data()
    {
        QTest::addColumn<QString>("document");
        QTest::addColumn<QString>("contract");
        QTest::newRow("an index") << "[]" << "plugins-2024";
        QTest::newRow("an index of apps-looking objects")
            << R"([{"category": "x"}])" << "plugins-2024";
        QTest::newRow("an entry with id and deleted")
            << R"({"id": "a", "deleted": false, "name": "A"})" << "plugins-2024";
        QTest::newRow("an app") << R"({"name": "A", "category": "productivity"})"
                                << "apps-2026";
        QTest::newRow("an app that kept its id: the 2024 index's")
            << R"({"id": "a", "category": "productivity"})" << "plugins-2024";
        QTest::newRow("neither: the guide's default") << "{}" << "plugins-2024";
        QTest::newRow("not JSON") << "{" << "plugins-2024";
        QTest::newRow("a string") << "\"x\"" << "plugins-2024";
    }
    void detect()
    {
        QFETCH(QString, document);
        QFETCH(QString, contract);
        QCOMPARE(QString::fromLatin1(detected(document.toStdString()).name()), contract);
    }

    void transport_andCadence_differ()
    {
        const ContractTransport old = Contract::plugins2024().transport();
        QCOMPARE(old.connectTimeoutMs, 30'000);
        QCOMPARE(old.readTimeoutMs, 30'000);
        QVERIFY(!old.reuseConnections);
        QCOMPARE(old.breakerFailures, 0);
        const ContractTransport today = Contract::apps2026().transport();
        QCOMPARE(today.connectTimeoutMs, 2'000);
        QCOMPARE(today.readTimeoutMs, 15'000);
        QVERIFY(today.reuseConnections);
        QCOMPARE(today.breakerFailures, 5);
        QCOMPARE(today.breakerOpenMs, 30'000);

        QCOMPARE(Contract::plugins2024().transcriptBatching().windowSeconds, 30.0);
        QCOMPARE(Contract::apps2026().transcriptBatching().windowSeconds, 1.0);
        QVERIFY(Contract::apps2026().triggers().contains(QStringLiteral("audio_bytes")));
        QVERIFY(!Contract::plugins2024().triggers().contains(QStringLiteral("audio_bytes")));
    }

    // A plan takes the contract's transport and cadence, and cuts its batches again.
    void plan_usesTheContract()
    {
        QList<TranscriptSegment> segments;
        for (int i = 0; i < 6; ++i) {
            TranscriptSegment segment;
            segment.text = QStringLiteral("words %1").arg(i);
            segment.start = i * 10.0;
            segment.end = i * 10.0 + 9.5;
            segments.append(segment);
        }
        SimulationPlan plan = SimulationPlan::forTranscript({}, segments);
        QCOMPARE(plan.contract, &Contract::plugins2024());
        QCOMPARE(plan.batches.size(), 2); // 0-30, 30-60
        plan.useContract(Contract::apps2026());
        QCOMPARE(plan.contract, &Contract::apps2026());
        QCOMPARE(plan.batching.windowSeconds, 1.0);
        QCOMPARE(plan.batches.size(), 6); // one per second in which a segment ended
        QCOMPARE(plan.transport.connectTimeoutMs, 2'000);
        QCOMPARE(plan.transport.timeoutMs, 15'000);
        QVERIFY(plan.transport.reuseConnection);

        SimulationPlan kept = SimulationPlan::forTranscript({}, segments,
                                                            BatchingOptions::window(20));
        kept.useContract(Contract::apps2026(), true);
        QCOMPARE(kept.batching.windowSeconds, 20.0);
        QCOMPARE(kept.batches.size(), 3);
    }

    void judgeRules_differ()
    {
        QVERIFY(Contract::plugins2024().judgeRules().memoryMessageNotifies);
        QCOMPARE(Contract::plugins2024().judgeRules().proactivePromptLimit, 8000);
        QVERIFY(!Contract::apps2026().judgeRules().memoryMessageNotifies);
        QCOMPARE(Contract::apps2026().judgeRules().proactivePromptLimit, 128'000);
    }

    void setupUrl_followsEachContract()
    {
        const QString url = QStringLiteral("https://x.example/setup?app=1");
        QCOMPARE(Contract::plugins2024().setupCheckUrl(url, QStringLiteral("u")),
                 QStringLiteral("https://x.example/setup?app=1?uid=u"));
        QCOMPARE(Contract::apps2026().setupCheckUrl(url, QStringLiteral("u")),
                 QStringLiteral("https://x.example/setup?app=1&uid=u"));
    }
};

QTEST_GUILESS_MAIN(ContractTest)
#include "tst_contract.moc"
