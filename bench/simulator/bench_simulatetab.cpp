// How long the whole Simulate tab keeps the event loop from turning during a run: the real
// window (offscreen, 1280x800) on the sample repository, a 1000-segment transcript replayed
// one call per segment as fast as possible against a local server, with everything a run
// updates at once: the schedule, the transcript's highlight and scrolling, the progress, the
// timeline, the latency chart, the request list and the phone preview. A 1 ms precise
// timer notes the longest gap between its ticks. Target: under 50 ms.
//
//   bench_simulatetab [SEGMENTS]
#include "LoopbackServer.h"
#include "StallMeter.h"
#include "TestFiles.h"
#include "UiTestSupport.h"
#include "document/DocumentSession.h"
#include "runview/RunView.h"
#include "shell/MainWindow.h"
#include "simulator/MessageStrip.h"
#include "simulator/SegmentTableModel.h"
#include "simulator/SimulateWorkspace.h"
#include "simulator/SimulationController.h"
#include "simulator/TranscriptPanel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cstdio>

using namespace studio;

namespace {

QByteArray transcriptJson(int segments)
{
    QJsonArray list;
    for (int i = 0; i < segments; ++i) {
        list.append(QJsonObject{
            {QStringLiteral("text"), QStringLiteral("Segment %1 of the long meeting.").arg(i)},
            {QStringLiteral("speaker"), QStringLiteral("SPEAKER_0%1").arg(i % 3)},
            {QStringLiteral("speaker_id"), i % 3},
            {QStringLiteral("is_user"), i % 3 == 0},
            {QStringLiteral("person_id"), QJsonValue::Null},
            {QStringLiteral("start"), i * 2.0},
            {QStringLiteral("end"), i * 2.0 + 1.5}});
    }
    return QJsonDocument(list).toJson();
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    const int segments = argc > 1 ? std::max(1, QString::fromLocal8Bit(argv[1]).toInt()) : 1000;

    test::LoopbackServer server;
    server.setRoute("/hook", test::LoopbackServer::Behaviour::json(
                                 200, R"({"message": "A claim to check was heard."})"));
    QTemporaryDir folder;
    test::copySampleRepository(folder.filePath(QStringLiteral("repo")));
    const QString transcript = folder.filePath(QStringLiteral("long.json"));
    test::writeFile(transcript, transcriptJson(segments));

    MainWindow window;
    window.resize(1280, 800);
    window.show();
    if (!window.session()->openRepository(folder.filePath(QStringLiteral("repo"))).isEmpty() ||
        !window.session()->openEntry(2).isEmpty()) { // live-fact-checker: transcript_processed
        std::fprintf(stderr, "cannot open the sample repository\n");
        return 1;
    }
    SimulateWorkspace *workspace = window.simulate();
    window.tabs()->setCurrentWidget(workspace);
    SimulationTarget target = workspace->controller()->target();
    target.urlOverride = server.url("/hook");
    workspace->controller()->setTarget(target);
    QTest::qWait(500); // the tab loads its sample fixtures when first shown
    workspace->loadTranscriptFile(transcript);
    if (!QTest::qWaitFor(
            [&] { return workspace->transcriptPanel()->segments()->rowCount() == segments; },
            20000)) {
        std::fprintf(stderr, "the transcript did not load (%d segments): %s\n",
                     int(workspace->transcriptPanel()->segments()->rowCount()),
                     qPrintable(workspace->messageStrip()->message()));
        return 1;
    }
    workspace->transcriptPanel()->setBatching(BatchingOptions::perSegment());
    workspace->transcriptPanel()->setSpeed(ReplaySpeed::fast());
    QTest::qWait(200); // let the window settle before measuring

    test::StallMeter stalls;

    // A real event loop, as the studio's: QTest::qWaitFor sleeps 10 ms between its looks.
    bool finished = false;
    QEventLoop loop;
    QObject::connect(workspace->controller(), &SimulationController::runFinished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(300000, &loop, &QEventLoop::quit);
    stalls.start();
    workspace->play();
    loop.exec();
    workspace->runView()->flushPending();
    QCoreApplication::processEvents();
    stalls.stop();

    const int shown = workspace->runView()->recordCount();
    std::printf("simulate tab  %d segments, one call each, as fast as possible\n", segments);
    std::printf("longest stall %8.1f ms   (%d requests answered and shown in %.0f ms)  %s\n",
                stalls.longestMs(), shown, stalls.elapsedMs(),
                stalls.longestMs() < 50 ? "ok" : "OVER the 50 ms target");
    return finished && shown == segments ? 0 : 1;
}
