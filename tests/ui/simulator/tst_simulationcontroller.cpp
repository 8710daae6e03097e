#include "LoopbackServer.h"
#include "SimulatorTestSupport.h"
#include "UiTestSupport.h"
#include "simulation/payload/MemoryFixtureLoader.h"
#include "simulator/SimulationController.h"
#include "transcript/TranscriptBatcher.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace studio;
using test::LoopbackServer;

class SimulationControllerTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { m_home = std::make_unique<test::IsolatedHome>(); }

    void init()
    {
        QSettings().clear();
        m_server = std::make_unique<LoopbackServer>();
        QVERIFY(m_server->isListening());
        m_server->setRoute("/hook", LoopbackServer::Behaviour::json(
                                        200, R"({"message": "Noted: your meeting is saved."})"));
    }

    void cleanup() { m_server.reset(); }

    void plans_followTheTarget()
    {
        SimulationController controller;
        controller.setManifest(test::pluginManifest("notes", "memory_creation",
                                                    QStringLiteral("https://notes.example/hook")));
        SimulationTarget target = controller.target();
        target.uid = QStringLiteral("user-7");
        target.profile = PayloadProfile::Guide;
        target.timeoutMs = 5000;
        target.maxTimeMs = 90'000;
        controller.setTarget(target);
        const SimulationPlan plan = controller.memoryPlan(memory());
        QCOMPARE(plan.webhookUrl, QStringLiteral("https://notes.example/hook"));
        QCOMPARE(plan.uid, QStringLiteral("user-7"));
        QCOMPARE(plan.profile, PayloadProfile::Guide);
        QCOMPARE(plan.transport.timeoutMs, 5000);
        QCOMPARE(plan.transport.maxTimeMs, 90'000);
        SimulationController later; // a new session of the studio
        later.setManifest(test::pluginManifest("other", "memory_creation",
                                               QStringLiteral("https://other.example/hook")));
        QCOMPARE(later.target().timeoutMs, 5000);
        QCOMPARE(later.target().maxTimeMs, 90'000);
        QCOMPARE(later.transport().maxTimeMs, 90'000);

        target.urlOverride = QStringLiteral("http://localhost:8000/hook");
        controller.setTarget(target);
        QCOMPARE(controller.memoryPlan(memory()).webhookUrl,
                 QStringLiteral("http://localhost:8000/hook"));
    }

    void urlOverride_isRememberedPerPlugin()
    {
        const QString local = QStringLiteral("http://localhost:8000/hook");
        {
            SimulationController controller;
            controller.setManifest(test::pluginManifest("first", "memory_creation",
                                                        QStringLiteral("https://a.example/h")));
            SimulationTarget target = controller.target();
            target.urlOverride = local;
            controller.setTarget(target);
            controller.setManifest(test::pluginManifest("second", "memory_creation",
                                                        QStringLiteral("https://b.example/h")));
            QCOMPARE(controller.target().urlOverride, QString());
            QCOMPARE(controller.webhookUrl(), QStringLiteral("https://b.example/h"));
            controller.setManifest(test::pluginManifest("first", "memory_creation",
                                                        QStringLiteral("https://a.example/h")));
            QCOMPARE(controller.webhookUrl(), local);
        }
        SimulationController later; // a new session of the studio
        later.setManifest(test::pluginManifest("first", "memory_creation",
                                               QStringLiteral("https://a.example/h")));
        QCOMPARE(later.target().urlOverride, local);
    }

    void memory_isPostedWithTheUidAndJudged()
    {
        SimulationController controller;
        controller.setManifest(
            test::pluginManifest("notes", "memory_creation", m_server->url("/hook")));
        QSignalSpy started(&controller, &SimulationController::runStarted);
        QSignalSpy records(&controller, &SimulationController::recordCompleted);
        QSignalSpy finished(&controller, &SimulationController::runFinished);
        const Memory sent = memory();
        QVERIFY(controller.start(controller.memoryPlan(sent)));
        QCOMPARE(started.count(), 1);
        QTRY_COMPARE(finished.count(), 1);

        const auto requests = m_server->requests();
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests.first().method, QByteArray("POST"));
        QCOMPARE(test::uidOf(requests.first().target), QStringLiteral("plugin-studio-test-uid"));
        QVERIFY(requests.first().body.contains(sent.id.toUtf8()));
        const RunRecord record = records.first().first().value<RunRecord>();
        QCOMPARE(record.result.status, 200);
        QCOMPARE(record.verdict.kind, ResponseVerdict::Kind::Notification);
        QCOMPARE(finished.first().first().value<RunSummary>().notifications, 1);
    }

    void fastTranscript_sendsEveryBatchOnce()
    {
        SimulationController controller;
        controller.setManifest(
            test::pluginManifest("live", "transcript_processed", m_server->url("/hook")));
        const auto conversation = test::segments(12, 10); // two minutes
        const BatchingOptions windows = BatchingOptions::window(30);
        const int expected = int(TranscriptBatcher::cut(conversation, windows).size());
        QSignalSpy finished(&controller, &SimulationController::runFinished);
        QSignalSpy records(&controller, &SimulationController::recordCompleted);
        QVERIFY(controller.start(
            controller.transcriptPlan(conversation, windows, ReplaySpeed::fast())));
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(records.count(), expected);
        QCOMPARE(m_server->requestCount(), expected);
        QCOMPARE(controller.progress().done(), expected);
        QCOMPARE(controller.progress().remainingMs, std::optional<qint64>(0));
    }

    void freshSession_drawsANewIdEachRun()
    {
        SimulationController controller;
        controller.setManifest(
            test::pluginManifest("live", "transcript_processed", m_server->url("/hook")));
        const auto conversation = test::segments(2, 5);
        const auto runOnce = [&] {
            QSignalSpy finished(&controller, &SimulationController::runFinished);
            controller.start(controller.transcriptPlan(conversation, BatchingOptions::window(30),
                                                       ReplaySpeed::fast()));
            return finished.wait(5000) || finished.count() == 1;
        };
        QVERIFY(runOnce());
        QCOMPARE(test::sessionIdOf(m_server->requests().last().body),
                 QStringLiteral("plugin-studio-test-uid")); // the backend sends the uid

        SimulationTarget target = controller.target();
        target.freshSessionPerRun = true;
        controller.setTarget(target);
        QVERIFY(runOnce());
        const QString first = test::sessionIdOf(m_server->requests().last().body);
        QVERIFY(runOnce());
        const QString second = test::sessionIdOf(m_server->requests().last().body);
        QVERIFY(!QUuid::fromString(first).isNull());
        QVERIFY(!QUuid::fromString(second).isNull());
        QVERIFY(first != second);
        QCOMPARE(controller.lastSessionId(), second);
    }

    void step_sendsOneWindow_seekSkips()
    {
        SimulationController controller;
        controller.setManifest(
            test::pluginManifest("live", "transcript_processed", m_server->url("/hook")));
        const auto conversation = test::segments(10, 30); // one segment per 30 s window
        const auto plan = controller.transcriptPlan(conversation, BatchingOptions::window(30),
                                                    ReplaySpeed::realTime());
        const int total = plan.requestCount();
        QCOMPARE(total, 10);
        QSignalSpy records(&controller, &SimulationController::recordCompleted);
        QSignalSpy skipped(&controller, &SimulationController::batchSkipped);
        QSignalSpy finished(&controller, &SimulationController::runFinished);

        QVERIFY(controller.startStepping(plan));
        QCOMPARE(controller.run()->state(), SimulationRun::State::Paused);
        QTRY_COMPARE(records.count(), 1);
        QCOMPARE(m_server->requestCount(), 1);
        controller.step();
        QTRY_COMPARE(records.count(), 2);
        QCOMPARE(m_server->requestCount(), 2);

        // To the last window: the ones in between are passed over, never sent.
        QVERIFY(controller.seekToBatch(total - 1));
        QCOMPARE(skipped.count(), total - 3);
        controller.step();
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(m_server->requestCount(), 3);
        QVERIFY(!controller.seek(0)); // finished: nothing to seek
    }

    void stop_sendsNothingMore()
    {
        SimulationController controller;
        controller.setManifest(
            test::pluginManifest("live", "transcript_processed", m_server->url("/hook")));
        const auto conversation = test::segments(6, 30);
        QSignalSpy finished(&controller, &SimulationController::runFinished);
        QSignalSpy skipped(&controller, &SimulationController::batchSkipped);
        QVERIFY(controller.start(controller.transcriptPlan(
            conversation, BatchingOptions::window(30), ReplaySpeed::realTime())));
        QVERIFY(controller.isActive());
        controller.stop();
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(skipped.count(), 6);
        QCOMPARE(m_server->requestCount(), 0);
        QVERIFY(!controller.isActive());
    }

    void noUrl_isRefusedWithAReason()
    {
        SimulationController controller;
        controller.setManifest(test::pluginManifest("bare", "memory_creation", QString()));
        QSignalSpy refused(&controller, &SimulationController::refused);
        QVERIFY(!controller.start(controller.memoryPlan(memory())));
        QCOMPARE(refused.count(), 1);
        QVERIFY(refused.first().first().toString().contains(QStringLiteral("webhook URL")));
    }

    void unreachableUrl_failsTheRecord()
    {
        SimulationController controller;
        const QString closed = m_server->url("/hook");
        m_server.reset(); // nothing listens there any more
        controller.setManifest(test::pluginManifest("gone", "memory_creation", closed));
        QSignalSpy records(&controller, &SimulationController::recordCompleted);
        QVERIFY(controller.start(controller.memoryPlan(memory())));
        QTRY_COMPARE(records.count(), 1);
        const RunRecord record = records.first().first().value<RunRecord>();
        QVERIFY(record.requestFailed());
        QVERIFY(!record.result.errorMessage.isEmpty());
        m_server = std::make_unique<LoopbackServer>();
    }

    void checkSetup_judgesLikeTheApp_data()
    {
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<bool>("ready");
        QTest::newRow("not yet") << QByteArray(R"({"is_setup_completed": false})") << false;
        QTest::newRow("done") << QByteArray(R"({"is_setup_completed": true})") << true;
    }

    void checkSetup_judgesLikeTheApp()
    {
        QFETCH(QByteArray, answer);
        QFETCH(bool, ready);
        m_server->setRoute("/setup", LoopbackServer::Behaviour::json(200, answer));
        SimulationController controller;
        controller.setManifest(test::pluginManifest(
            "notes", "memory_creation", m_server->url("/hook"), m_server->url("/setup")));
        QSignalSpy checked(&controller, &SimulationController::setupChecked);
        controller.checkSetup();
        QTRY_COMPARE(checked.count(), 1);
        QCOMPARE(checked.first().at(1).value<SetupVerdict>().ready, ready);
        const auto request = m_server->requests().first();
        QCOMPARE(request.method, QByteArray("GET"));
        QCOMPARE(test::uidOf(request.target), QStringLiteral("plugin-studio-test-uid"));
    }

    void authLinks_carryTheUid()
    {
        SimulationController controller;
        controller.setManifest(test::pluginManifest("notes", "memory_creation",
                                                    QStringLiteral("https://n.example/h")));
        SimulationTarget target = controller.target();
        target.uid = QStringLiteral("me 1");
        controller.setTarget(target);
        const auto links = controller.authLinks();
        QCOMPARE(links.size(), 1);
        QCOMPARE(links.first().url, QStringLiteral("https://plugin.example/connect?uid=me%201"));
    }

private:
    static Memory memory()
    {
        const MemoryLoadResult loaded =
            MemoryFixtureLoader::loadFile(QString::fromLatin1(test::sampleMemoryPath()));
        return loaded.memory;
    }

    std::unique_ptr<test::IsolatedHome> m_home;
    std::unique_ptr<LoopbackServer> m_server;
};

QTEST_MAIN(SimulationControllerTest)
#include "tst_simulationcontroller.moc"
