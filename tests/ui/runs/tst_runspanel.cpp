#include "../simulator/SimulatorTestSupport.h"
#include "CliRunner.h"
#include "LoopbackServer.h"
#include "RunsTestSupport.h"
#include "UiTestSupport.h"
#include "actions/ActionRegistry.h"
#include "history/RunHistory.h"
#include "preview/LogoAvatar.h"
#include "runs/RunListModel.h"
#include "runs/RunRecorder.h"
#include "runs/RunsPanel.h"
#include "runview/RunHeader.h"
#include "runview/RunView.h"
#include "shell/MainWindow.h"
#include "shell/StatusMessages.h"
#include "shell/StatusPanel.h"
#include "simulator/MessageStrip.h"
#include "simulator/SimulateWorkspace.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace studio;
using test::LoopbackServer;

class RunsPanelTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { m_home = std::make_unique<test::IsolatedHome>(); }

    void init()
    {
        // One history for the window and the command line, in a folder of this test's own.
        m_data = std::make_unique<QTemporaryDir>();
        qputenv(HistoryLocation::kDataDirVariable, m_data->path().toUtf8());
        m_server = std::make_unique<LoopbackServer>();
        m_server->setRoute("/hook", LoopbackServer::Behaviour::json(
                                        200, R"({"message": "Saved to your notes."})"));
        m_server->setRoute("/stream", LoopbackServer::Behaviour::json(200, R"({})"));
    }

    void cleanup()
    {
        m_panel.reset();
        m_recorder.reset();
        m_controller.reset();
        m_actions.reset();
        m_server.reset();
        m_data.reset();
    }

    void aRunOfTheWindow_isListedWithItsSummary_andOpens()
    {
        makePanel();
        QTRY_VERIFY(m_panel->emptyText().contains(u"No runs yet"));
        QVERIFY(m_panel->isEmptyShown());
        const qint64 id = runMemory("listed");
        QTRY_COMPARE(m_panel->model()->rowCount(), 1);
        QCOMPARE(cell(0, RunListModel::Id).toLongLong(), id);
        QCOMPARE(cell(0, RunListModel::Plugin).toString(), QStringLiteral("Plugin listed"));
        QCOMPARE(cell(0, RunListModel::Kind).toString(), QStringLiteral("memory"));
        QCOMPARE(cell(0, RunListModel::Requests).toInt(), 1);
        QCOMPARE(cell(0, RunListModel::Failed).toInt(), 0);
        QCOMPARE(cell(0, RunListModel::Notifications).toInt(), 1);
        QVERIFY(cell(0, RunListModel::P50).toString().endsWith(u" ms"));
        QVERIFY(cell(0, RunListModel::P95).toString().endsWith(u" ms"));
        QCOMPARE(cell(0, RunListModel::Url).toString(), m_server->url("/hook"));
        QVERIFY(!m_panel->isEmptyShown());

        // The newest run opens in the run views.
        QTRY_VERIFY(m_panel->currentRun().has_value());
        QCOMPARE(m_panel->currentRun()->id, id);
        m_panel->runView()->flushPending();
        QCOMPARE(m_panel->runView()->recordCount(), 1);
    }

    void aRunOfTheOpenPlugin_showsItsLogo_othersThePlaceholder()
    {
        makePanel();
        QTemporaryDir folder;
        const QString logo = folder.filePath(QStringLiteral("logo.png"));
        QImage picture(64, 64, QImage::Format_RGB32);
        picture.fill(Qt::darkGreen);
        QVERIFY(picture.save(logo));
        m_panel->setOpenPlugin(QStringLiteral("beta"), QStringLiteral("Plugin beta"), logo);

        const qint64 other = runMemory("alpha");
        const qint64 open = runMemory("beta");
        QVERIFY(other > 0 && open > 0);
        QTRY_COMPARE(m_panel->model()->rowCount(), 2);
        const auto show = [this](qint64 id) {
            QSignalSpy opened(m_panel.get(), &RunsPanel::runOpened);
            m_panel->table()->selectRow(m_panel->model()->rowOf(id));
            return opened.wait(10000) || m_panel->currentRun()->id == id;
        };
        QVERIFY(show(open));
        QTRY_VERIFY(!m_panel->runView()->isLogoLoading());
        QTRY_COMPARE(m_panel->runView()->header()->avatar()->state(), LogoImage::State::Loaded);
        QVERIFY(show(other));
        QTRY_VERIFY(!m_panel->runView()->isLogoLoading());
        QTRY_COMPARE(m_panel->runView()->header()->avatar()->state(),
                     LogoImage::State::Placeholder);
    }

    void selectingARun_opensItsRequests()
    {
        makePanel();
        m_controller->setManifest(
            test::pluginManifest("stream", "transcript_processed", m_server->url("/stream")));
        QSignalSpy recorded(m_recorder.get(), &RunRecorder::recorded);
        QVERIFY(m_controller->start(m_controller->transcriptPlan(
            test::segments(6, 10), BatchingOptions{}, ReplaySpeed::fast())));
        QTRY_COMPARE(recorded.count(), 1);
        const qint64 transcript = recorded.first().first().toLongLong();
        runMemory("other");
        QTRY_COMPARE(m_panel->model()->rowCount(), 2);

        // A new run does not take the selection away from the run open.
        QTRY_COMPARE(m_panel->currentRun()->id, transcript);
        QSignalSpy opened(m_panel.get(), &RunsPanel::runOpened);
        m_panel->table()->selectRow(0);
        QTRY_COMPARE(opened.count(), 1);
        m_panel->runView()->flushPending();
        QCOMPARE(m_panel->runView()->recordCount(), 1);
        m_panel->table()->selectRow(m_panel->model()->rowOf(transcript));
        QTRY_COMPARE(opened.count(), 2);
        QCOMPARE(opened.last().first().toLongLong(), transcript);
        m_panel->runView()->flushPending();
        QCOMPARE(m_panel->runView()->recordCount(), m_server->requestCount() - 1);
        QVERIFY(m_panel->runView()->recordCount() > 1);
    }

    void rerun_sendsTheSameBytes_asANewRun()
    {
        makePanel();
        const qint64 first = runMemory("rerun");
        QTRY_VERIFY(m_panel->currentRun().has_value());
        QSignalSpy recorded(m_recorder.get(), &RunRecorder::recorded);
        QAction *rerun = m_actions->action(ActionId::HistoryRerun);
        QVERIFY(rerun->isEnabled());
        rerun->trigger();
        QTRY_COMPARE(m_server->requestCount(), 2);
        const QList<LoopbackServer::ReceivedRequest> requests = m_server->requests();
        QCOMPARE(requests.at(1).body, requests.at(0).body);
        QCOMPARE(requests.at(1).target, requests.at(0).target);
        QTRY_COMPARE(recorded.count(), 1);
        QTRY_COMPARE(m_panel->model()->rowCount(), 2);
        // The new run is listed first and opened.
        const qint64 second = recorded.first().first().toLongLong();
        QVERIFY(second != first);
        QCOMPARE(m_panel->model()->run(0).id, second);
        QTRY_COMPARE(m_panel->currentRun()->id, second);
    }

    void resend_sendsThatRequestsBytesOnly()
    {
        makePanel();
        m_controller->setManifest(
            test::pluginManifest("resend", "transcript_processed", m_server->url("/stream")));
        QSignalSpy recorded(m_recorder.get(), &RunRecorder::recorded);
        QVERIFY(m_controller->start(m_controller->transcriptPlan(
            test::segments(6, 10), BatchingOptions{}, ReplaySpeed::fast())));
        QTRY_COMPARE(recorded.count(), 1);
        QTRY_VERIFY(m_panel->currentRun().has_value());
        const int sent = m_server->requestCount();
        QVERIFY(sent >= 2);
        const RunRecord second = m_panel->currentRun()->records.at(1);

        emit m_panel->runView()->resendRequested(second);
        QTRY_COMPARE(m_server->requestCount(), sent + 1);
        QCOMPARE(m_server->requests().last().body, m_server->requests().at(1).body);
        QTRY_COMPARE(recorded.count(), 2);
        QTRY_COMPARE(m_panel->model()->rowCount(), 2);
        QCOMPARE(m_panel->model()->run(0).summary.at("count").get<int>(), 1);
    }

    void export_writesHarReportAndJUnit_thatParse()
    {
        makePanel();
        runMemory("exported");
        QTRY_VERIFY(m_panel->currentRun().has_value());
        QSignalSpy exported(m_panel.get(), &RunsPanel::exported);
        const QString har = m_data->filePath(QStringLiteral("out/run.har"));
        const QString report = m_data->filePath(QStringLiteral("run.json"));
        const QString junit = m_data->filePath(QStringLiteral("run.xml"));
        QVERIFY(QDir().mkpath(m_data->filePath(QStringLiteral("out"))));
        m_panel->exportTo(RunExport::Format::Har, har);
        m_panel->exportTo(RunExport::Format::Report, report);
        m_panel->exportTo(RunExport::Format::JUnit, junit);
        QTRY_COMPARE(exported.count(), 3);

        const QJsonObject log = readJson(har).value(QStringLiteral("log")).toObject();
        QCOMPARE(log.value(QStringLiteral("version")).toString(), QStringLiteral("1.2"));
        QCOMPARE(log.value(QStringLiteral("entries")).toArray().size(), 1);
        const QJsonObject summary = readJson(report).value(QStringLiteral("summary")).toObject();
        QCOMPARE(summary.value(QStringLiteral("count")).toInt(), 1);
        QCOMPARE(readBytes(report), QByteArray::fromStdString(m_panel->currentRun()->report));
        QXmlStreamReader xml(readBytes(junit));
        int testcases = 0;
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == u"testcase")
                ++testcases;
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(testcases, 1);
    }

    void export_toAFolderThatIsNotThere_saysWhy()
    {
        makePanel();
        runMemory("unexported");
        QTRY_VERIFY(m_panel->currentRun().has_value());
        m_panel->exportTo(RunExport::Format::Har, m_data->filePath(QStringLiteral("no/run.har")));
        QTRY_COMPARE(m_panel->messageStrip()->level(), MessageStrip::Level::Error);
        QVERIFY(m_panel->messageStrip()->message().contains(u"not exported"));
    }

    void delete_withTheDeleteKey_asksThenRemovesTheRun()
    {
        makePanel();
        const qint64 id = runMemory("deleted");
        QTRY_COMPARE(m_panel->model()->rowCount(), 1);
        QTRY_VERIFY(m_panel->currentRun().has_value());
        QVERIFY(test::showActive(m_panel.get()));
        m_panel->table()->setFocus();
        QSignalSpy removed(m_panel.get(), &RunsPanel::removed);

        QSignalSpy triggered(m_actions->action(ActionId::HistoryDelete), &QAction::triggered);
        test::answerNextMessageBox(QMessageBox::Cancel);
        QTest::keyClick(m_panel->table(), Qt::Key_Delete);
        QCOMPARE(triggered.count(), 1);
        QCOMPARE(removed.count(), 0);
        QVERIFY(test::showActive(m_panel.get()));
        m_panel->table()->setFocus();
        test::answerNextMessageBox(QMessageBox::Yes);
        QTest::keyClick(m_panel->table(), Qt::Key_Delete);
        QTRY_COMPARE(removed.count(), 1);
        QCOMPARE(removed.first().first().toLongLong(), id);
        QTRY_COMPARE(m_panel->model()->rowCount(), 0);
        QTRY_VERIFY(m_panel->isEmptyShown());
        QVERIFY(!m_panel->currentRun().has_value());
        RunHistory history;
        QCOMPARE(history.list().value().size(), 0);
    }

    void filter_showsTheRunsOfOnePlugin()
    {
        makePanel();
        runMemory("alpha");
        runMemory("beta");
        runMemory("beta");
        QTRY_COMPARE(m_panel->model()->rowCount(), 3);
        m_panel->setOpenPlugin(QStringLiteral("beta"), QStringLiteral("Plugin beta"));
        QComboBox *combo = m_panel->pluginCombo();
        QCOMPARE(combo->itemText(0), QStringLiteral("All plugins"));
        QCOMPARE(combo->itemData(1).toString(), QStringLiteral("beta"));
        const int alpha = combo->findData(QStringLiteral("alpha"));
        QVERIFY(alpha > 1);
        combo->setCurrentIndex(alpha);
        QCOMPARE(m_panel->model()->rowCount(), 1);
        QCOMPARE(m_panel->model()->run(0).pluginId, QStringLiteral("alpha"));
        combo->setCurrentIndex(1);
        QCOMPARE(m_panel->model()->rowCount(), 2);
        combo->setCurrentIndex(0);
        QCOMPARE(m_panel->model()->rowCount(), 3);
        m_panel->setPluginFilter(QStringLiteral("nobody"));
        QCOMPARE(m_panel->model()->rowCount(), 0);
        QVERIFY(m_panel->emptyText().contains(u"No runs of this plugin"));
    }

    void aRunOfTheCommandLine_appearsInThePanel()
    {
        const QString manifest = m_data->filePath(QStringLiteral("manifest.json"));
        QVERIFY(test::writeMemoryManifest(manifest, QStringLiteral("from-cli"),
                                          m_server->url("/hook")));
        const test::CliRun cli = test::runCli({QStringLiteral("simulate"), QStringLiteral("memory"),
                                               QStringLiteral("--manifest"), manifest});
        QVERIFY2(cli.exitCode == 0, cli.err.constData());
        QVERIFY(cli.errText().contains(u"kept in the history as run 1"));

        makePanel();
        QTRY_COMPARE(m_panel->model()->rowCount(), 1);
        QCOMPARE(m_panel->model()->run(0).pluginId, QStringLiteral("from-cli"));
        // The window's runs go to the same history.
        runMemory("from-window");
        QTRY_COMPARE(m_panel->model()->rowCount(), 2);
        QCOMPARE(m_panel->model()->run(0).pluginId, QStringLiteral("from-window"));
        // And the command line sees them.
        const test::CliRun list = test::runCli({QStringLiteral("runs"), QStringLiteral("list")});
        QCOMPARE(list.exitCode, 0);
        QVERIFY(list.outText().contains(u"from-window"));
    }

    void aCorruptHistory_saysWhereAndWhy_andRunsGoOn()
    {
        QVERIFY(test::writeGarbage(HistoryLocation::defaultPath()));
        makePanel();
        QSignalSpy failed(m_recorder.get(), &RunRecorder::failed);
        QTRY_VERIFY(m_panel->emptyText().contains(u"cannot be read"));
        const QString path = QDir::toNativeSeparators(HistoryLocation::defaultPath());
        QVERIFY(m_panel->emptyText().contains(path));
        QCOMPARE(m_panel->messageStrip()->level(), MessageStrip::Level::Error);
        QVERIFY(m_panel->messageStrip()->message().contains(path));

        m_controller->setManifest(test::memoryPlugin("corrupt", m_server->url("/hook")));
        QSignalSpy finished(m_controller.get(), &SimulationController::runFinished);
        QVERIFY(m_controller->start(m_controller->memoryPlan(test::sampleMemory())));
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(m_server->requestCount(), 1);
        QTRY_COMPARE(failed.count(), 1);
    }

    void theWindow_hasAHistoryPage_andKeepsItsRuns()
    {
        MainWindow window;
        SimulateWorkspace *workspace = window.simulate();
        auto *modes = workspace->findChild<QTabWidget *>(QStringLiteral("simulatorModes"));
        QVERIFY(modes);
        QCOMPARE(modes->count(), 9); // memory, transcript, audio, setup, then these five
        QCOMPARE(modes->tabText(4), QStringLiteral("History"));
        QCOMPARE(modes->tabText(5), QStringLiteral("Listen"));
        QCOMPARE(modes->tabText(6), QStringLiteral("App API"));
        QCOMPARE(modes->tabText(7), QStringLiteral("Tools"));
        QCOMPARE(modes->tabText(8), QStringLiteral("Load"));
        auto *panel = workspace->findChild<RunsPanel *>();
        QVERIFY(panel);
        QVERIFY(modes->widget(4)->isAncestorOf(panel));
        QVERIFY(test::showActive(&window));
        window.tabs()->setCurrentWidget(workspace);
        workspace->showPage(panel);
        QVERIFY(workspace->isAddedPageShown());
        QVERIFY(!workspace->resultsHost()->isVisible());

        workspace->setManifest(test::memoryPlugin("windowed", m_server->url("/hook")));
        QVERIFY(workspace->controller()->start(
            workspace->controller()->memoryPlan(test::sampleMemory())));
        QTRY_COMPARE(panel->model()->rowCount(), 1);
        QCOMPARE(panel->model()->run(0).pluginId, QStringLiteral("windowed"));
        workspace->setMode(SimulateWorkspace::Mode::Memory);
        QVERIFY(workspace->resultsHost()->isVisible());
    }

    void theWindow_withACorruptHistory_saysSoInTheStatusBar()
    {
        QVERIFY(test::writeGarbage(HistoryLocation::defaultPath()));
        MainWindow window;
        SimulateWorkspace *workspace = window.simulate();
        QVERIFY(test::showActive(&window));
        window.tabs()->setCurrentWidget(workspace);
        workspace->setManifest(test::memoryPlugin("status", m_server->url("/hook")));
        QVERIFY(workspace->controller()->start(
            workspace->controller()->memoryPlan(test::sampleMemory())));
        QTRY_VERIFY(window.statusPanel()->messages()->currentText().contains(
            u"not kept in the history"));
        QVERIFY(workspace->messageStrip()->message().contains(u"not kept in the history"));
        QCOMPARE(m_server->requestCount(), 1);
    }

