#include "LoopbackServer.h"
#include "PythonHmac.h"
#include "SimulatorTestSupport.h"
#include "UiTestSupport.h"
#include "WavFiles.h"
#include "actions/ActionRegistry.h"
#include "editor/DiagnosticMarks.h"
#include "simulator/AudioPanel.h"
#include "simulator/ConversationTimeline.h"
#include "simulator/MemoryDraft.h"
#include "simulator/MemoryEditor.h"
#include "simulator/MemoryPanel.h"
#include "simulator/MessageStrip.h"
#include "simulator/RequestListModel.h"
#include "simulator/SegmentTableModel.h"
#include "simulator/SetupCheckPanel.h"
#include "simulator/SimulateWorkspace.h"
#include "simulator/SimulationController.h"
#include "simulator/TargetPanel.h"
#include "simulator/TranscriptPanel.h"
#include "transcript/TranscriptBatcher.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace studio;
using test::LoopbackServer;

// Receives the links the workspace opens instead of the system browser.
class LinkCatcher : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> opened;

public slots:
    void open(const QUrl &url) { opened << url; }
};

class SimulateWorkspaceTest : public QObject
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
                                        200, R"({"message": "Heard you, all good."})"));
        m_actions = std::make_unique<ActionRegistry>();
        m_controller = std::make_unique<SimulationController>();
        m_workspace = std::make_unique<SimulateWorkspace>(m_controller.get(), m_actions.get());
        m_workspace->resize(1100, 760);
    }

    void cleanup()
    {
        m_workspace.reset();
        m_controller.reset();
        m_actions.reset();
        m_server.reset();
    }

    void memorySend_showsTheVerdict()
    {
        m_workspace->setManifest(
            test::pluginManifest("notes", "memory_creation", m_server->url("/hook")));
        QVERIFY(test::showActive(m_workspace.get())); // loads the first sample memory
        QCOMPARE(m_workspace->mode(), SimulateWorkspace::Mode::Memory);
        QTRY_VERIFY(m_workspace->memoryDraft()->isChecked());
        QVERIFY(m_workspace->memoryDraft()->result().ok());

        m_workspace->memoryPanel()->editor()->setFocus();
        QTest::keyClick(m_workspace->memoryPanel()->editor(), Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE(m_server->requestCount(), 1);
        QCOMPARE(test::uidOf(m_server->requests().first().target),
                 QStringLiteral("plugin-studio-test-uid"));
        RequestListModel *rows = m_workspace->requests();
        QTRY_COMPARE(rows->verdictText(0), QStringLiteral("notification"));
        QCOMPARE(rows->data(rows->index(0, RequestListModel::Status)).toInt(), 200);
        QTRY_VERIFY(m_workspace->resultsSummary().contains(QStringLiteral("1 notification")));
    }

    void invalidMemory_isLocatedAndNotSent()
    {
        m_workspace->setManifest(
            test::pluginManifest("notes", "memory_creation", m_server->url("/hook")));
        QVERIFY(test::showActive(m_workspace.get()));
        QTRY_VERIFY(m_workspace->memoryDraft()->isChecked());
        const QByteArray broken =
            "{\n  \"id\": 42,\n  \"created_at\": \"2024-08-14T09:30:00+00:00\"\n}\n";
        MemoryEditor *editor = m_workspace->memoryPanel()->editor();
        editor->setMemoryText(broken); // as the user's one undoable edit
        m_workspace->memoryDraft()->setText(broken);
        QListWidget *issues = m_workspace->memoryPanel()->issueList();
        QTRY_VERIFY(issues->count() >= 1);
        QVERIFY2(issues->item(0)->text().startsWith(QStringLiteral("2:")),
                 qPrintable(issues->item(0)->text()));
        const std::size_t value = std::size_t(broken.indexOf("42"));
        QCOMPARE(m_workspace->memoryPanel()->marks()->indicatorAt(value),
                 DiagnosticMarks::kErrorIndicator);

        m_workspace->sendMemory();
        QVERIFY(m_workspace->messageStrip()->isVisible());
        QVERIFY(m_workspace->messageStrip()->message().contains(QStringLiteral("not valid")));
        QCOMPARE(m_workspace->messageStrip()->level(), MessageStrip::Level::Error);
        QCOMPARE(m_workspace->requests()->rowCount(), 0);
        QCOMPARE(m_server->requestCount(), 0);

        editor->undo(); // the sample again
        QTRY_VERIFY(m_workspace->memoryDraft()->isChecked() &&
                    m_workspace->memoryDraft()->result().ok());
    }

    void fastTranscript_highlightFollowsTheRun()
    {
        m_workspace->setManifest(
            test::pluginManifest("live", "transcript_processed", m_server->url("/hook")));
        QCOMPARE(m_workspace->mode(), SimulateWorkspace::Mode::Transcript);
        const auto conversation = test::segments(9, 10);
        loadTranscript(conversation);
        TranscriptPanel *panel = m_workspace->transcriptPanel();
        panel->speedBox()->setCurrentIndex(panel->speedBox()->findData(0.0));
        const int expected = int(TranscriptBatcher::cut(conversation, {}).size());

        QList<int> highlighted;
        connect(m_controller.get(), &SimulationController::batchSent, this,
                [&] { highlighted << panel->segments()->highlightFirst(); });
        QSignalSpy finished(m_controller.get(), &SimulationController::runFinished);
        QTest::mouseClick(panel->playButton(), Qt::LeftButton);
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(m_server->requestCount(), expected);
        QCOMPARE(m_workspace->requests()->rowCount(), expected);
        // As fast as possible, the highlight follows at the views' pace, never backwards,
        // and ends on the last window.
        QCOMPARE(highlighted.size(), expected);
        QVERIFY(std::is_sorted(highlighted.begin(), highlighted.end()));
        QCOMPARE(panel->segments()->highlightFirst(),
                 TranscriptBatcher::cut(conversation, {}).last().firstSegment);
        QCOMPARE(panel->progressBar()->value(), expected);
        QVERIFY(panel->progressText().contains(QStringLiteral("%1 of %1").arg(expected)));
        for (int row = 0; row < expected; ++row)
            QCOMPARE(m_workspace->requests()->verdictText(row), QStringLiteral("notification"));
    }

    void stepThenSeekOnTheTimeline_skipsTheWindowsPassed()
    {
        m_workspace->setManifest(
            test::pluginManifest("live", "transcript_processed", m_server->url("/hook")));
        const auto conversation = test::segments(8, 30); // a window each, four minutes
        loadTranscript(conversation);
        TranscriptPanel *panel = m_workspace->transcriptPanel();
        QVERIFY(panel->stepButton()->isEnabled());

        QTest::mouseClick(panel->stepButton(), Qt::LeftButton);
        QTRY_COMPARE(m_server->requestCount(), 1);
        QCOMPARE(m_controller->run()->state(), SimulationRun::State::Paused);
        QCOMPARE(panel->segments()->highlightFirst(), 0);
        QTest::mouseClick(panel->stepButton(), Qt::LeftButton);
        QTRY_COMPARE(m_server->requestCount(), 2);
        QCOMPARE(panel->segments()->highlightFirst(), 1);

        // A click three quarters along the conversation.
        ConversationTimeline *timeline = panel->timeline();
        QVERIFY(timeline->isEnabled());
        const int x = timeline->xOf(timeline->length() * 0.75);
        QTest::mouseClick(timeline, Qt::LeftButton, {}, QPoint(x, timeline->height() / 2));
        int skipped = 0;
        for (int row = 0; row < m_workspace->requests()->rowCount(); ++row)
            skipped += m_workspace->requests()->verdictText(row) == u"skipped";
        QVERIFY(skipped >= 3);
        QCOMPARE(timeline->mark(2), ConversationTimeline::Mark::Skipped);

        // The rest a window at a time: each step sends exactly one.
        QSignalSpy finished(m_controller.get(), &SimulationController::runFinished);
        for (int sent = 3; sent <= 8 - skipped; ++sent) {
            QTest::mouseClick(panel->stepButton(), Qt::LeftButton);
            QTRY_COMPARE(m_server->requestCount(), sent);
        }
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(m_server->requestCount(), 8 - skipped);
    }

    void doubleClickOnASegment_seeksToItsWindow()
    {
        m_workspace->setManifest(
            test::pluginManifest("live", "transcript_processed", m_server->url("/hook")));
        loadTranscript(test::segments(6, 30)); // a window per segment
        m_workspace->step();
        QTRY_COMPARE(m_server->requestCount(), 1);
        QSignalSpy skipped(m_controller.get(), &SimulationController::batchSkipped);
        m_workspace->seekToSegment(4);
        QCOMPARE(skipped.count(), 3); // windows 1 to 3
        m_workspace->step();
        QTRY_COMPARE(m_server->requestCount(), 2);
        const auto segments = QJsonDocument::fromJson(m_server->requests().last().body)
                                  .object()
                                  .value(QStringLiteral("segments"))
                                  .toArray();
        QCOMPARE(segments.first().toObject().value(QStringLiteral("text")).toString(),
                 QStringLiteral("Sentence number 5 of the conversation."));
        m_workspace->stop();
    }

    void memoryFromATranscript_isMadeOffTheGuiThread()
    {
        QVERIFY(test::showActive(m_workspace.get()));
        m_workspace->generateMemoryFrom(
            QStringLiteral(STUDIO_SAMPLES_DIR "/transcripts/coffee-chat-3min.json"));
        QTRY_VERIFY(m_workspace->memoryDraft()->source().startsWith(QStringLiteral("generated")));
        QTRY_VERIFY(m_workspace->memoryDraft()->isChecked());
        QVERIFY(m_workspace->memoryDraft()->result().ok());
        QVERIFY(!m_workspace->memoryDraft()->result().memory.transcriptSegments.isEmpty());
        QCOMPARE(m_workspace->memoryPanel()->editor()->bytes(), m_workspace->memoryDraft()->text());
    }

    void escape_stopsTheRun()
    {
        m_workspace->setManifest(
            test::pluginManifest("live", "transcript_processed", m_server->url("/hook")));
        loadTranscript(test::segments(6, 30));
        TranscriptPanel *panel = m_workspace->transcriptPanel();
        QSignalSpy finished(m_controller.get(), &SimulationController::runFinished);
        m_workspace->play(); // real time: the first window closes in 30 s
        QVERIFY(panel->stopButton()->isEnabled());
        panel->segmentView()->setFocus();
        QTest::keyClick(panel->segmentView(), Qt::Key_Escape);
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(m_server->requestCount(), 0);
        QVERIFY(!panel->stopButton()->isEnabled());
        QCOMPARE(m_workspace->requests()->verdictText(0), QStringLiteral("skipped"));
    }

    void space_pausesAndResumes()
    {
        m_workspace->setManifest(
            test::pluginManifest("live", "transcript_processed", m_server->url("/hook")));
        loadTranscript(test::segments(6, 30));
        m_workspace->play();
        TranscriptPanel *panel = m_workspace->transcriptPanel();
        panel->segmentView()->setFocus();
        QTest::keyClick(panel->segmentView(), Qt::Key_Space);
        QCOMPARE(m_controller->run()->state(), SimulationRun::State::Paused);
        QCOMPARE(panel->playButton()->text(), QStringLiteral("Resume"));
        QTest::keyClick(panel->segmentView(), Qt::Key_Space);
        QCOMPARE(m_controller->run()->state(), SimulationRun::State::Running);
        m_workspace->stop();
    }

    void badTranscript_saysWhyInTheWorkspace()
    {
        QVERIFY(test::showActive(m_workspace.get()));
        QTemporaryDir folder;
        const QString path = folder.filePath(QStringLiteral("broken.srt"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("1\nthis is not a timestamp\nHello\n");
        file.close();
        m_workspace->loadTranscriptFile(path);
        QTRY_VERIFY(m_workspace->messageStrip()->isVisible());
        QVERIFY(m_workspace->messageStrip()->message().contains(QStringLiteral("broken.srt")));
        QCOMPARE(m_workspace->messageStrip()->level(), MessageStrip::Level::Error);
    }

    // Clock-stamped times would make a real-time replay wait decades: the strip offers the fix.
    void clockStampedTranscript_offersToStartAtZero()
    {
        QList<TranscriptSegment> conversation = test::segments(3, 30);
        for (TranscriptSegment &segment : conversation) {
            segment.start += 1732800000;
            segment.end += 1732800000;
        }
        loadTranscript(conversation);
        MessageStrip *strip = m_workspace->messageStrip();
        QTRY_VERIFY(strip->isVisible());
        QCOMPARE(strip->level(), MessageStrip::Level::Warning);
        QVERIFY2(strip->message().contains(u"starts at 1732800000 s, 54.9 years in"),
                 qPrintable(strip->message()));
        auto *action = strip->findChild<QToolButton *>(QStringLiteral("simulatorMessageAction"));
        QVERIFY(action && action->isVisible());
        QCOMPARE(action->text(), QStringLiteral("Start at 0 s"));

        QTest::mouseClick(action, Qt::LeftButton);
        const QList<TranscriptSegment> &shown =
            m_workspace->transcriptPanel()->segments()->segments();
        QCOMPARE(shown.size(), 3);
        QCOMPARE(shown.first().start, conversation.first().start - 1732800000);
        QCOMPARE(shown.last().end, conversation.last().end - 1732800000);
        QVERIFY(!strip->isVisible());
    }

    void unreachableUrl_saysSoInTheWorkspace()
    {
        const QString closed = m_server->url("/hook");
        m_server.reset();
        m_workspace->setManifest(test::pluginManifest("gone", "memory_creation", closed));
        QVERIFY(test::showActive(m_workspace.get()));
        QTRY_VERIFY(m_workspace->memoryDraft()->isChecked());
        m_workspace->sendMemory();
        QTRY_VERIFY(m_workspace->messageStrip()->message().contains(
            QStringLiteral("could not be reached")));
        QCOMPARE(m_workspace->requests()->verdictText(0), QStringLiteral("failed"));
    }

    void urlOverride_typedInThePanel_isUsedAndRemembered()
    {
        m_workspace->setManifest(test::pluginManifest("notes", "memory_creation",
                                                      QStringLiteral("https://n.invalid/h")));
        QVERIFY(test::showActive(m_workspace.get()));
        QLineEdit *url = m_workspace->targetPanel()->urlEdit();
        url->setFocus();
        QTest::keyClicks(url, m_server->url("/hook"));
        QTest::keyClick(url, Qt::Key_Tab); // editing finished
        QCOMPARE(m_controller->webhookUrl(), m_server->url("/hook"));
        QCOMPARE(StudioSettings().simulationUrlOverride(QStringLiteral("notes")),
                 m_server->url("/hook"));
        QTRY_VERIFY(m_workspace->memoryDraft()->isChecked());
        m_workspace->sendMemory();
        QTRY_COMPARE(m_server->requestCount(), 1);
    }

    void signingSecret_ofAnApp_signsAndIsKeptOnlyWhenAsked()
    {
        const QString secret = QStringLiteral("whsec_d29ya3NwYWNlLXRlc3Q");
        m_workspace->setManifest(
            test::pluginManifest("notes", "memory_creation", m_server->url("/hook")));
        QVERIFY(test::showActive(m_workspace.get()));
        TargetPanel *panel = m_workspace->targetPanel();
        QLineEdit *edit = panel->secretEdit();
        QCOMPARE(edit->echoMode(), QLineEdit::Password);
        QVERIFY(!edit->isEnabled()); // the 2024 app never signed
        m_workspace->setContract(Contract::apps2026());
        QVERIFY(edit->isEnabled());

        edit->setFocus();
        QTest::keyClicks(edit, secret);
        QTest::keyClick(edit, Qt::Key_Tab); // editing finished
        QCOMPARE(m_controller->target().signingSecret, secret);
        QVERIFY(StudioSettings().simulationSigningSecret(QStringLiteral("notes")).isEmpty());

        QTRY_VERIFY(m_workspace->memoryDraft()->isChecked());
        m_workspace->sendMemory();
        QTRY_COMPARE(m_server->requestCount(), 1);
        const HttpServerRequest received = m_server->requests().first();
        const QByteArray signature = received.header("X-Omi-Signature");
        const qint64 t = signature.mid(2, signature.indexOf(',') - 2).toLongLong();
        QCOMPARE(signature.mid(signature.indexOf(",v1=") + 4),
                 test::pythonHmacHex(secret, t, QStringLiteral("plugin-studio-test-uid"),
                                     received.body));
        QCOMPARE(received.header("X-Omi-Event"), QByteArray("memory_created"));

        panel->rememberSecretBox()->click();
        QCOMPARE(StudioSettings().simulationSigningSecret(QStringLiteral("notes")), secret);
        SimulationController later; // a new session of the studio
        later.setManifest(test::pluginManifest("notes", "memory_creation", m_server->url("/hook")));
        QCOMPARE(later.target().signingSecret, secret);
        QVERIFY(later.target().rememberSecret);
        panel->rememberSecretBox()->click();
        QVERIFY(StudioSettings().simulationSigningSecret(QStringLiteral("notes")).isEmpty());

        // A 2024 document: the field is off and no plan carries the secret.
        m_workspace->setContract(Contract::plugins2024());
        QVERIFY(!edit->isEnabled());
        QVERIFY(m_controller->memoryPlan(Memory{}).signingSecret.isEmpty());
    }

    void circuitOpen_requestsShowAsNotSent()
    {
        m_server->setRoute("/down", LoopbackServer::Behaviour::text(500, "down"));
        m_workspace->setManifest(
            test::pluginManifest("live", "transcript_processed", m_server->url("/down")));
        m_workspace->setContract(Contract::apps2026());
        QSignalSpy finished(m_controller.get(), &SimulationController::runFinished);
        // 40 one-second windows: five failures, 29 held back, the probe, 5 held back again.
        QVERIFY(m_controller->start(m_controller->transcriptPlan(
            test::segments(40, 1), BatchingOptions::window(1.0), ReplaySpeed::fast())));
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(m_server->requestCount(), 6);
        RequestListModel *rows = m_workspace->requests();
        QCOMPARE(rows->rowCount(), 40);
        QCOMPARE(rows->verdictText(4), QStringLiteral("ignored"));
        QCOMPARE(rows->verdictText(5), QStringLiteral("not sent"));
        QCOMPARE(rows->data(rows->index(5, RequestListModel::Status)).toString(),
                 QStringLiteral("not sent"));
        QVERIFY(rows->data(rows->index(5, RequestListModel::Reason))
                    .toString()
                    .startsWith(u"circuit open until 36 s"));
        QCOMPARE(rows->verdictText(34), QStringLiteral("ignored")); // the probe
        QCOMPARE(m_controller->progress().done(), 40);
        QTRY_VERIFY2(m_workspace->resultsSummary().contains(u"34 not sent"),
                     qPrintable(m_workspace->resultsSummary()));
    }

    void audioStream_showsTheRecordingThenEachChunk()
    {
        m_server->setRoute("/audio", LoopbackServer::Behaviour::text(200, "ok"));
        m_workspace->setManifest(
            test::pluginManifest("ears", "audio_bytes", m_server->url("/audio")));
        m_workspace->setContract(Contract::apps2026());
        QCOMPARE(m_workspace->mode(), SimulateWorkspace::Mode::Audio);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("six.wav"));
        test::writeFile(path, test::monoWav(8000, 6));
        m_workspace->loadAudioFile(path);
        AudioPanel *panel = m_workspace->audioPanel();
        QTRY_VERIFY(panel->sendButton()->isEnabled());
        QCOMPARE(panel->factsText(), QStringLiteral("mono 8000 Hz 16-bit PCM, 6.00 s: 2 chunks of "
                                                    "64000 bytes (4 s), the last 32000 bytes"));

        QSignalSpy finished(m_controller.get(), &SimulationController::runFinished);
        panel->sendButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 15000); // real time: 6 s of audio
        QCOMPARE(m_server->requestCount(), 2);
        QCOMPARE(m_server->requests().first().target.left(24), QByteArray("/audio?sample_rate=8000&"));
        RequestListModel *rows = m_workspace->requests();
        QCOMPARE(rows->rowCount(), 2);
        QCOMPARE(rows->data(rows->index(1, RequestListModel::Label)).toString(),
                 QStringLiteral("chunk 2 (4-6 s, 32000 bytes)"));
        QCOMPARE(rows->data(rows->index(1, RequestListModel::Status)).toInt(), 200);
        QCOMPARE(rows->verdictText(1), QStringLiteral("silent"));

        // Resending a chunk sends its bytes alone, at once.
        const RunRecord second = m_controller->run()->records().at(1);
        QVERIFY(m_controller->resend(second));
        QTRY_COMPARE(finished.count(), 2);
        QCOMPARE(m_server->requestCount(), 3);
        QCOMPARE(m_server->requests().last().body, second.result.request.body);
    }

    void audioStream_isRefusedForA2024Plugin()
    {
        m_workspace->setManifest(
            test::pluginManifest("ears", "audio_bytes", m_server->url("/audio")));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("one.wav"));
        test::writeFile(path, test::monoWav(8000, 1));
        m_workspace->loadAudioFile(path);
        QTRY_VERIFY(m_workspace->audioPanel()->sendButton()->isEnabled());
        QSignalSpy refused(m_controller.get(), &SimulationController::refused);
        m_workspace->sendAudio();
        QCOMPARE(refused.count(), 1);
        QVERIFY(refused.first().first().toString().contains(u"The 2024 app had no audio trigger"));
        QCOMPARE(m_server->requestCount(), 0);
    }

    void maxTime_setInThePanel_endsAnAnswerThatNeverEnds()
    {
        m_server->setRoute("/processing", LoopbackServer::Behaviour::endlessInterim(100));
        m_workspace->setManifest(
            test::pluginManifest("notes", "memory_creation", m_server->url("/processing")));
        QVERIFY(test::showActive(m_workspace.get()));
        m_workspace->targetPanel()->maxTimeBox()->setValue(1);
        QCOMPARE(m_controller->target().maxTimeMs, 1000);
        QCOMPARE(StudioSettings().simulationMaxTimeMs(), 1000);
        QTRY_VERIFY(m_workspace->memoryDraft()->isChecked());
        m_workspace->sendMemory();
        QTRY_VERIFY_WITH_TIMEOUT(m_workspace->messageStrip()->message().contains(QStringLiteral(
                                     "The plugin never finished its answer: no complete answer")),
                                 10'000);
        QVERIFY2(m_workspace->messageStrip()->message().contains(u"102 Processing"),
                 qPrintable(m_workspace->messageStrip()->message()));
        QCOMPARE(m_workspace->requests()->verdictText(0), QStringLiteral("failed"));
    }

    void checkSetup_showsTheVerdictAndLinksWithTheUid_data()
    {
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<QString>("verdict");
        QTest::newRow("not completed")
            << QByteArray(R"({"is_setup_completed": false})") << QStringLiteral("not completed");
        QTest::newRow("completed")
            << QByteArray(R"({"is_setup_completed": true})") << QStringLiteral("Setup completed");
    }

    void checkSetup_showsTheVerdictAndLinksWithTheUid()
    {
        QFETCH(QByteArray, answer);
        QFETCH(QString, verdict);
        m_server->setRoute("/setup", LoopbackServer::Behaviour::json(200, answer));
        m_workspace->setManifest(test::pluginManifest(
            "notes", "memory_creation", m_server->url("/hook"), m_server->url("/setup")));
        QVERIFY(test::showActive(m_workspace.get()));
        SetupCheckPanel *panel = m_workspace->setupPanel();
        QVERIFY(panel->checkButton()->isEnabled());
        QTest::mouseClick(panel->checkButton(), Qt::LeftButton);
        QTRY_VERIFY2(panel->verdictText().contains(verdict), qPrintable(panel->verdictText()));
        QCOMPARE(m_workspace->mode(), SimulateWorkspace::Mode::Setup);
        QVERIFY(panel->linksText().contains(
            QStringLiteral("https://plugin.example/connect?uid=plugin-studio-test-uid")));

        LinkCatcher catcher;
        QDesktopServices::setUrlHandler(QStringLiteral("https"), &catcher, "open");
        QSignalSpy opened(m_workspace.get(), &SimulateWorkspace::linkOpened);
        emit panel->linkActivated(QStringLiteral("https://plugin.example/connect?uid=x"));
        QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
        QCOMPARE(opened.count(), 1);
        QCOMPARE(catcher.opened.size(), 1);
    }

    void noSetupUrl_disablesTheCheck()
    {
        m_workspace->setManifest(
            test::pluginManifest("live", "transcript_processed", m_server->url("/hook")));
        QVERIFY(!m_workspace->setupPanel()->checkButton()->isEnabled());
    }

private:
    void loadTranscript(const QList<TranscriptSegment> &conversation)
    {
        QVERIFY(test::showActive(m_workspace.get()));
        const QString path = m_folder.filePath(QStringLiteral("conversation.json"));
        QVERIFY(test::writeTranscript(path, conversation));
        m_workspace->loadTranscriptFile(path);
        TranscriptPanel *panel = m_workspace->transcriptPanel();
        QTRY_COMPARE(panel->transcriptPath(), path);
        QCOMPARE(panel->segments()->rowCount(), conversation.size());
    }

    QTemporaryDir m_folder;
    std::unique_ptr<test::IsolatedHome> m_home;
    std::unique_ptr<LoopbackServer> m_server;
    std::unique_ptr<ActionRegistry> m_actions;
    std::unique_ptr<SimulationController> m_controller;
    std::unique_ptr<SimulateWorkspace> m_workspace;
};

QTEST_MAIN(SimulateWorkspaceTest)
#include "tst_simulateworkspace.moc"
