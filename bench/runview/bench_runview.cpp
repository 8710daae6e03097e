// How long the run view keeps the event loop from turning, the measure of a frozen window:
// a 1 ms precise timer notes the longest gap between its ticks while
//
//   live        a real 1000-batch transcript run, as fast as possible, against a local
//               server; every record goes to RunView::addRecord as it completes
//   burst       1000 records handed to addRecord one per event-loop turn, with nothing
//               else to do: the fastest a run could ever deliver them
//   history     setRecords with the same 1000 records at once, as when a run is opened
//   json-10mb   the inspector opens a record whose response is 10 MB of JSON on one line,
//               until the whole body is indented and in the editor
//   text-10mb   the same with 10 MB of plain text
//
// The target is a longest stall under 50 ms. The window is shown (offscreen by default)
// at 1280x800 so painting counts.
//
//   bench_runview [--records N] [--only NAME]
#include "runview/BodyView.h"
#include "LoopbackServer.h"
#include "runview/RequestInspector.h"
#include "runview/RunView.h"
#include "http/HttpClient.h"
#include "simulation/engine/SimulationRun.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSignalSpy>
#include <QTimer>

#include <cstdio>
#include <functional>

using namespace studio;
using namespace studio::test;

namespace {

// Notes the longest gap between the ticks of a 1 ms timer.
class StallWatchdog
{
public:
    StallWatchdog()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            m_longestNs = std::max(m_longestNs, now - m_lastNs);
            m_lastNs = now;
        });
    }
    void start()
    {
        m_longestNs = 0;
        m_clock.start();
        m_lastNs = 0;
        m_timer.start();
    }
    double stop()
    {
        m_timer.stop();
        const qint64 now = m_clock.nsecsElapsed();
        m_longestNs = std::max(m_longestNs, now - m_lastNs);
        return double(m_longestNs) / 1e6;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    qint64 m_longestNs = 0;
};

PluginUnderTest benchPlugin(AppTrigger trigger, const QString &url)
{
    PluginUnderTest plugin;
    plugin.id = QStringLiteral("bench");
    plugin.name = QStringLiteral("Bench");
    plugin.capabilities = {QStringLiteral("external_integration")};
    plugin.triggersOn = PluginUnderTest::triggerName(trigger);
    plugin.webhookUrl = url;
    return plugin;
}

QList<TranscriptSegment> oneSegmentPerWindow(int windows)
{
    QList<TranscriptSegment> segments;
    for (int i = 0; i < windows; ++i) {
        TranscriptSegment segment;
        segment.text = QStringLiteral("segment %1").arg(i);
        segment.start = i * 30.0 + 10;
        segment.end = i * 30.0 + 12;
        segments.append(segment);
    }
    return segments;
}

void runUntil(SimulationRun &run)
{
    QEventLoop loop;
    QObject::connect(&run, &SimulationRun::finished, &loop, &QEventLoop::quit);
    run.start();
    if (run.state() != SimulationRun::State::Finished)
        loop.exec();
}

void report(const char *name, double stallMs, double wallMs, const char *what)
{
    std::printf("%-10s longest stall %7.1f ms   (%s in %.0f ms)  %s\n", name, stallMs, what, wallMs,
                stallMs < 50 ? "ok" : "OVER 50 ms");
}