private:
    void makePanel()
    {
        m_actions = std::make_unique<ActionRegistry>();
        m_controller = std::make_unique<SimulationController>();
        m_recorder = std::make_unique<RunRecorder>(m_controller.get());
        m_panel =
            std::make_unique<RunsPanel>(m_recorder.get(), m_controller.get(), m_actions.get());
        m_panel->resize(1100, 700);
        m_panel->show();
    }

    // A memory run of plugin `id`, recorded; returns its id.
    qint64 runMemory(const char *id)
    {
        m_controller->setManifest(test::memoryPlugin(id, m_server->url("/hook")));
        QSignalSpy recorded(m_recorder.get(), &RunRecorder::recorded);
        if (!m_controller->start(m_controller->memoryPlan(test::sampleMemory())))
            return 0;
        if (!recorded.wait(10000))
            return 0;
        return recorded.first().first().toLongLong();
    }

    QVariant cell(int row, int column) const
    {
        return m_panel->model()->data(m_panel->model()->index(row, column));
    }

    static QByteArray readBytes(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    static QJsonObject readJson(const QString &path)
    {
        return QJsonDocument::fromJson(readBytes(path)).object();
    }

    std::unique_ptr<test::IsolatedHome> m_home;
    std::unique_ptr<QTemporaryDir> m_data;
    std::unique_ptr<LoopbackServer> m_server;
    std::unique_ptr<ActionRegistry> m_actions;
    std::unique_ptr<SimulationController> m_controller;
    std::unique_ptr<RunRecorder> m_recorder;
    std::unique_ptr<RunsPanel> m_panel;
};

QTEST_MAIN(RunsPanelTest)
#include "tst_runspanel.moc"
