#include "AudioOptions.h"
#include "Commands.h"
#include "FaultOptions.h"
#include "FolderOutput.h"
#include "LoadProgressPrinter.h"
#include "OptionParser.h"
#include "RunConclusion.h"
#include "RunInputs.h"
#include "RunOptions.h"
#include "StopSignals.h"
#include "http/HttpClient.h"
#include "simulation/load/ArtilleryExport.h"
#include "simulation/load/LoadReportWriter.h"
#include "simulation/load/LoadRun.h"
#include "simulation/payload/AppUrls.h"
#include "simulation/payload/MemoryFixtureLoader.h"

#include <QDir>
#include <QEventLoop>
#include <QRandomGenerator>

#include <cmath>
#include <string>
#include <utility>

namespace studio::cli {

namespace {

constexpr std::string_view kUsage =
    "Usage: plugin-studio load --manifest FILE [--entry ID] [--url URL]\n"
    "         (--transcript FILE | --memory FILE | --audio FILE) --users N [--ramp SECONDS]\n"
    "         [--duration SECONDS] [--window W] [--sample-rate HZ] [--chunk-seconds S]\n"
    "         [--speed FACTOR] [--connections reuse|new]\n"
    "         [--max-in-flight N] [--max-p95 MS] [--max-error-rate R] [--report FILE.json]\n"
    "         [--junit FILE] [--seed S] [--faults SPEC] [--contract NAME] [--timeout S]\n"
    "         [--max-time S] [--ca-file FILE] [--insecure] [--user-speaker NAME] [--quiet]\n"
    "         [--export-artillery DIR]\n\n"
    "Many users of the app at once: N simulated users, each with its own uid (load-<seed>-<n>)\n"
    "and session, replay the conversation (transcript_processed), send the memory\n"
    "(memory_creation) or stream the recording (audio_bytes) from its beginning, each at its\n"
    "own moment, as the app does for each of them. Open model: every request goes out when\n"
    "it is due whether or not earlier ones were answered; one that cannot go out on time (the\n"
    "--max-in-flight cap is reached, or the studio falls behind) goes as soon as it can and\n"
    "counts as late, with how late. Audio keeps the app's latest-wins buffer per user: one\n"
    "chunk of a user out at a time, a chunk due meanwhile waits (not late), and one a newer\n"
    "chunk of the same user replaces is dropped (reported, not sent, no failure).\n\n"
    "  --manifest FILE       a manifest, or an index (with --entry ID)\n"
    "  --url URL             call this URL instead of the manifest's (each uid is appended)\n"
    "  --transcript FILE     the conversation each user replays (JSON, SRT or WebVTT)\n"
    "  --user-speaker NAME   subtitles: whose segments are the wearer's (is_user)\n"
    "  --memory FILE         the memory each user's app sends (the backend's shape)\n"
    "  --audio FILE          the recording each user's app streams (apps-2026): a WAV (16-bit\n"
    "                        PCM mono) or raw PCM (.pcm, .raw), in the backend's chunks, as\n"
    "                        'simulate audio' sends it\n"
    "  --sample-rate HZ      raw PCM only: its sample rate (a WAV says its own)\n"
    "  --chunk-seconds S     audio per request (default 4, the backend's buffer)\n"
    "  --users N             how many users (1 to 100000)\n"
    "  --ramp SECONDS        spread the users' starts evenly over this long (default 0: all\n"
    "                        at once)\n"
    "  --duration SECONDS    run this long: a user whose conversation is over starts it\n"
    "                        again; nothing due after the end is sent (default: each user\n"
    "                        plays once)\n"
    "  --window W            transcript window: the contract's by default (30 s for\n"
    "                        plugins-2024, 1 s for apps-2026), or 1, 500ms, 'segment'\n"
    "  --speed FACTOR        replay each conversation FACTOR times faster than real time\n"
    "                        (default 1); ramp and duration are real seconds\n"
    "  --connections reuse|new  one new connection per call (the 2024 app's requests.post)\n"
    "                        or a pool kept alive (today's backend); default: the contract's\n"
    "  --max-in-flight N     at most N requests out at once; the rest wait and go late\n"
    "                        (default: no cap, as the app)\n"
    "  --faults SPEC         inject the faults the app produces into each user's requests,\n"
    "                        as simulate does: duplicate:P, reorder:P, burst, gap:P,\n"
    "                        slow-network:MS, restart, with commas (see 'simulate --help')\n"
    "  --seed S              names the users (load-S-1 ...) and draws their faults, to\n"
    "                        repeat a run exactly (default: random, printed)\n"
    "  --contract NAME       plugins-2024 or apps-2026 (default: told by the document)\n"
    "  --timeout S           seconds of silence before a request gives up (default: the\n"
    "                        contract's)\n"
    "  --max-time S          give up on a request still going after S seconds (default 300)\n"
    "  --ca-file FILE        trust this CA certificate (a plugin served over local HTTPS)\n"
    "  --insecure            do not verify TLS certificates at all (the app always does)\n"
    "  --report FILE.json    the JSON report: users, the first requests and every failure\n"
    "                        (up to 1000), and the summary\n"
    "  --junit FILE          JUnit XML for CI: a testcase per user and one for the limits\n"
    "  --max-p95 MS          fail when the 95th percentile latency exceeds MS milliseconds\n"
    "  --max-error-rate R    fail when more than R (0 to 1) of the requests fail (default 0:\n"
    "                        any failed request fails the run, as simulate)\n"
    "  --quiet               no progress on stderr; only why the run failed\n"
    "  --export-artillery DIR  run nothing: write the same load as an Artillery test into\n"
    "                        DIR (scenario.yml, load-plan.js, plan.json, README.md; files\n"
    "                        of those names are replaced), to run with `npx artillery run\n"
    "                        DIR/scenario.yml` or on Artillery's cloud runners (run-fargate,\n"
    "                        see DIR/README.md): the same users, schedule and bodies. Give\n"
    "                        --seed to send the same uids as a load run. Not for --audio\n"
    "                        (what latest wins sends follows each answer)\n"
    "  -h, --help            show this help\n\n"
    "Progress goes to stderr once a second (requests/s, in flight, waiting, late, audio\n"
    "chunks dropped, p50/p95/p99 of that second, errors by kind), then a summary of the whole\n"
    "run. Ctrl+C stops the run; the reports are still written.\n"
    "Exit status: 0 the error rate and latency are within the limits (or nothing was sent\n"
    "because the app would not call), 1 otherwise or a run stopped early, 2 usage error or\n"
    "unreadable input.\n";

QCommandLineOption valued(const char *name, const char *valueName)
{
    return {QString::fromLatin1(name), QString::fromLatin1(name), QString::fromLatin1(valueName)};
}

// A whole number option within [minimum, maximum]; nullopt (and why) otherwise.
std::optional<qint64> wholeNumber(const OptionParser &parser, const char *name, qint64 minimum,
                                  qint64 maximum, const CliIo &io)
{
    const QString text = parser.value(QString::fromLatin1(name));
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < minimum || value > maximum) {
        io.fail("--" + std::string(name) + " must be a whole number from " +
                std::to_string(minimum) + " to " + std::to_string(maximum) + ", not '" +
                text.toStdString() + "'");
        return std::nullopt;
    }
    return value;
}

std::optional<double> seconds(const OptionParser &parser, const char *name, double minimum,
                              const CliIo &io)
{
    const auto value = parser.number(QString::fromLatin1(name), io, minimum);
    if (value && !std::isfinite(*value)) {
        io.fail("--" + std::string(name) + " expects a number of seconds");
        return std::nullopt;
    }
    return value;
}

// The options of simulate's that a load run has no use for, refused with the reason.
bool refuseSimulateOnly(const OptionParser &parser, const CliIo &io)
{
    const std::pair<const char *, const char *> refused[] = {
        {"uid", "each user has its own uid (load-<seed>-<n>); --seed names them"},
        {"har", "a load run writes no HAR: --report keeps the requests that matter"},
        {"no-history", "load runs are not kept in the history"},
    };
    for (const auto &[name, why] : refused) {
        if (parser.isSet(QString::fromLatin1(name))) {
            io.fail("--" + std::string(name) + ": " + why);
            return false;
        }
    }
    return true;
}

struct LoadSettings
{
    LoadPlan plan;
    LoadThresholds thresholds;
    std::optional<bool> reuseConnections;
};

std::optional<LoadSettings> readSettings(const OptionParser &parser, const CliIo &io)
{
    LoadSettings settings;
    LoadPlan &plan = settings.plan;
    if (!parser.isSet(QStringLiteral("users"))) {
        io.fail("--users N is required: how many users call the plugin at once");
        return std::nullopt;
    }
    const auto users = wholeNumber(parser, "users", 1, 100'000, io);
    if (!users)
        return std::nullopt;
    plan.users = int(*users);
    if (parser.isSet(QStringLiteral("ramp"))) {
        const auto ramp = seconds(parser, "ramp", 0, io);
        if (!ramp)
            return std::nullopt;
        plan.rampSeconds = *ramp;
    }
    if (parser.isSet(QStringLiteral("duration"))) {
        const auto duration = seconds(parser, "duration", 0.001, io);
        if (!duration)
            return std::nullopt;
        plan.durationSeconds = *duration;
    }
    if (parser.isSet(QStringLiteral("max-in-flight"))) {
        const auto cap = wholeNumber(parser, "max-in-flight", 1, 1'000'000, io);
        if (!cap)
            return std::nullopt;
        plan.maxInFlight = int(*cap);
    }
    if (parser.isSet(QStringLiteral("connections"))) {
        const QString connections = parser.value(QStringLiteral("connections"));
        if (connections != u"reuse" && connections != u"new") {
            io.fail("--connections must be reuse or new, not '" + connections.toStdString() + "'");
            return std::nullopt;
        }
        settings.reuseConnections = connections == u"reuse";
    }
    if (parser.isSet(QStringLiteral("max-error-rate"))) {
        const auto rate = parser.number(QStringLiteral("max-error-rate"), io, 0);
        if (!rate)
            return std::nullopt;
        if (!(*rate <= 1)) {
            io.fail("--max-error-rate is a share of the requests, from 0 to 1");
            return std::nullopt;
        }
        settings.thresholds.maxErrorRate = *rate;
    }
    return settings;
}

// The plan each user's app follows: the memory, the transcript cut into the contract's (or
// --window's) batches, or the recording in the app's chunks, at --speed.
std::optional<SimulationPlan> basePlan(const OptionParser &parser, const RunOptions &options,
                                       const CliIo &io)
{
    const QString transcriptPath = parser.value(QStringLiteral("transcript"));
    const QString memoryPath = parser.value(QStringLiteral("memory"));
    const bool audio = parser.isSet(QStringLiteral("audio"));
    if (int(!transcriptPath.isEmpty()) + int(!memoryPath.isEmpty()) + int(audio) != 1) {
        io.fail("give --transcript FILE (transcript_processed), --memory FILE (memory_creation) "
                "or --audio FILE (audio_bytes), one of them");
        return std::nullopt;
    }
    if (transcriptPath.isEmpty() && parser.isSet(QStringLiteral("window"))) {
        io.fail(audio ? "--window cuts a transcript; audio goes in chunks (--chunk-seconds)"
                      : "--window cuts a transcript; a memory goes in one request");
        return std::nullopt;
    }
    for (const char *name : {"sample-rate", "chunk-seconds"}) {
        if (!audio && parser.isSet(QString::fromLatin1(name))) {
            io.fail("--" + std::string(name) + " is for --audio FILE");
            return std::nullopt;
        }
    }
    const std::optional<AudioOptions> audioOptions =
        audio ? AudioOptions::read(parser, io) : std::optional<AudioOptions>{};
    if (audio && !audioOptions)
        return std::nullopt;
    ReplaySpeed speed;
    if (parser.isSet(QStringLiteral("speed"))) {
        QString error;
        const std::optional<ReplaySpeed> parsed =
            ReplaySpeed::parse(parser.value(QStringLiteral("speed")), &error);
        if (!parsed || parsed->isFast()) {
            io.fail("--speed: " + (parsed ? std::string("a load run keeps the conversation's "
                                                        "clock: give a factor, not 'fast'")
                                          : error.toStdString()));
            return std::nullopt;
        }
        speed = *parsed;
    }
    const AppTrigger trigger = audio                  ? AppTrigger::AudioBytes
                               : memoryPath.isEmpty() ? AppTrigger::TranscriptProcessed
                                                      : AppTrigger::MemoryCreation;
    const std::optional<SelectedPlugin> selected = pluginFor(trigger, options, io);
    if (!selected)
        return std::nullopt;
    const Contract &contract = options.contractOf(*selected->contract);

    SimulationPlan plan;
    if (trigger == AppTrigger::AudioBytes) {
        const std::optional<PcmAudio> recording = audioOptions->load(contract, io);
        if (!recording)
            return std::nullopt;
        plan = SimulationPlan::forAudio(selected->plugin, *recording, audioOptions->chunkSeconds);
        plan.source = audioOptions->path;
    } else if (trigger == AppTrigger::MemoryCreation) {
        const MemoryLoadResult loaded = MemoryFixtureLoader::loadFile(memoryPath);
        if (!loaded.ok()) {
            io.fail(memoryPath.toStdString() + ": " + loaded.error->toString().toStdString());
            return std::nullopt;
        }
        warnLoadIssues(memoryPath, loaded.warnings, options, io);
        plan = SimulationPlan::forMemory(selected->plugin, loaded.memory);
        plan.source = memoryPath;
    } else {
        QString error;
        const std::optional<BatchingOptions> batching =
            parser.isSet(QStringLiteral("window"))
                ? BatchingOptions::parse(parser.value(QStringLiteral("window")), &error)
                : BatchingOptions{}; // the contract's, below
        if (!batching) {
            io.fail("--window: " + error.toStdString());
            return std::nullopt;
        }
        const auto segments = loadTranscript(
            transcriptPath, parser.value(QStringLiteral("user-speaker")), options, io);
        if (!segments)
            return std::nullopt;
        plan = SimulationPlan::forTranscript(selected->plugin, *segments, *batching);
        plan.source = transcriptPath;
    }
    plan.speed = speed;
    plan.useContract(contract, parser.isSet(QStringLiteral("window")));
    plan.transport = options.transportFor(contract);
    return plan;
}

QString headline(const LoadRun &run)
{
    const LoadPlan &plan = run.plan();
    const SimulationPlan &base = plan.base;
    QString line = QStringLiteral("load: %1 users of '%2' (%3): %4 POST %5; %6 per round")
                       .arg(plan.users)
                       .arg(base.plugin.name, QString::fromLatin1(base.contract->name()),
                            PluginUnderTest::triggerName(base.trigger),
                            AppUrls::webhook(base.webhookUrl, plan.uidOf(0)))
                       .arg(plan.requestsPerRound());
    if (base.trigger == AppTrigger::TranscriptProcessed)
        line += QStringLiteral(" (%1), %2").arg(base.batching.describe(), base.speed.describe());
    else if (base.trigger == AppTrigger::AudioBytes)
        line += QStringLiteral(" (%1, latest wins per user), %2")
                    .arg(base.audioChunking(), base.speed.describe());
    line +=
        QStringLiteral("; ramp %1 s, %2; %3 connections; %4; seed %5")
            .arg(plan.rampSeconds)
            .arg(plan.durationSeconds ? QStringLiteral("for %1 s").arg(*plan.durationSeconds)
                                      : QStringLiteral("one round each"),
                 base.transport.reuseConnection ? QStringLiteral("reused") : QStringLiteral("new"),
                 plan.maxInFlight > 0 ? QStringLiteral("at most %1 in flight").arg(plan.maxInFlight)
                                      : QStringLiteral("no cap in flight"))
            .arg(plan.seed);
    if (base.faults.any())
        line += QStringLiteral("; faults %1").arg(base.faults.spec());
    return line;
}

int execute(LoadPlan plan, const RunOptions &options, const LoadThresholds &thresholds,
            const CliIo &io)
{
    HttpClient client;
    LoadRun run(std::move(plan), &client);
    const LoadProgressPrinter printer(io.err, options.quiet,
                                      run.plan().base.trigger == AppTrigger::AudioBytes);
    if (!options.quiet)
        io.err << printable(headline(run)) << std::endl;
    if (const std::optional<QString> &reason = run.skipReason(); reason && !options.quiet)
        io.err << printable(*reason + QStringLiteral(": the app calls nothing; nothing sent"))
               << '\n';

    StopSignals stop;
    QObject::connect(&stop, &StopSignals::stopRequested, &run, &LoadRun::stop);
    QObject::connect(&run, &LoadRun::secondElapsed, &run,
                     [&printer, &io](const LoadSecond &second) {
                         printer.printSecond(second);
                         io.err.flush();
                     });
    QEventLoop loop;
    QObject::connect(&run, &LoadRun::finished, &loop, &QEventLoop::quit);
    run.start();
    if (!run.isFinished())
        loop.exec();

    const LoadSummary summary = run.summary();
    const LoadAcceptance acceptance = LoadAcceptance::evaluate(summary, thresholds);
    const RunInfo info = run.runInfo();
    if (const QString faults = copingWithFaults(summary.run, info.faults, info.faultSeed);
        !faults.isEmpty() && !options.quiet)
        io.err << printable(faults) << '\n';
    printer.printSummary(summary, acceptance);
    bool written = true;
    if (!options.reportPath.isEmpty())
        written &=
            reportWritten(LoadReportWriter::writeJson(options.reportPath, run), "JSON report", io);
    if (!options.junitPath.isEmpty())
        written &= reportWritten(LoadReportWriter::writeJUnit(options.junitPath, run, acceptance),
                                 "JUnit report", io);
    if (!written)
        return kFailed;
    return acceptance.passed ? kSuccess : kFailed;
}

// --export-artillery DIR: the plan written as an Artillery test, nothing sent.
int exportArtillery(const OptionParser &parser, const LoadPlan &plan, bool quiet, const CliIo &io)
{
    for (const char *name : {"report", "junit", "max-p95", "max-error-rate"}) {
        if (parser.isSet(QString::fromLatin1(name)))
            return io.fail("--" + std::string(name) +
                           " judges a run; --export-artillery runs nothing");
    }
    if (const std::optional<QString> problem = ArtilleryExport::problem(plan))
        return io.fail("--export-artillery: " + problem->toStdString());
    const QString folder = parser.value(QStringLiteral("export-artillery"));
    const std::optional<QStringList> written =
        writeIntoFolder(folder, ArtilleryExport::files(plan), ExistingFiles::Replace, io);
    if (!written)
        return kFailed;
    for (const QString &path : *written)
        io.out << printable(path) << '\n';
    if (quiet)
        return kSuccess;
    io.err << "load: " << plan.users << " users (seed " << plan.seed
           << ") exported for Artillery; run them with: npx artillery run "
           << printable(QDir(folder).filePath(QString::fromLatin1(ArtilleryExport::kScenarioFile)))
           << std::endl;
    return kSuccess;
}

} // namespace

int runLoad(const QStringList &arguments, const CliIo &io)
{
    OptionParser parser(kUsage);
    RunOptions::addTo(parser);
    FaultOptions::addTo(parser);
    const std::pair<const char *, const char *> loadOptions[] = {
        {"transcript", "FILE"}, {"memory", "FILE"},      {"user-speaker", "NAME"},
        {"users", "N"},         {"ramp", "SECONDS"},     {"duration", "SECONDS"},
        {"window", "W"},        {"speed", "FACTOR"},     {"connections", "reuse|new"},
        {"max-in-flight", "N"}, {"max-error-rate", "R"}};
    for (const auto &[name, value] : loadOptions)
        parser.addOption(valued(name, value));
    AudioOptions::addTo(parser);
    parser.addOption(valued("export-artillery", "DIR"));
    if (const auto exit = parser.parse(arguments, io, 0, 0))
        return *exit;
    if (!refuseSimulateOnly(parser, io))
        return kUsageError;
    const std::optional<RunOptions> options = RunOptions::read(parser, io);
    if (!options)
        return kUsageError;
    const std::optional<FaultOptions> faults = FaultOptions::read(parser, io);
    if (!faults)
        return kUsageError;
    std::optional<LoadSettings> settings = readSettings(parser, io);
    if (!settings)
        return kUsageError;
    std::optional<SimulationPlan> base = basePlan(parser, *options, io);
    if (!base)
        return kUsageError;
    if (settings->reuseConnections)
        base->transport.reuseConnection = *settings->reuseConnections;
    // One seed names the users and draws their faults.
    if (!faults->applyTo(*base, io))
        return kUsageError;
    settings->plan.seed = quint32(base->faultSeed);
    settings->plan.base = std::move(*base);
    if (const std::optional<QString> problem = settings->plan.problem())
        return io.fail(problem->toStdString());
    if (parser.isSet(QStringLiteral("export-artillery")))
        return exportArtillery(parser, settings->plan, options->quiet, io);
    settings->thresholds.maxP95Ms = options->thresholds.maxP95Ms;
    return execute(std::move(settings->plan), *options, settings->thresholds, io);
}

} // namespace studio::cli
