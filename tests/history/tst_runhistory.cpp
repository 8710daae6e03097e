#include "HistoryFixtures.h"
#include "SendAndWait.h"
#include "contract/apps2026/ChatToolCall.h"
#include "simulation/report/HarWriter.h"
#include "simulation/report/JUnitReportWriter.h"
#include "simulation/report/JsonReportWriter.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace studio;
using namespace studio::test;
using Behaviour = HttpAnswer;

// The run history on real SQLite files: what goes in comes out whole, lists are newest
// first and cheap, limits hold.
class RunHistoryTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void defaultPath_isInTheDataFolderUnlessTheEnvironmentSaysOtherwise()
    {
        const QByteArray home = qgetenv("HOME");
        qputenv("HOME", m_dir->path().toUtf8()); // test mode: the data folder is in HOME
        qunsetenv(HistoryLocation::kDataDirVariable);
        QCOMPARE(HistoryLocation::defaultPath(),
                 QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                     QStringLiteral("/plugin-studio/history.sqlite"));
        qputenv(HistoryLocation::kDataDirVariable, m_dir->path().toUtf8());
        QCOMPARE(HistoryLocation::defaultPath(), m_dir->filePath(QStringLiteral("history.sqlite")));
        qunsetenv(HistoryLocation::kDataDirVariable);
        qputenv("HOME", home);
    }

    // A history an earlier version kept in Qt's application folder moves, runs and all.
    void historyOfAnEarlierVersion_movesToTheDataFolder()
    {
        const QByteArray home = qgetenv("HOME");
        qputenv("HOME", m_dir->path().toUtf8());
        qunsetenv(HistoryLocation::kDataDirVariable);
        const QString legacy = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                               QStringLiteral("/history.sqlite");
        QVERIFY(QDir().mkpath(QFileInfo(legacy).absolutePath()));
        {
            RunHistory earlier(legacy);
            QVERIFY(earlier.record(plainRun(QStringLiteral("kept"), at(1))).ok());
        }

        const QString path = HistoryLocation::defaultPath();
        QVERIFY(path.endsWith(u"/plugin-studio/history.sqlite"));
        QVERIFY(!QFileInfo::exists(legacy));
        RunHistory history(path);
        const auto runs = history.list();
        QVERIFY2(runs.ok(), qPrintable(runs.error()));
        QCOMPARE(runs.value().size(), 1);
        QCOMPARE(runs.value().first().pluginId, QStringLiteral("kept"));
        qputenv("HOME", home);
    }

    void recordThenLoad_memoryRun_roundTrip()
    {
        LoopbackServer server;
        server.setRoute("/hook", Behaviour::json(200, R"({"message": "Filed your meeting"})")
                                     .withHeader("X-Trace", "abc\xe9"));
        SimulationPlan plan =
            SimulationPlan::forMemory(testPlugin(AppTrigger::MemoryCreation, server.url("/hook")),
                                      smallMemory(), PayloadProfile::App202407);
        plan.uid = QStringLiteral("user-7");
        plan.source = QStringLiteral("memory.json");
        plan.transport.timeoutMs = 4000;
        plan.transport.maxTimeMs = 45'000;
        const StoredRun original = finishedRun(plan, RunThresholds{250.0});
        QCOMPARE(original.records.size(), 1);

        RunHistory history(path());
        const HistoryResult<qint64> id = history.record(original);
        QVERIFY2(id.ok(), qPrintable(id.error()));

        // Another connection, as another process would read it.
        RunHistory reader(path());
        const HistoryResult<StoredRun> loaded = reader.load(id.value());
        QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
        const StoredRun &run = loaded.value();
        QCOMPARE(run.id, id.value());
        QCOMPARE(run.kind, RunKind::Memory);
        QCOMPARE(run.report, original.report);
        QCOMPARE(run.info.pluginId, QStringLiteral("test-plugin"));
        QCOMPARE(run.info.startedAt, original.info.startedAt);
        QCOMPARE(run.info.profile, QStringLiteral("app-2024-07"));
        QCOMPARE(run.settings.url, server.url("/hook"));
        QCOMPARE(run.settings.uid, QStringLiteral("user-7"));
        QCOMPARE(run.settings.profile, PayloadProfile::App202407);
        QCOMPARE(run.settings.transport.timeoutMs, 4000);
        QCOMPARE(run.settings.transport.maxTimeMs, 45'000);
        QCOMPARE(run.settings.thresholds.maxP95Ms, std::optional<double>(250.0));
        QCOMPARE(run.settings.source, QStringLiteral("memory.json"));
        QVERIFY(run.settings.memory.has_value());
        QVERIFY(*run.settings.memory == smallMemory());
        QCOMPARE(run.settings.plugin.name, QStringLiteral("Test Plugin"));

        const RunRecord &record = run.records.first();
        const RunRecord &sent = original.records.first();
        QCOMPARE(record.result.request.body, server.requests().first().body);
        QCOMPARE(record.result.request.maxTimeMs, 45'000);
        QCOMPARE(record.result.request.headers, sent.result.request.headers);
        QCOMPARE(record.result.requestHeaders, sent.result.requestHeaders);
        QCOMPARE(record.result.responseHeaders, sent.result.responseHeaders);
        QCOMPARE(record.result.body, QByteArray(R"({"message": "Filed your meeting"})"));
        QCOMPARE(record.result.status, 200);
        QCOMPARE(record.result.statusLine, sent.result.statusLine);
        QCOMPARE(record.result.timings.totalMs, sent.result.timings.totalMs);
        QCOMPARE(record.sentAt, sent.sentAt);
        QCOMPARE(record.verdict.kind, ResponseVerdict::Kind::Notification);
        QCOMPARE(record.verdict.notifications, sent.verdict.notifications);
        QCOMPARE(record.verdict.chatMessage, sent.verdict.chatMessage);

        // Everything the engine's writers read survives: they write the same files.
        QCOMPARE(JsonReportWriter::render(run.records, run.info), original.report);
        QCOMPARE(HarWriter::render(run.records, run.info),
                 HarWriter::render(original.records, original.info));
        QCOMPARE(JUnitReportWriter::render(run.records, run.info),
                 JUnitReportWriter::render(original.records, original.info));
    }

    void recordThenLoad_transcriptRun_keepsBatchesVerdictsAndErrors()
    {
        LoopbackServer server;
        int answered = 0;
        server.setRoute("/segments", [&answered](const HttpServerRequest &) {
            switch (answered++) {
            case 0:
                return Behaviour::json(
                    200, R"({"notification": {"prompt": "Remind {{user_name}}",)"
                         R"( "params": ["user_name"], "context": {"topic": "release"}}})");
            case 1:
                return Behaviour::text(200, "not json \x01\xff");
            default:
                return Behaviour::closeWithoutAnswer();
            }
        });
        PluginUnderTest plugin =
            testPlugin(AppTrigger::TranscriptProcessed, server.url("/segments"));
        plugin.capabilities << QStringLiteral("proactive_notification");
        plugin.proactiveScopes = {QStringLiteral("user_name")};
        SimulationPlan plan =
            SimulationPlan::forTranscript(plugin, segmentsEndingAt({4, 12, 31, 45, 70}),
                                          BatchingOptions::window(30), ReplaySpeed::fast());
        plan.sessionId = QStringLiteral("session-1");
        const StoredRun original = finishedRun(plan);
        QCOMPARE(original.records.size(), 3);

        const HistoryResult<StoredRun> loaded = keptAndLoaded(original);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
        const StoredRun &run = loaded.value();
        QCOMPARE(run.kind, RunKind::Transcript);
        QCOMPARE(run.settings.sessionId, QStringLiteral("session-1"));
        QVERIFY(run.settings.speed.isFast());
        QCOMPARE(run.settings.batching, BatchingOptions::window(30));
        QCOMPARE(run.settings.batches.size(), plan.batches.size());
        for (qsizetype i = 0; i < plan.batches.size(); ++i) {
            QCOMPARE(run.settings.batches.at(i).sendAt, plan.batches.at(i).sendAt);
            QCOMPARE(run.settings.batches.at(i).segments, plan.batches.at(i).segments);
        }
        QCOMPARE(run.settings.plugin.proactiveScopes, plugin.proactiveScopes);

        QVERIFY(run.records.at(0).verdict.proactive.has_value());
        QCOMPARE(run.records.at(0).verdict.proactive->modelInput,
                 original.records.at(0).verdict.proactive->modelInput);
        QCOMPARE(run.records.at(1).result.body, QByteArray("not json \x01\xff"));
        QCOMPARE(run.records.at(1).verdict.kind, ResponseVerdict::Kind::Ignored);
        QCOMPARE(run.records.at(2).result.error, original.records.at(2).result.error);
        QVERIFY(run.records.at(2).result.error != HttpError::None);
        QCOMPARE(run.records.at(2).result.errorMessage, original.records.at(2).result.errorMessage);
        QCOMPARE(HarWriter::render(run.records, run.info),
                 HarWriter::render(original.records, original.info));
        QCOMPARE(JsonReportWriter::render(run.records, run.info), original.report);
    }

    void recordThenLoad_circuitOpenRun_keepsWhatWasNotSent()
    {
        LoopbackServer server;
        server.setRoute("/segments", Behaviour::text(500, "down"));
        SimulationPlan plan = SimulationPlan::forTranscript(
            testPlugin(AppTrigger::TranscriptProcessed, server.url("/segments")),
            segmentsEndingAt({0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5}), BatchingOptions::window(1.0),
            ReplaySpeed::fast());
        plan.useContract(Contract::apps2026(), true);
        const StoredRun original = finishedRun(plan);
        QCOMPARE(server.requestCount(), 5);
        QCOMPARE(original.records.size(), 7);
        QVERIFY(!original.records.at(5).sent());

        const HistoryResult<StoredRun> loaded = keptAndLoaded(original);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
        const StoredRun &run = loaded.value();
        QVERIFY(run.records.at(4).sent());
        for (const int index : {5, 6}) {
            QCOMPARE(run.records.at(index).notSentReason, original.records.at(index).notSentReason);
            QCOMPARE(run.records.at(index).result.request.body,
                     original.records.at(index).result.request.body);
        }
        QCOMPARE(RunSummary::of(run.records).notSent, 2);
        QCOMPARE(JsonReportWriter::render(run.records, run.info), original.report);
    }

    // A chat tool's call: the request as sent, the answer, and the assistant's text.
    void recordThenLoad_toolCall_keepsTheRequestTheAnswerAndTheAssistantsText()
    {
        LoopbackServer server;
        server.setRoute("/tools/add", Behaviour::json(200, R"({"result": "Added."})"));
        ChatToolsManifest manifest = ChatToolsManifest::parse(
            R"({"tools": [{"name": "add", "description": "Adds", "endpoint": "/tools/add",
                "parameters": {"properties": {"song": {"type": "string"}}}}]})",
            server.baseUrl());
        QCOMPARE(manifest.tools.size(), std::size_t(1));
        const ChatTool &tool = manifest.tools.front();
        const chat_tool_call::CallContext context{QStringLiteral("u1"), QStringLiteral("app1"),
                                                  QString(), 1700000000, "delivery-1"};
        HttpClient client;
        const HttpResult result = sendAndWait(
            client, chat_tool_call::request(tool, Json{{"song", "Help"}}, context));
        const chat_tool_call::ToolAnswer answer = chat_tool_call::answer(tool, result);
        RunInfo info;
        info.pluginId = QStringLiteral("app1");
        info.pluginName = QStringLiteral("Song Keeper");
        info.uid = QStringLiteral("u1");
        info.source = QStringLiteral("omi-tools.json");
        info.startedAt = at(3);
        const StoredRun original = StoredRun::ofToolCall(tool, info, result, answer);

        const HistoryResult<StoredRun> loaded = keptAndLoaded(original);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
        const StoredRun &run = loaded.value();
        QCOMPARE(run.kind, RunKind::Tool);
        QCOMPARE(run.info.pluginId, QStringLiteral("app1"));
        QCOMPARE(run.info.contract, QStringLiteral("apps-2026"));
        QCOMPARE(run.info.trigger, QStringLiteral("chat_tool"));
        QCOMPARE(run.settings.url, server.url("/tools/add"));
        QCOMPARE(run.settings.source, QStringLiteral("omi-tools.json"));
        QCOMPARE(run.records.size(), 1);
        const RunRecord &record = run.records.first();
        QCOMPARE(record.label, QStringLiteral("app1_add"));
        QCOMPARE(record.result.request.method, QByteArray("POST"));
        QCOMPARE(record.result.request.body, result.request.body);
        QVERIFY(record.result.request.body.contains("\"tool_name\":\"add\""));
        QCOMPARE(record.result.body, QByteArray(R"({"result": "Added."})"));
        QCOMPARE(record.verdict.chatMessage.value_or(QString()), QStringLiteral("Added."));
        QVERIFY(record.verdict.reason.contains(u"result"));
        QCOMPARE(record.verdict.kind, ResponseVerdict::Kind::Silent);
        QCOMPARE(run.report, original.report);

        RunHistory history(path());
        const auto listed = history.list(QStringLiteral("app1"));
        QVERIFY(listed.ok());
        QCOMPARE(listed.value().first().kind, RunKind::Tool);
    }

    void list_isNewestFirst_filtersByPlugin_andCarriesTheSummary()
    {
        RunHistory history(path());
        QVERIFY(history.list().ok());
        QVERIFY(history.list().value().isEmpty());
        QVERIFY2(!QFileInfo::exists(path()), "reading an absent history creates nothing");

        const QList<QPair<QString, int>> runs{{QStringLiteral("alpha"), 5},
                                              {QStringLiteral("beta"), 9},
                                              {QStringLiteral("alpha"), 1},
                                              {QStringLiteral("alpha"), 7},
                                              {QStringLiteral("beta"), 7}};
        QList<qint64> ids;
        for (const auto &[plugin, minute] : runs) {
            const HistoryResult<qint64> id = history.record(plainRun(plugin, at(minute)));
            QVERIFY2(id.ok(), qPrintable(id.error()));
            ids.append(id.value());
        }
        const HistoryResult<QList<RunListing>> all = history.list();
        QVERIFY2(all.ok(), qPrintable(all.error()));
        QList<qint64> order;
        for (const RunListing &run : all.value())
            order.append(run.id);
        // Minute 9, then the two of minute 7 (the later recorded first), 5, 1.
        QCOMPARE(order, (QList<qint64>{ids[1], ids[4], ids[3], ids[0], ids[2]}));
        const RunListing &newest = all.value().first();
        QCOMPARE(newest.pluginId, QStringLiteral("beta"));
        QCOMPARE(newest.pluginName, QStringLiteral("BETA"));
        QCOMPARE(newest.kind, RunKind::Memory);
        QCOMPARE(newest.startedAt, at(9));
        QCOMPARE(newest.url, QStringLiteral("http://127.0.0.1:9/beta"));
        QCOMPARE(newest.summary.at("count").get<int>(), 0);
        QVERIFY(newest.bytes > 0);

        const HistoryResult<QList<RunListing>> alpha = history.list(QStringLiteral("alpha"));
        QVERIFY(alpha.ok());
        QCOMPARE(alpha.value().size(), 3);
        QCOMPARE(alpha.value().at(0).startedAt, at(7));
        QCOMPARE(alpha.value().at(2).startedAt, at(1));
        QVERIFY(history.list(QStringLiteral("gamma")).value().isEmpty());
    }

    void remove_deletesTheRunAndItsRequests_unknownIsNotFound()
    {
        RunHistory history(path());
        const qint64 id = history.record(bulkyRun(at(1), 10)).value();
        const qint64 other = history.record(bulkyRun(at(2), 10)).value();
        QVERIFY(history.remove(id).ok());
        QVERIFY(history.load(id).isNotFound());
        QVERIFY(history.load(other).ok());
        QCOMPARE(history.list().value().size(), 1);
        const HistoryStatus again = history.remove(id);
        QVERIFY(!again.ok());
        QVERIFY(again.isNotFound());
        QVERIFY2(again.error().contains(path()), qPrintable(again.error()));
        RawDatabase raw(path());
        QCOMPARE(
            raw.number(QStringLiteral("SELECT count(*) FROM requests WHERE run_id = %1").arg(id)),
            0);
    }

    void prune_byCount_keepsTheNewest()
    {
        RunHistory history(path());
        for (const int minute : {3, 1, 5, 2, 4})
            QVERIFY(history.record(plainRun(QStringLiteral("p"), at(minute))).ok());
        const HistoryResult<int> pruned = history.prune({3, HistoryLimits::kDefaultMaxBytes});
        QVERIFY2(pruned.ok(), qPrintable(pruned.error()));
        QCOMPARE(pruned.value(), 2);
        QList<QDateTime> kept;
        for (const RunListing &run : history.list().value())
            kept.append(run.startedAt);
        QCOMPARE(kept, (QList<QDateTime>{at(5), at(4), at(3)}));
        QCOMPARE(history.prune({3, HistoryLimits::kDefaultMaxBytes}).value(), 0);
    }

    void prune_byBytes_shrinksTheFile_andAlwaysKeepsTheNewest()
    {
        constexpr qsizetype kBody = 2 * 1024 * 1024;
        RunHistory history(path());
        for (int minute = 1; minute <= 4; ++minute)
            QVERIFY(history.record(bulkyRun(at(minute), kBody)).ok());
        const qint64 grown = QFileInfo(path()).size();
        QVERIFY(grown > 4 * kBody);
        const qint64 runBytes = history.list().value().first().bytes;
        QVERIFY(runBytes > kBody);

        QCOMPARE(history.prune({100, 2 * runBytes}).value(), 2);
        QCOMPARE(history.list().value().size(), 2);
        QCOMPARE(history.list().value().last().startedAt, at(3));

        // Smaller than one run: the newest still stays.
        QCOMPARE(history.prune({100, 1}).value(), 1);
        QCOMPARE(history.list().value().size(), 1);
        QCOMPARE(history.list().value().first().startedAt, at(4));
        QVERIFY2(QFileInfo(path()).size() < 2 * kBody,
                 qPrintable(QStringLiteral("%1 bytes").arg(QFileInfo(path()).size())));
    }

    void load_ofARunKeptBeforeTheMaxTime_getsTheDefault()
    {
        LoopbackServer server;
        server.setRoute("/hook", Behaviour::json(200, "{}"));
        SimulationPlan plan = SimulationPlan::forMemory(
            testPlugin(AppTrigger::MemoryCreation, server.url("/hook")), smallMemory());
        plan.transport.maxTimeMs = 45'000;
        RunHistory history(path());
        const qint64 id = history.record(finishedRun(plan)).value();
        {
            // As an older studio wrote it: no max time anywhere.
            RawDatabase raw(path());
            QCOMPARE(raw.exec(QStringLiteral("UPDATE runs SET settings = "
                                             "json_remove(settings, '$.max_time_ms')")),
                     QString());
            QCOMPARE(raw.exec(QStringLiteral("UPDATE requests SET record = json_remove(record, "
                                             "'$.result.request.max_time_ms')")),
                     QString());
            QCOMPARE(raw.number(QStringLiteral("SELECT count(*) FROM runs WHERE settings LIKE "
                                               "'%max_time%'")),
                     0);
        }

        const HistoryResult<StoredRun> loaded = history.load(id);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
        QCOMPARE(loaded.value().settings.transport.maxTimeMs, TransportOptions{}.maxTimeMs);
        QCOMPARE(loaded.value().records.first().result.request.maxTimeMs, HttpRequest{}.maxTimeMs);
        QCOMPARE(loaded.value().settings.transport.timeoutMs, plan.transport.timeoutMs);
    }

    void limits_defaultThenSet_areSharedThroughTheDatabase()
    {
        RunHistory history(path());
        QCOMPARE(history.limits().value(), HistoryLimits{});
        QCOMPARE(HistoryLimits{}.maxRuns, 500);
        QCOMPARE(HistoryLimits{}.maxBytes, 200LL * 1024 * 1024);
        QVERIFY(history.setLimits({20, 5 * 1024 * 1024}).ok());
        RunHistory other(path());
        QCOMPARE(other.limits().value(), (HistoryLimits{20, 5 * 1024 * 1024}));
    }

    void record_failingMidway_leavesNoHalfRun()
    {
        RunHistory history(path());
        QVERIFY(history.record(plainRun(QStringLiteral("p"), at(1))).ok());
        {
            // SQLite refuses the second request row, as a full disk would.
            RawDatabase raw(path());
            QCOMPARE(raw.exec(QStringLiteral(
                         "CREATE TRIGGER refuse BEFORE INSERT ON requests WHEN NEW.position = 1 "
                         "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END")),
                     QString());
        }
        StoredRun run = bulkyRun(at(2), 100);
        run.records.append(run.records.first());
        const HistoryResult<qint64> recorded = history.record(run);
        QVERIFY(!recorded.ok());
        QVERIFY2(recorded.error().contains(u"disk is full"), qPrintable(recorded.error()));
        QCOMPARE(history.list().value().size(), 1);
        RawDatabase raw(path());
        QCOMPARE(raw.exec(QStringLiteral("DROP TRIGGER refuse")), QString());
        QVERIFY(history.record(run).ok());
        QCOMPARE(history.list().value().size(), 2);
    }

private:
    QString path() const { return m_dir->filePath(QStringLiteral("data/history.sqlite")); }

    // The run kept in the history, then read back.
    HistoryResult<StoredRun> keptAndLoaded(const StoredRun &original) const
    {
        RunHistory history(path());
        const HistoryResult<qint64> id = history.record(original);
        if (!id.ok())
            return HistoryResult<StoredRun>::failure(id.error());
        return history.load(id.value());
    }

    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(RunHistoryTest)
#include "tst_runhistory.moc"
