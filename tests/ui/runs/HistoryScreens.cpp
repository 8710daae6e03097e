// Not a test: the History page of the real studio window with real runs in it, grabbed to
// PNG files. Runs go to a loopback plugin, the history to a temporary data folder.
//
//   history_screens OUTDIR light|dark WIDTHxHEIGHT
//
// Writes OUTDIR/history-<size>-<theme>.png and history-error-<size>-<theme>.png.
#include "LoopbackServer.h"
#include "UiTestSupport.h"
#include "document/DocumentSession.h"
#include "history/HistoryLocation.h"
#include "runs/RunListModel.h"
#include "runs/RunRecorder.h"
#include "runs/RunsPanel.h"
#include "runview/RunView.h"
#include "servers/BuiltInServer.h"
#include "settings/StudioSettings.h"
#include "shell/MainWindow.h"
#include "simulator/MemoryDraft.h"
#include "simulator/SimulateWorkspace.h"
#include "simulator/SimulationController.h"
#include "simulator/TranscriptPanel.h"

#include <QApplication>
#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <iostream>

using namespace studio;
using test::LoopbackServer;

namespace {

LoopbackServer::Behaviour answer(const LoopbackServer::ReceivedRequest &request)
{
    static QAtomicInt count;
    const int n = count.fetchAndAddRelaxed(1);
    if (request.body.contains("\"session_id\"") && n % 3 == 1)
        return LoopbackServer::Behaviour::json(200, R"({})");
    if (n % 7 == 5)
        return LoopbackServer::Behaviour::json(500, R"({"error": "busy"})");
    return LoopbackServer::Behaviour::json(
        200, R"({"message": "Noted: 3 action items saved to your workspace."})");
}

template <typename Condition> void waitFor(Condition condition, const char *what)
{
    if (!QTest::qWaitFor(condition, 15000))
        std::cerr << "history_screens: timed out waiting for " << what << '\n';
}

void target(SimulateWorkspace *workspace, const QString &url)
{
    SimulationTarget target = workspace->controller()->target();
    target.urlOverride = url;
    workspace->controller()->setTarget(target);
}

void grab(QWidget &window, const QString &path)
{
    QTest::qWait(500); // painting, the chart's and the views' batch timers
    window.grab().save(path);
    std::cout << path.toStdString() << std::endl;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Plugin Studio"));
    QApplication::setOrganizationName(QStringLiteral("Plugin Studio"));
    if (argc != 4) {
        std::cerr << "usage: history_screens OUTDIR light|dark WIDTHxHEIGHT\n";
        return 2;
    }
    const QString out = QString::fromLocal8Bit(argv[1]);
    const QString theme = QString::fromLocal8Bit(argv[2]);
    const QString size = QString::fromLocal8Bit(argv[3]);
    const QStringList wh = size.split(u'x');
    test::IsolatedHome home;
    QTemporaryDir data;
    qputenv(HistoryLocation::kDataDirVariable, data.path().toUtf8());
    StudioSettings().setTheme(StudioSettings::themeFromName(theme));
    const QString repository = test::copySampleRepository(home.path() + QStringLiteral("/repo"));

    LoopbackServer server;
    server.setRoute("/hook", answer);

    MainWindow window;
    SimulateWorkspace *workspace = window.simulate();
    auto *recorder = window.findChild<RunRecorder *>(QStringLiteral("runRecorder"));
    auto *panel = workspace->findChild<RunsPanel *>();
    window.resize(wh.value(0).toInt(), wh.value(1).toInt());
    window.show();
    window.builtInServer()->start(); // as when the studio opens
    DocumentSession *session = window.session();
    window.tabs()->setCurrentWidget(workspace);
    QSignalSpy recorded(recorder, &RunRecorder::recorded);

    // A few memories of one plugin, then a transcript stream of another.
    session->openRepository(repository, QStringLiteral("meeting-notes"));
    target(workspace, server.url("/hook"));
    waitFor([&] { return workspace->memoryDraft()->isChecked(); }, "the sample memory");
    for (int i = 1; i <= 3; ++i) {
        workspace->sendMemory();
        waitFor([&] { return recorded.count() == i; }, "a memory run");
    }
    session->openRepository(repository, QStringLiteral("live-fact-checker"));
    target(workspace, server.url("/hook"));
    workspace->loadTranscriptFile(
        QStringLiteral(STUDIO_SAMPLES_DIR "/transcripts/coffee-chat-3min.json"));
    waitFor([&] { return !workspace->transcriptPanel()->transcriptPath().isEmpty(); },
            "the transcript");
    workspace->transcriptPanel()->setSpeed(ReplaySpeed::fast());
    workspace->play();
    waitFor([&] { return recorded.count() == 4; }, "the transcript run");

    // The History page, the transcript run open on a request that got an answer.
    workspace->showPage(panel);
    waitFor([&] { return panel->model()->rowCount() == 4 && panel->currentRun().has_value(); },
            "the listing");
    panel->table()->selectRow(0);
    waitFor([&] { return panel->currentRun() && panel->currentRun()->id == 4; }, "run 4");
    panel->runView()->flushPending();
    panel->runView()->selectRecord(1);
    QTest::qWait(300);
    const QString suffix = size + u'-' + theme;
    grab(window, QDir(out).filePath(QStringLiteral("history-%1.png").arg(suffix)));

    // A history that cannot be read: where and why, and the simulator goes on.
    QFile::remove(HistoryLocation::defaultPath());
    QFile garbage(HistoryLocation::defaultPath());
    if (garbage.open(QIODevice::WriteOnly))
        garbage.write(QByteArray(4096, '\x5a'));
    garbage.close();
    panel->refresh();
    waitFor([&] { return panel->isEmptyShown(); }, "the error");
    grab(window, QDir(out).filePath(QStringLiteral("history-error-%1.png").arg(suffix)));
    return 0;
}
