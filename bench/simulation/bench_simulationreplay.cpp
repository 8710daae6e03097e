// Replays the sample eight-hour day (samples/transcripts/full-day-8h.json) against a local
// server, as `plugin-studio simulate transcript` does:
//
//   bench_simulationreplay [--hours H] [--speed FACTOR]     (defaults: the whole day, 100)
//
//   fast       --fast with the app's 30 s windows, then one call per segment: batches per
//              second, each sent once the previous one is answered
//   scheduled  30 s windows at FACTOR times real time (100: the day takes 4.8 minutes):
//              scheduling error per batch (sent - due on the run clock, in ms), p50/p99/max.
//              The target is p99 under 2 ms.
#include "LoopbackServer.h"
#include "http/HttpClient.h"
#include "simulation/engine/SimulationRun.h"
#include "transcript/TranscriptLoader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

using namespace studio;
using namespace studio::test;

namespace {

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * double(values.size())));
    return values[std::clamp<std::size_t>(rank, 1, values.size()) - 1];
}

PluginUnderTest benchPlugin(const QString &url)
{
    PluginUnderTest plugin;
    plugin.id = QStringLiteral("bench");
    plugin.name = QStringLiteral("Bench");
    plugin.capabilities = {QStringLiteral("external_integration")};
    plugin.triggersOn = QStringLiteral("transcript_processed");
    plugin.webhookUrl = url;
    return plugin;
}

struct Replay
{
    int batches = 0;
    int failures = 0;
    double wallMs = 0;
    std::vector<double> schedulingErrorsMs; // by batch index
};

Replay replay(const SimulationPlan &plan)
{
    HttpClient client;
    SimulationRun run(plan, &client);
    Replay result;
    QObject::connect(&run, &SimulationRun::batchSent,
                     [&result](int, double scheduledMs, double sentMs) {
                         result.schedulingErrorsMs.push_back(sentMs - scheduledMs);
                     });
    QEventLoop loop;
    QObject::connect(&run, &SimulationRun::finished, &loop, &QEventLoop::quit);
    QElapsedTimer wall;
    wall.start();
    run.start();
    if (run.state() != SimulationRun::State::Finished)
        loop.exec();
    result.wallMs = double(wall.nsecsElapsed()) / 1e6;
    result.batches = int(run.records().size());
    for (const RunRecord &record : run.records())
        result.failures += record.requestFailed() ? 1 : 0;
    return result;
}

void printFast(const char *name, const Replay &result)
{
    std::printf("fast %-12s %5d batches in %8.1f ms: %8.0f batches/s (%d failed)\n", name,
                result.batches, result.wallMs, result.batches / (result.wallMs / 1000.0),
                result.failures);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    double hours = 8.0;
    double speed = 100.0;
    const QStringList arguments = app.arguments();
    for (qsizetype i = 1; i + 1 < arguments.size(); ++i) {
        if (arguments[i] == u"--hours")
            hours = arguments[i + 1].toDouble();
        else if (arguments[i] == u"--speed")
            speed = arguments[i + 1].toDouble();
    }
    if (!(hours > 0) || !(speed > 0)) {
        std::fprintf(stderr, "usage: bench_simulationreplay [--hours H] [--speed FACTOR]\n");
        return 2;
    }

    const TranscriptLoadResult loaded = TranscriptLoader::loadFile(
        QStringLiteral(STUDIO_SAMPLES_DIR "/transcripts/full-day-8h.json"));
    if (!loaded.ok()) {
        std::fprintf(stderr, "cannot load the eight-hour day: %s\n",
                     qPrintable(loaded.error->toString()));
        return 2;
    }
    QList<TranscriptSegment> segments;
    for (const TranscriptSegment &segment : loaded.segments) {
        if (segment.end <= hours * 3600)
            segments.append(segment);
    }

    LoopbackServer server;
    if (!server.isListening()) {
        std::fprintf(stderr, "cannot start the loopback server: %s\n",
                     qPrintable(server.errorString()));
        return 2;
    }
    server.setRoute("/segments", LoopbackServer::Behaviour::json(200, "{}"));
    const PluginUnderTest plugin = benchPlugin(server.url("/segments"));
    std::printf("Replay of %lld segments (%.1f h of conversation) against a loopback server\n",
                static_cast<long long>(segments.size()),
                segments.isEmpty() ? 0.0 : segments.last().end / 3600);

    // Warm up libcurl and the server's thread.
    replay(SimulationPlan::forTranscript(plugin, segments.mid(0, 50), BatchingOptions::perSegment(),
                                         ReplaySpeed::fast()));

    printFast("30 s windows",
              replay(SimulationPlan::forTranscript(plugin, segments, {}, ReplaySpeed::fast())));
    printFast("per segment",
              replay(SimulationPlan::forTranscript(plugin, segments, BatchingOptions::perSegment(),
                                                   ReplaySpeed::fast())));

    std::printf("scheduled at %gx with 30 s windows (takes %.0f s)...\n", speed,
                segments.isEmpty() ? 0.0 : segments.last().end / speed);
    std::fflush(stdout);
    const Replay scheduled =
        replay(SimulationPlan::forTranscript(plugin, segments, {}, ReplaySpeed::times(speed)));
    const auto &errors = scheduled.schedulingErrorsMs;
    const double earliest = errors.empty() ? 0 : *std::min_element(errors.begin(), errors.end());
    std::vector<std::size_t> worst(errors.size());
    for (std::size_t i = 0; i < worst.size(); ++i)
        worst[i] = i;
    std::sort(worst.begin(), worst.end(),
              [&errors](std::size_t a, std::size_t b) { return errors[a] > errors[b]; });
    std::printf("latest batches:");
    for (std::size_t i = 0; i < std::min<std::size_t>(5, worst.size()); ++i)
        std::printf(" #%zu %.3f ms", worst[i], errors[worst[i]]);
    std::printf("\n");
    std::printf(
        "scheduling error over %zu batches: p50 %.3f ms, p99 %.3f ms, max %.3f ms, min %.3f ms "
        "(target p99 < 2 ms; %d failed)\n",
        errors.size(), percentile(errors, 50), percentile(errors, 99), percentile(errors, 100),
        earliest, scheduled.failures);
    return scheduled.failures == 0 ? 0 : 1;
}
