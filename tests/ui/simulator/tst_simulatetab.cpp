#include "LoopbackServer.h"
#include "SimulatorTestSupport.h"
#include "UiTestSupport.h"
#include "actions/ActionRegistry.h"
#include "document/DocumentSession.h"
#include "document/ManifestDocument.h"
#include "edit/JsonEdit.h"
#include "form/ManifestForm.h"
#include "runview/NotificationPreview.h"
#include "runview/NotificationPreviewModel.h"
#include "runview/RecordOutcome.h"
#include "runview/RequestInspector.h"
#include "runview/RunTimeline.h"
#include "runview/RunView.h"
#include "shell/MainWindow.h"
#include "simulator/MemoryDraft.h"
#include "simulator/RequestListModel.h"
#include "simulator/SetupCheckPanel.h"
#include "simulator/SimulateWorkspace.h"
#include "simulator/SimulationController.h"
#include "simulator/TargetPanel.h"
#include "transcript/TranscriptSegment.h"

#include <QAction>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

using namespace studio;
using test::LoopbackServer;

class SimulateTabTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { m_home = std::make_unique<test::IsolatedHome>(); }

    void init()
    {
        QSettings().clear();
        m_server = std::make_unique<LoopbackServer>();
        m_server->setRoute("/hook", LoopbackServer::Behaviour::json(
                                        200, R"({"message": "Saved to your notes."})"));
        m_server->setRoute("/setup",
                           LoopbackServer::Behaviour::json(200, R"({"is_setup_completed": true})"));
        m_repository = std::make_unique<QTemporaryDir>();
        test::copySampleRepository(m_repository->path());
        m_window = std::make_unique<MainWindow>();
        m_workspace = m_window->simulate();
        QVERIFY(m_window->session()->openRepository(m_repository->path()).isEmpty());
        QVERIFY(m_window->session()->openEntry(1).isEmpty()); // meeting-notes: memory_creation
        QVERIFY(test::showActive(m_window.get()));
    }

    void cleanup()
    {
        m_window.reset();
        m_repository.reset();
        m_server.reset();
    }

    void simulate_isTheThirdTab_ctrl3ShowsIt()
    {
        QTabWidget *tabs = m_window->tabs();
        QCOMPARE(tabs->count(), 3);
        QCOMPARE(tabs->indexOf(m_workspace), 2);
        QCOMPARE(tabs->tabText(2), QStringLiteral("Simulate"));
        QCOMPARE(m_window->actions()->action(ActionId::ShowSimulate)->shortcut(),
                 QKeySequence(Qt::CTRL | Qt::Key_3));
        QTest::keyClick(m_window.get(), Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(tabs->currentWidget(), m_workspace);
        QVERIFY(!m_window->menuBar()->findChildren<QMenu *>().isEmpty());
    }

    void theWorkspace_followsTheOpenManifest()
    {
        SimulationController *controller = m_workspace->controller();
        QCOMPARE(controller->plugin().id, QStringLiteral("meeting-notes"));
        QCOMPARE(controller->manifestWebhookUrl(),
                 QStringLiteral("http://127.0.0.1:8780/memory"));
        QCOMPARE(m_workspace->targetPanel()->urlEdit()->placeholderText(),
                 controller->manifestWebhookUrl());
        QVERIFY(m_workspace->setupPanel()->checkButton()->isEnabled());
        QVERIFY(m_window->session()->openEntry(2).isEmpty()); // live-fact-checker
        QCOMPARE(controller->plugin().id, QStringLiteral("live-fact-checker"));
        QCOMPARE(m_workspace->mode(), SimulateWorkspace::Mode::Transcript);
        QVERIFY(!m_workspace->setupPanel()->checkButton()->isEnabled());
    }

    void sendTest_inTheForm_opensTheTabAndSends()
    {
        overrideUrl(m_server->url("/hook"));
        auto *send = m_window->form()->findChild<QPushButton *>(QStringLiteral("sendTestButton"));
        QVERIFY(send);
        QCOMPARE(m_window->tabs()->currentIndex(), 0);
        QTest::mouseClick(send, Qt::LeftButton);
        QCOMPARE(m_window->tabs()->currentWidget(), m_workspace);
        QCOMPARE(m_workspace->mode(), SimulateWorkspace::Mode::Memory);
        QTRY_COMPARE(m_server->requestCount(), 1);
        QTRY_COMPARE(m_workspace->requests()->verdictText(0), QStringLiteral("notification"));
    }

    void checkSetup_inTheForm_opensTheTabAndChecks()
    {
        // The sample's setup URL is not reachable; point the manifest at the loopback server.
        ManifestDocument *document = m_window->session()->document();
        QVERIFY(document
                    ->edit(QStringLiteral("Set URL"),
                           {JsonEdit::set("/external_integration/setup_completed_url",
                                          m_server->url("/setup").toStdString())})
                    .isEmpty());
        auto *check =
            m_window->form()->findChild<QPushButton *>(QStringLiteral("checkSetupButton"));
        QVERIFY(check);
        QTest::mouseClick(check, Qt::LeftButton);
        QCOMPARE(m_window->tabs()->currentWidget(), m_workspace);
        QCOMPARE(m_workspace->mode(), SimulateWorkspace::Mode::Setup);
        QTRY_VERIFY(
            m_workspace->setupPanel()->verdictText().contains(QStringLiteral("Setup completed")));
        QCOMPARE(m_server->requests().first().method, QByteArray("GET"));
    }

    void aSentMemory_showsInTheRunViews_andResendsByteForByte()
    {
        overrideUrl(m_server->url("/hook"));
        m_window->tabs()->setCurrentWidget(m_workspace);
        QTRY_VERIFY(m_workspace->memoryDraft()->isChecked());
        m_workspace->sendTest();
        QTRY_COMPARE(m_server->requestCount(), 1);

        RunView *view = m_workspace->runView();
        QVERIFY(m_workspace->resultsHost()->currentWidget()->isAncestorOf(view));
        QTRY_COMPARE(view->recordCount(), 1);
        view->flushPending();
        QCOMPARE(view->timeline()->markCount(), 1);
        QCOMPARE(view->timeline()->markOutcome(0), RecordOutcome::Notification);
        const NotificationPreviewModel *phone = view->notificationPreview()->model();
        QCOMPARE(phone->notificationCount(), 1);
        QCOMPARE(phone->pluginName(), QStringLiteral("Meeting Notes"));
        QTRY_VERIFY(!view->isLogoLoading());

        // The inspector's Resend sends that request again, the very bytes, as a run of its own.
        view->selectRecord(0);
        const QByteArray first = m_server->requests().first().body;
        view->inspector()->resendAction()->trigger();
        QTRY_COMPARE(m_server->requestCount(), 2);
        QCOMPARE(m_server->requests().at(1).body, first);
        QTRY_COMPARE(view->recordCount(), 1); // the resend is the run shown now
    }

    void aTranscriptStream_fillsTheTimelineWindowByWindow()
    {
        QVERIFY(m_window->session()->openEntry(2).isEmpty()); // live-fact-checker
        overrideUrl(m_server->url("/hook"));
        m_window->tabs()->setCurrentWidget(m_workspace);
        SimulationController *controller = m_workspace->controller();
        QList<TranscriptSegment> segments;
        for (int i = 0; i < 6; ++i) {
            TranscriptSegment segment;
            segment.text = QStringLiteral("Words %1").arg(i);
            segment.start = i * 20.0;
            segment.end = segment.start + 5.0;
            segments << segment;
        }
        QVERIFY(controller->start(
            controller->transcriptPlan(segments, {}, ReplaySpeed::fast(), QStringLiteral("t"))));
        const int batches = controller->run()->requestCount();
        QVERIFY(batches > 1);
        QTRY_COMPARE(m_workspace->runView()->recordCount(), batches);
        m_workspace->runView()->flushPending();
        QCOMPARE(m_workspace->runView()->timeline()->markCount(), batches);
        QCOMPARE(m_server->requestCount(), batches);
    }

    void runKeys_actOnlyInTheTab()
    {
        overrideUrl(m_server->url("/hook"));
        QCOMPARE(m_window->tabs()->currentIndex(), 0);
        QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(!m_workspace->controller()->run()); // the manifest tab: nothing sent
        m_window->tabs()->setCurrentWidget(m_workspace);
        QTRY_VERIFY(m_workspace->memoryDraft()->isChecked());
        m_workspace->setFocus();
        QTest::keyClick(m_workspace, Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE(m_server->requestCount(), 1);
    }

private:
    void overrideUrl(const QString &url)
    {
        SimulationTarget target = m_workspace->controller()->target();
        target.urlOverride = url;
        m_workspace->controller()->setTarget(target);
    }

    std::unique_ptr<test::IsolatedHome> m_home;
    std::unique_ptr<LoopbackServer> m_server;
    std::unique_ptr<QTemporaryDir> m_repository;
    std::unique_ptr<MainWindow> m_window;
    SimulateWorkspace *m_workspace = nullptr;
};

QTEST_MAIN(SimulateTabTest)
#include "tst_simulatetab.moc"
