// Not a test: the Simulate tab of the real studio window in each state worth looking at,
// grabbed to PNG files, against a loopback plugin that answers like a real one.
//
//   simulate_screens REPOSITORY OUTDIR light|dark WIDTHxHEIGHT
//
// REPOSITORY is a copy of samples/repo the scenes may change. Writes
// OUTDIR/simulate-<scene>-<size>-<theme>.png.
#include "LoopbackServer.h"
#include "document/DocumentSession.h"
#include "document/ManifestDocument.h"
#include "edit/JsonEdit.h"
#include "servers/BuiltInServer.h"
#include "settings/StudioSettings.h"
#include "shell/MainWindow.h"
#include "audio/AudioFile.h"
#include "simulator/AudioPanel.h"
#include "simulator/MemoryDraft.h"
#include "simulator/MemoryEditor.h"
#include "simulator/MemoryPanel.h"
#include "simulator/SegmentTableModel.h"
#include "simulator/SimulateWorkspace.h"
#include "simulator/SimulationController.h"
#include "simulator/TranscriptPanel.h"

#include "simulator/MessageStrip.h"

#include <QApplication>
#include <QAtomicInt>
#include <QComboBox>
#include <QDir>
#include <QTabWidget>
#include <QFile>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

#include <iostream>

using namespace studio;
using test::LoopbackServer;

