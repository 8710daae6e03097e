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

    // What the form and the preview ask instead of which contract they hold.
    void vocabulary_saysWhatEachDocumentHas()
    {
        const Contract &old = Contract::plugins2024();
        const Contract &today = Contract::apps2026();
        QVERIFY(old.declares("/id") && !today.declares("/id"));
        QVERIFY(old.declares("/deleted") && !today.declares("/deleted"));
        QVERIFY(today.declares("/category") && !old.declares("/category"));
        QVERIFY(today.declares("/external_integration/actions"));
        QVERIFY(!old.declares("/external_integration/actions"));
        QVERIFY(old.declares("/external_integration/webhook_url"));
        QVERIFY(!today.declares("/approved")); // the server's
        QVERIFY(!today.declares("category"));   // not a pointer
        const auto has = [](const Contract &contract, std::string_view value) {
            for (const auto &capability : contract.capabilities())
                if (capability.value == value)
                    return true;
            return false;
        };
        QVERIFY(has(today, "persona") && !has(old, "persona"));
        QCOMPARE(today.triggerChoices().size(), std::size_t(3));
        QCOMPARE(today.triggerChoices()[2].label, std::string_view("Audio Bytes"));
        QCOMPARE(old.triggerChoices().size(), std::size_t(2));
    }

    void choices_areTheAppsWords()
    {
        const Contract &old = Contract::plugins2024();
        const Contract &today = Contract::apps2026();
        QCOMPARE(today.choices("/external_integration/triggers_on").size(), std::size_t(3));
        QCOMPARE(old.choices("/external_integration/triggers_on").size(), std::size_t(2));
        QCOMPARE(today.choices("/payment_plan").front().value,
                 std::string_view("monthly_recurring"));
        QCOMPARE(today.choices("/external_integration/chat_messages_target").size(),
                 std::size_t(2));
        QVERIFY(old.choices("/payment_plan").empty());
        QVERIFY(today.choices("/name").empty());
        for (const char *pointer : {"/is_paid", "/price", "/payment_plan", "/payment_link",
                                    "/source_code_url", "/external_integration/mcp_server_url",
                                    "/external_integration/chat_messages_enabled"})
            QVERIFY2(today.declares(pointer) && !old.declares(pointer), pointer);
    }

    void sectionFor_externalIntegration_isEachContractsTemplate()
    {
        const auto old = Contract::plugins2024().sectionFor("external_integration", "notes");
        QVERIFY(old);
        QVERIFY(old->second.at("setup_instructions_file_path") ==
                Json("/plugins/instructions/notes/README.md"));
        const auto app = Contract::apps2026().sectionFor("external_integration", {});
        QVERIFY(app);
        QCOMPARE(app->first, std::string("external_integration"));
        QVERIFY(app->second ==
                Json::parse(R"({"triggers_on": "memory_creation", "webhook_url": ""})"));
        QCOMPARE(Contract::apps2026().sectionFor("persona", {})->first,
                 std::string("persona_prompt"));
        QVERIFY(!Contract::plugins2024().sectionFor("persona", {}));
    }

    void logoFile_isARepositoryPath_orAFileBesideTheApp()
    {
        const QString folder = QStringLiteral("/tmp/x");
        QCOMPARE(Contract::plugins2024().logoFile("/plugins/logos/a.png", folder).path,
                 QStringLiteral("/tmp/x/plugins/logos/a.png"));
        QVERIFY(Contract::plugins2024().logoFile("logo.png", folder).path.isEmpty());
        QCOMPARE(Contract::apps2026().logoFile("logo.png", folder).path,
                 QStringLiteral("/tmp/x/logo.png"));
        const LogoLocation repositoryPath =
            Contract::apps2026().logoFile("/plugins/logos/a.png", folder);
        QVERIFY(repositoryPath.path.isEmpty());
        QVERIFY(repositoryPath.problem.contains(QStringLiteral("beside the app document")));
        QVERIFY(!Contract::apps2026().logoFile("logo.png", {}).problem.isEmpty());
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
