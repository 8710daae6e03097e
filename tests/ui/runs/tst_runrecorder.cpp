#include "LoopbackServer.h"
#include "RunsTestSupport.h"
#include "UiTestSupport.h"
#include "history/RunHistory.h"
#include "runs/RunRecorder.h"

#include <QDir>
#include <QSignalSpy>
#include <QTest>

using namespace studio;
using test::LoopbackServer;

class RunRecorderTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { m_home = std::make_unique<test::IsolatedHome>(); }

    void init()
    {
        m_data = std::make_unique<QTemporaryDir>();
        m_server = std::make_unique<LoopbackServer>();
        m_server->setRoute("/hook", LoopbackServer::Behaviour::json(
                                        200, R"({"message": "Saved to your notes."})"));
        m_server->setRoute("/setup",
                           LoopbackServer::Behaviour::json(200, R"({"is_setup_completed": true})"));
    }

    void cleanup()
    {
        m_server.reset();
        m_data.reset();
    }

    void aFinishedRun_isRecordedWithItsRequests()
    {
        SimulationController controller;
        controller.setManifest(test::memoryPlugin("recorded", m_server->url("/hook")));
        RunRecorder recorder(&controller, historyPath());
        QSignalSpy recorded(&recorder, &RunRecorder::recorded);
        QSignalSpy failed(&recorder, &RunRecorder::failed);

        QVERIFY(controller.start(controller.memoryPlan(test::sampleMemory())));
        QTRY_COMPARE(recorded.count(), 1);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(recorder.pending(), 0);

        RunHistory history(historyPath());
        const HistoryResult<StoredRun> run = history.load(recorded.first().first().toLongLong());
        QVERIFY2(run.ok(), qPrintable(run.error()));
        QCOMPARE(run.value().kind, RunKind::Memory);
        QCOMPARE(run.value().info.pluginId, QStringLiteral("recorded"));
        QCOMPARE(run.value().records.size(), 1);
        QCOMPARE(run.value().records.first().result.request.body,
                 m_server->requests().first().body);
        QVERIFY(run.value().report.find("\"summary\"") != std::string::npos);
    }

    void aSetupCheck_isRecordedAsSetup()
    {
        SimulationController controller;
        PluginManifest manifest = test::memoryPlugin("checked", m_server->url("/hook"));
        manifest.externalIntegration->setupCompletedUrl = m_server->url("/setup").toStdString();
        controller.setManifest(manifest);
        RunRecorder recorder(&controller, historyPath());
        QSignalSpy recorded(&recorder, &RunRecorder::recorded);

        controller.checkSetup();
        QTRY_COMPARE(recorded.count(), 1);
        RunHistory history(historyPath());
        const auto runs = history.list();
        QVERIFY(runs.ok());
        QCOMPARE(runs.value().size(), 1);
        QCOMPARE(runs.value().first().kind, RunKind::Setup);
        QCOMPARE(runs.value().first().url, m_server->url("/setup"));
    }

    void aCorruptHistory_failsWithItsPath_andTheRunGoesOn()
    {
        const QString path = historyPath();
        QVERIFY(test::writeGarbage(path));
        SimulationController controller;
        controller.setManifest(test::memoryPlugin("corrupt", m_server->url("/hook")));
        RunRecorder recorder(&controller, path);
        QSignalSpy failed(&recorder, &RunRecorder::failed);
        QSignalSpy finished(&controller, &SimulationController::runFinished);

        QVERIFY(controller.start(controller.memoryPlan(test::sampleMemory())));
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(m_server->requestCount(), 1);
        QTRY_COMPARE(failed.count(), 1);
        const QString message = failed.first().first().toString();
        QVERIFY2(message.contains(QDir::toNativeSeparators(path)), qPrintable(message));
        // And again: the next run is not held up either.
        QVERIFY(controller.start(controller.memoryPlan(test::sampleMemory())));
        QTRY_COMPARE(finished.count(), 2);
        QTRY_COMPARE(failed.count(), 2);
    }

    void anUnwritableFolder_fails()
    {
        QVERIFY(test::writeGarbage(m_data->filePath(QStringLiteral("file"))));
        // A folder that cannot be made: a file is in its way.
        const QString path = m_data->filePath(QStringLiteral("file/history.sqlite"));
        SimulationController controller;
        controller.setManifest(test::memoryPlugin("unwritable", m_server->url("/hook")));
        RunRecorder recorder(&controller, path);
        QSignalSpy failed(&recorder, &RunRecorder::failed);
        QVERIFY(controller.start(controller.memoryPlan(test::sampleMemory())));
        QTRY_COMPARE(failed.count(), 1);
        QVERIFY(failed.first().first().toString().contains(u"not kept in the history"));
    }

private:
    QString historyPath() const { return m_data->filePath(QStringLiteral("history.sqlite")); }

    std::unique_ptr<test::IsolatedHome> m_home;
    std::unique_ptr<QTemporaryDir> m_data;
    std::unique_ptr<LoopbackServer> m_server;
};

QTEST_MAIN(RunRecorderTest)
#include "tst_runrecorder.moc"