namespace {

QString g_out;
QString g_suffix;

void grab(QWidget &window, const char *scene)
{
    QTest::qWait(400); // painting and the timers' last ticks
    const QString path = QDir(g_out).filePath(
        QStringLiteral("simulate-%1-%2.png").arg(QString::fromLatin1(scene), g_suffix));
    window.grab().save(path);
    std::cout << path.toStdString() << std::endl;
}

// A plugin that answers most windows with a notification and some with nothing to say.
LoopbackServer::Behaviour answer(const LoopbackServer::ReceivedRequest &request)
{
    static QAtomicInt count;
    const int n = count.fetchAndAddRelaxed(1);
    if (request.body.contains("\"session_id\"") && n % 3 == 1)
        return LoopbackServer::Behaviour::json(200, R"({})");
    if (request.body.contains("\"session_id\"") && n % 3 == 2)
        return LoopbackServer::Behaviour::json(200, R"({"message": "ok"})");
    return LoopbackServer::Behaviour::json(
        200, R"({"message": "Noted: 3 action items saved to your workspace."})");
}

// Waits for the scene to be ready; says so when it never is, and grabs it anyway.
template <typename Condition> void waitFor(Condition condition, const char *what)
{
    if (!QTest::qWaitFor(condition, 10000))
        std::cerr << "simulate_screens: timed out waiting for " << what << '\n';
}

void target(SimulateWorkspace *workspace, const QString &url)
{
    SimulationTarget target = workspace->controller()->target();
    target.urlOverride = url;
    workspace->controller()->setTarget(target);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Plugin Studio"));
    QApplication::setOrganizationName(QStringLiteral("Plugin Studio"));
    if (argc != 5) {
        std::cerr << "usage: simulate_screens REPOSITORY OUTDIR light|dark WIDTHxHEIGHT\n";
        return 2;
    }
    const QString repository = QString::fromLocal8Bit(argv[1]);
    g_out = QString::fromLocal8Bit(argv[2]);
    const QString theme = QString::fromLocal8Bit(argv[3]);
    const QString size = QString::fromLocal8Bit(argv[4]);
    g_suffix = size + u'-' + theme;
    const QStringList wh = size.split(u'x');
    StudioSettings().setTheme(StudioSettings::themeFromName(theme));

    LoopbackServer server;
    server.setRoute("/hook", answer);
    server.setRoute("/setup",
                    LoopbackServer::Behaviour::json(200, R"({"is_setup_completed": false})"));

    MainWindow window;
    SimulateWorkspace *workspace = window.simulate();
    window.resize(wh.value(0).toInt(), wh.value(1).toInt());
    window.show();
    window.builtInServer()->start(); // as when the studio opens
    DocumentSession *session = window.session();
    if (!session->openRepository(repository, QStringLiteral("meeting-notes")).isEmpty())
        return 2;
    window.tabs()->setCurrentWidget(workspace);
    target(workspace, server.url("/hook"));

    // A memory sent, its answer judged.
    waitFor([&] { return workspace->memoryDraft()->isChecked(); }, "the sample memory");
    workspace->sendMemory();
    waitFor([&] { return !workspace->controller()->isActive(); }, "the answer");
    grab(window, "memory");

    // A memory with a mistake: underlined, listed at line:column, not sent.
    QByteArray text = workspace->memoryDraft()->text();
    text.replace("\"language\": \"en\"", "\"language\": 7");
    workspace->memoryDraft()->replaceText(text, workspace->memoryDraft()->source());
    waitFor([&] { return workspace->memoryDraft()->isChecked(); }, "the check");
    workspace->sendMemory();
    grab(window, "memory-error");

    // The setup check refused, with the auth step's link as the app opens it.
    session->document()->edit(QStringLiteral("Set URL"),
                              {JsonEdit::set("/external_integration/setup_completed_url",
                                             server.url("/setup").toStdString())});
    workspace->checkSetup();
    QTest::qWait(600);
    grab(window, "setup");
    session->document()->markSaved();

    // A transcript stream stepped a few windows in, paused, the window going out highlighted.
    session->openRepository(repository, QStringLiteral("live-fact-checker"));
    target(workspace, server.url("/hook"));
    workspace->loadTranscriptFile(
        QStringLiteral(STUDIO_SAMPLES_DIR "/transcripts/team-meeting-30min.json"));
    TranscriptPanel *panel = workspace->transcriptPanel();
    waitFor([&] { return panel->segments()->rowCount() > 0; }, "the transcript");
    for (int i = 0; i < 14; ++i) {
        workspace->step();
        QTest::qWait(60);
    }
    workspace->seek(workspace->controller()->progress().conversationSeconds + 240);
    for (int i = 0; i < 4; ++i) {
        workspace->step();
        QTest::qWait(60);
    }
    grab(window, "transcript");
    workspace->stop();

    // A transcript stamped with clock times: the strip warns and offers to start at 0 s.
    QTemporaryDir stamped;
    const QString stampedPath = stamped.filePath(QStringLiteral("stamped.json"));
    QFile file(stampedPath);
    if (!file.open(QIODevice::WriteOnly))
        return 2;
    file.write(R"([{"text": "Morning, everyone.", "speaker": "SPEAKER_00", "is_user": true,
  "start": 1732800000, "end": 1732800004}])");
    file.close();
    workspace->loadTranscriptFile(stampedPath);
    waitFor([&] { return workspace->messageStrip()->isVisible(); }, "the clock-time warning");
    grab(window, "transcript-clock-times");

    // An audio_bytes stream at 8x against a slow app: the recording, then each chunk sent or
    // dropped (latest wins).
    server.setRoute("/audio", LoopbackServer::Behaviour::text(200, "ok").afterDelay(1500));
    workspace->setContract(Contract::apps2026());
    target(workspace, server.url("/audio"));
    const QString hello = QStringLiteral(STUDIO_SAMPLES_DIR "/audio/hello-16k.wav");
    workspace->loadAudioFile(hello);
    workspace->setMode(SimulateWorkspace::Mode::Audio);
    waitFor([&] { return workspace->audioPanel()->sendButton()->isEnabled(); }, "the recording");
    SimulationPlan audio =
        workspace->controller()->audioPlan(*AudioFile::load(hello, std::nullopt).audio, hello);
    audio.speed = ReplaySpeed::times(8);
    workspace->controller()->start(audio);
    waitFor([&] { return !workspace->controller()->isActive(); }, "the audio stream");
    workspace->resultsHost()->setCurrentIndex(1); // the schedule: sent and dropped
    grab(window, "audio");
    return 0;
}