// Waits `ms` with the event loop turning, so each scenario starts from a quiet window.
void settle(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

QByteArray bigJson()
{
    QByteArray json = R"({"message": "a big answer", "items": [)";
    for (int i = 0; json.size() < 10'000'000; ++i)
        json += (i > 0 ? "," : "") + QByteArray(R"({"n": )") + QByteArray::number(i) +
                R"(, "text": "the quick brown fox jumps over the lazy dog"})";
    return json + "]}";
}

QByteArray bigText()
{
    QByteArray text;
    for (int i = 0; text.size() < 10'000'000; ++i)
        text += "line " + QByteArray::number(i) + ": a stack trace or a log, not JSON\n";
    return text;
}

RunRecord exchange(LoopbackServer &server, const QByteArray &path, const QByteArray &body,
                   bool json)
{
    server.setRoute(path, json ? LoopbackServer::Behaviour::json(200, body)
                               : LoopbackServer::Behaviour::text(200, body));
    Memory memory;
    memory.id = QStringLiteral("bench-memory");
    memory.structured.title = QStringLiteral("Bench");
    HttpClient client;
    SimulationRun run(SimulationPlan::forMemory(
                          benchPlugin(AppTrigger::MemoryCreation, server.url(path)), memory),
                      &client);
    runUntil(run);
    return run.records().value(0);
}

void openBody(RunView &view, const RunRecord &record, const char *name)
{
    BodyView *body = view.inspector()->responseBody();
    QSignalSpy loaded(body, &BodyView::loaded);
    view.setRecords({record});
    settle(100);
    StallWatchdog watchdog;
    watchdog.start();
    QElapsedTimer wall;
    wall.start();
    QEventLoop loop;
    // Select from inside the loop, so the stall of the selection itself is measured.
    QTimer::singleShot(5, &view, [&view] { view.selectRecord(0); });
    QObject::connect(body, &BodyView::loaded, &loop, &QEventLoop::quit);
    loop.exec();
    const double wallMs = double(wall.nsecsElapsed()) / 1e6;
    const double stall = watchdog.stop();
    char what[96];
    std::snprintf(what, sizeof what, "%.1f MB shown whole, %s",
                  double(record.result.body.size()) / 1e6, body->isJson() ? "indented" : "as sent");
    report(name, stall, wallMs, what);
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    int count = 1000;
    QString only;
    const QStringList arguments = app.arguments();
    for (qsizetype i = 1; i + 1 < arguments.size(); ++i) {
        if (arguments[i] == u"--records")
            count = arguments[i + 1].toInt();
        else if (arguments[i] == u"--only")
            only = arguments[i + 1];
    }
    const auto wanted = [&only](const char *name) {
        return only.isEmpty() || only == QLatin1String(name);
    };

    LoopbackServer server;
    server.setRoute("/hook", LoopbackServer::Behaviour::json(
                                 200, R"({"message": "Remember the slides for Friday."})"));
    RunView view;
    view.resize(1280, 800);
    view.setPlugin(QStringLiteral("Bench"), {});
    view.show();
    settle(200);

    // live
    QList<RunRecord> records;
    {
        view.setConversationLength(count * 30.0);
        HttpClient client;
        SimulationRun run(SimulationPlan::forTranscript(
                              benchPlugin(AppTrigger::TranscriptProcessed, server.url("/hook")),
                              oneSegmentPerWindow(count), {}, ReplaySpeed::fast()),
                          &client);
        QObject::connect(&run, &SimulationRun::recordCompleted, &view, &RunView::addRecord);
        StallWatchdog watchdog;
        QElapsedTimer wall;
        watchdog.start();
        wall.start();
        runUntil(run);
        settle(RunView::kBatchMs * 2);
        const double stall = watchdog.stop();
        char what[64];
        std::snprintf(what, sizeof what, "%d requests sent and shown", view.recordCount());
        if (wanted("live"))
            report("live", stall, double(wall.nsecsElapsed()) / 1e6, what);
        records = run.records();
    }

    // burst
    if (wanted("burst")) {
        view.clear();
        settle(100);
        StallWatchdog watchdog;
        QElapsedTimer wall;
        int next = 0;
        QTimer feeder;
        feeder.setInterval(0);
        QEventLoop loop;
        QObject::connect(&feeder, &QTimer::timeout, [&] {
            if (next < records.size()) {
                view.addRecord(records[next++]);
            } else {
                feeder.stop();
                QTimer::singleShot(RunView::kBatchMs * 2, &loop, &QEventLoop::quit);
            }
        });
        watchdog.start();
        wall.start();
        feeder.start();
        loop.exec();
        const double stall = watchdog.stop();
        char what[64];
        std::snprintf(what, sizeof what, "%d records added", view.recordCount());
        report("burst", stall, double(wall.nsecsElapsed()) / 1e6, what);
    }

    // history
    if (wanted("history")) {
        view.clear();
        settle(100);
        StallWatchdog watchdog;
        QElapsedTimer wall;
        QEventLoop loop;
        watchdog.start();
        wall.start();
        QTimer::singleShot(5, &view, [&] {
            view.setRecords(records);
            QTimer::singleShot(50, &loop, &QEventLoop::quit);
        });
        loop.exec();
        const double stall = watchdog.stop();
        char what[64];
        std::snprintf(what, sizeof what, "%d records set at once", view.recordCount());
        report("history", stall, double(wall.nsecsElapsed()) / 1e6, what);
    }

    if (wanted("json-10mb"))
        openBody(view, exchange(server, "/json", bigJson(), true), "json-10mb");
    if (wanted("text-10mb"))
        openBody(view, exchange(server, "/text", bigText(), false), "text-10mb");
    return 0;
}
