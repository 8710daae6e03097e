#include "AudioOptions.h"
#include "Commands.h"
#include "FaultOptions.h"
#include "OptionParser.h"
#include "RunOptions.h"
#include "RunInputs.h"
#include "SelectedPlugin.h"
#include "SigningSecretOption.h"
#include "SimulationExecution.h"
#include "simulation/engine/BuiltInMemory.h"
#include "simulation/payload/MemoryFixtureLoader.h"
#include "simulation/payload/MemoryGenerator.h"
#include "transcript/TranscriptTimes.h"

#include <string>

namespace studio::cli {

namespace {

constexpr std::string_view kSynopsis =
    "Usage: plugin-studio simulate memory --manifest FILE [--entry ID] [--url URL] [--uid UID]\n"
    "         [--memory FILE | --from-transcript FILE] [--profile backend|guide|app-2024-07]\n"
    "       plugin-studio simulate transcript --manifest FILE [--entry ID] [--url URL]\n"
    "         [--uid UID] [--session-id ID] --transcript FILE [--window SECONDS]\n"
    "         [--speed FACTOR | --fast] [--shift-to-zero]\n"
    "       plugin-studio simulate audio --manifest FILE [--entry ID] [--url URL] [--uid UID]\n"
    "         --audio FILE.wav|FILE.pcm [--sample-rate HZ] [--chunk-seconds S]\n"
    "         [--speed FACTOR | --fast]\n"
    "common: [--timeout S] [--max-time S] [--report FILE.json] [--har FILE] [--junit FILE]\n"
    "        [--max-p95 MS] [--ca-file FILE] [--insecure] [--quiet] [--no-history]\n"
    "        [--signing-secret whsec_...] [--faults SPEC] [--seed S]\n\n"
    "Calls a plugin's webhook exactly as the app does and judges each answer as the app would.\n"
    "The uid is appended to the URL ('?uid=' or '&uid='); bodies are JSON; every call opens a\n"
    "new connection; the timeout is the app's 30 s. A deleted plugin or a discarded memory is\n"
    "not called at all (the app would not): the command says so and sends nothing.\n\n"
    "simulate memory: one memory_creation POST with a memory: --memory FILE (the backend's\n"
    "shape), --from-transcript FILE (the memory the app would make of it), or by default a\n"
    "built-in short meeting with action items and a calendar event.\n"
    "  --memory FILE         the memory to send\n"
    "  --from-transcript FILE  make the memory from a transcript (JSON, SRT or WebVTT;\n"
    "                        --user-speaker as below)\n"
    "  --profile NAME        body shape: backend (default, what the app sends since August\n"
    "                        2024), guide (plus what the plugin guide showed but the app never\n"
    "                        sent), app-2024-07 (the first phone app's camelCase body)\n\n"
    "simulate transcript: replays a conversation as transcript_processed calls, each with the\n"
    "segments that ended in its window, sent when the window closes, measured from the start\n"
    "(a slow plugin does not delay later calls: the app does not wait either).\n"
    "  --transcript FILE     the conversation (JSON, SRT or WebVTT)\n"
    "  --user-speaker NAME   subtitles: whose segments are the wearer's (is_user)\n"
    "  --window SECONDS      window length: the contract's by default (30 s for\n"
    "                        plugins-2024, 1 s for apps-2026), or 1, 500ms, 'segment'\n"
    "                        for one call per segment\n"
    "  --speed FACTOR        replay FACTOR times faster than real time (default 1)\n"
    "  --fast                as fast as possible: each call goes out when the previous one\n"
    "                        is answered, so segments reach the plugin in order\n"
    "  --session-id ID       the body's session_id (default: the uid, as the backend sends)\n"
    "  --shift-to-zero       move the conversation to start at 0 s (for a transcript stamped\n"
    "                        with clock times, which a real-time replay would wait for)\n\n"
    "simulate audio (apps-2026): streams a recording to an audio_bytes app as the app does:\n"
    "PCM 16-bit mono little-endian, POST <url>?sample_rate=<rate>&uid=<uid> (always '?'),\n"
    "Content-Type application/octet-stream, one chunk per 4 s of audio (the backend's\n"
    "sample_rate * 4 * 2 bytes), each sent once its audio has been spoken, the last partial\n"
    "one too (the backend sends nothing of what is left when the stream ends). Latest wins:\n"
    "a chunk due while the previous one is in flight waits, and is dropped (reported, not\n"
    "sent) when a newer one falls due first. The app ignores the answer; a status other\n"
    "than 200 still counts as a failure here.\n"
    "  --audio FILE          a WAV (16-bit PCM mono; other formats are refused, saying what\n"
    "                        they are) or raw PCM (.pcm, .raw)\n"
    "  --sample-rate HZ      raw PCM only: its sample rate (a WAV says its own)\n"
    "  --chunk-seconds S     audio per request (default 4, the backend's buffer)\n"
    "  --speed FACTOR        stream FACTOR times faster than real time (default 1)\n"
    "  --fast                as fast as possible: each chunk when the previous one is\n"
    "                        answered (none dropped)\n\n"
    "Signed webhooks (apps-2026):\n"
    "  --signing-secret SECRET  sign every request as the app does for an app with a signing\n"
    "                        secret: X-Omi-Signature t=<unix seconds>,v1=<HMAC-SHA256 of\n"
    "                        \"<t>.<uid>.\" + the body, keyed with the whole secret>,\n"
    "                        X-Omi-Event and X-Omi-Delivery (see 'verify-signature')\n\n";

constexpr std::string_view kExitStatus =
    "\nProgress goes to stderr, one line per request (window, status, latency, what the app\n"
    "does with the answer), then a summary line.\n"
    "Exit status: 0 every request got a 200 with an answer the app can use and --max-p95\n"
    "holds (or nothing was sent because the app would not call), 1 otherwise, 2 usage error\n"
    "or unreadable input.\n";

std::string usageText()
{
    return std::string(kSynopsis) + RunOptions::kHelp + FaultOptions::kHelp +
           std::string(kExitStatus);
}

QCommandLineOption valued(const char *name, const char *valueName)
{
    return {QString::fromLatin1(name), QString::fromLatin1(name), QString::fromLatin1(valueName)};
}

std::optional<Memory> memoryFor(const OptionParser &parser, const RunOptions &options,
                                QString &source, const CliIo &io)
{
    const QString memoryPath = parser.value(QStringLiteral("memory"));
    const QString transcriptPath = parser.value(QStringLiteral("from-transcript"));
    if (!memoryPath.isEmpty() && !transcriptPath.isEmpty()) {
        io.fail("give either --memory or --from-transcript, not both");
        return std::nullopt;
    }
    if (!memoryPath.isEmpty()) {
        const MemoryLoadResult loaded = MemoryFixtureLoader::loadFile(memoryPath);
        if (!loaded.ok()) {
            io.fail(memoryPath.toStdString() + ": " + loaded.error->toString().toStdString());
            return std::nullopt;
        }
        warnLoadIssues(memoryPath, loaded.warnings, options, io);
        source = memoryPath;
        return loaded.memory;
    }
    if (!transcriptPath.isEmpty()) {
        const auto segments = loadTranscript(
            transcriptPath, parser.value(QStringLiteral("user-speaker")), options, io);
        if (!segments)
            return std::nullopt;
        source = transcriptPath;
        return MemoryGenerator::fromTranscript(*segments);
    }
    source = QStringLiteral("built-in sample memory");
    return BuiltInMemory::sample();
}

// --speed FACTOR or --fast; real time when neither is given. Prints why and returns nullopt
// on a usage error.
std::optional<ReplaySpeed> speedFor(const OptionParser &parser, const CliIo &io)
{
    if (parser.isSet(QStringLiteral("fast"))) {
        if (parser.isSet(QStringLiteral("speed"))) {
            io.fail("give either --speed or --fast, not both");
            return std::nullopt;
        }
        return ReplaySpeed::fast();
    }
    if (!parser.isSet(QStringLiteral("speed")))
        return ReplaySpeed::realTime();
    QString error;
    const std::optional<ReplaySpeed> parsed =
        ReplaySpeed::parse(parser.value(QStringLiteral("speed")), &error);
    if (!parsed || parsed->isFast()) {
        io.fail("--speed: " + (parsed ? std::string("use --fast for 'fast'") : error.toStdString()));
        return std::nullopt;
    }
    return parsed;
}

void addSpeedOptions(OptionParser &parser)
{
    parser.addOption(valued("speed", "FACTOR"));
    parser.addFlag(QStringLiteral("fast"), QStringLiteral("As fast as possible."));
}

// The contract the document or --contract names: its bodies, cadence (unless --window) and
// transport, then the user's own transport options over it, and the signing secret.
void applyCommon(SimulationPlan &plan, const RunOptions &options, const SelectedPlugin &selected,
                 bool keepBatching, const QString &secret)
{
    const Contract &contract = options.contractOf(*selected.contract);
    plan.useContract(contract, keepBatching);
    plan.uid = options.uid;
    plan.transport = options.transportFor(contract);
    plan.signingSecret = secret;
}

int simulateMemory(const QStringList &arguments, const CliIo &io)
{
    const std::string usage = usageText();
    OptionParser parser(usage);
    RunOptions::addTo(parser);
    FaultOptions::addTo(parser);
    parser.addOption(valued("memory", "FILE"));
    parser.addOption(valued("from-transcript", "FILE"));
    parser.addOption(valued("user-speaker", "NAME"));
    parser.addOption({QStringLiteral("profile"), QStringLiteral("profile"), QStringLiteral("NAME"),
                      QStringLiteral("backend")});
    addSigningSecretOption(parser);
    if (const auto exit = parser.parse(arguments, io, 0, 0))
        return *exit;
    const std::optional<RunOptions> options = RunOptions::read(parser, io);
    if (!options)
        return kUsageError;
    const std::optional<FaultOptions> faults = FaultOptions::read(parser, io);
    if (!faults)
        return kUsageError;
    const std::optional<PayloadProfile> profile =
        PayloadProfiles::fromName(parser.value(QStringLiteral("profile")));
    if (!profile)
        return io.fail("--profile must be backend, guide or app-2024-07, not '" +
                       parser.value(QStringLiteral("profile")).toStdString() + "'");

    const std::optional<SelectedPlugin> selected =
        pluginFor(AppTrigger::MemoryCreation, *options, io);
    if (!selected)
        return kUsageError;
    const Contract &contract = options->contractOf(*selected->contract);
    if (parser.isSet(QStringLiteral("profile")) && !contract.memoryProfiles().contains(*profile))
        return io.fail("--profile: " + std::string(contract.name()) +
                       " sends one body, the Conversation; profiles are plugins-2024's");
    const std::optional<QString> secret = signingSecretFor(parser, contract, options->quiet, io);
    if (!secret)
        return kUsageError;
    QString source;
    const std::optional<Memory> memory = memoryFor(parser, *options, source, io);
    if (!memory)
        return kUsageError;

    SimulationPlan plan = SimulationPlan::forMemory(selected->plugin, *memory, *profile);
    applyCommon(plan, *options, *selected, false, *secret);
    plan.source = source;
    if (!faults->applyTo(plan, io))
        return kUsageError;
    return executeSimulation(std::move(plan), *options, selected->display, io);
}

int simulateTranscript(const QStringList &arguments, const CliIo &io)
{
    const std::string usage = usageText();
    OptionParser parser(usage);
    RunOptions::addTo(parser);
    FaultOptions::addTo(parser);
    parser.addOption(valued("transcript", "FILE"));
    parser.addOption(valued("user-speaker", "NAME"));
    parser.addOption(valued("session-id", "ID"));
    parser.addOption({QStringLiteral("window"), QStringLiteral("window"), QStringLiteral("SECONDS"),
                      QStringLiteral("30")});
    addSpeedOptions(parser);
    parser.addFlag(QStringLiteral("shift-to-zero"), QStringLiteral("Start at 0 s."));
    addSigningSecretOption(parser);
    if (const auto exit = parser.parse(arguments, io, 0, 0))
        return *exit;
    const std::optional<RunOptions> options = RunOptions::read(parser, io);
    if (!options)
        return kUsageError;
    const std::optional<FaultOptions> faults = FaultOptions::read(parser, io);
    if (!faults)
        return kUsageError;

    const QString transcriptPath = parser.value(QStringLiteral("transcript"));
    if (transcriptPath.isEmpty())
        return io.fail("--transcript FILE is required: the conversation to replay");
    QString error;
    const std::optional<BatchingOptions> batching =
        BatchingOptions::parse(parser.value(QStringLiteral("window")), &error);
    if (!batching)
        return io.fail("--window: " + error.toStdString());
    const std::optional<ReplaySpeed> speed = speedFor(parser, io);
    if (!speed)
        return kUsageError;
    if (parser.isSet(QStringLiteral("session-id")) &&
        parser.value(QStringLiteral("session-id")).isEmpty())
        return io.fail("--session-id must not be empty");

    const std::optional<SelectedPlugin> selected =
        pluginFor(AppTrigger::TranscriptProcessed, *options, io);
    if (!selected)
        return kUsageError;
    const std::optional<QString> secret =
        signingSecretFor(parser, options->contractOf(*selected->contract), options->quiet, io);
    if (!secret)
        return kUsageError;
    auto segments =
        loadTranscript(transcriptPath, parser.value(QStringLiteral("user-speaker")), *options, io);
    if (!segments)
        return kUsageError;
    if (parser.isSet(QStringLiteral("shift-to-zero"))) {
        if (!options->quiet)
            io.err << "shifted the conversation by "
                   << QString::number(TranscriptTimes::earliestStart(*segments), 'f', 3).toStdString()
                   << " s to start at 0 s\n";
        segments = TranscriptTimes::shiftedToZero(std::move(*segments));
    } else if (TranscriptTimes::startsLate(*segments) && !options->quiet) {
        io.err << "plugin-studio: hint: pass --shift-to-zero to replay it from 0 s\n";
    }

    SimulationPlan plan =
        SimulationPlan::forTranscript(selected->plugin, *segments, *batching, *speed);
    applyCommon(plan, *options, *selected, parser.isSet(QStringLiteral("window")), *secret);
    plan.sessionId = parser.value(QStringLiteral("session-id"));
    plan.source = transcriptPath;
    if (!faults->applyTo(plan, io))
        return kUsageError;
    return executeSimulation(std::move(plan), *options, selected->display, io);
}

int simulateAudio(const QStringList &arguments, const CliIo &io)
{
    const std::string usage = usageText();
    OptionParser parser(usage);
    RunOptions::addTo(parser);
    FaultOptions::addTo(parser);
    AudioOptions::addTo(parser);
    addSpeedOptions(parser);
    if (const auto exit = parser.parse(arguments, io, 0, 0))
        return *exit;
    const std::optional<RunOptions> options = RunOptions::read(parser, io);
    if (!options)
        return kUsageError;
    const std::optional<FaultOptions> faults = FaultOptions::read(parser, io);
    if (!faults)
        return kUsageError;
    const std::optional<AudioOptions> audio = AudioOptions::read(parser, io);
    const std::optional<ReplaySpeed> speed = audio ? speedFor(parser, io) : std::nullopt;
    if (!speed)
        return kUsageError;

    const std::optional<SelectedPlugin> selected =
        pluginFor(AppTrigger::AudioBytes, *options, io);
    if (!selected)
        return kUsageError;
    const std::optional<PcmAudio> recording =
        audio->load(options->contractOf(*selected->contract), io);
    if (!recording)
        return kUsageError;

    SimulationPlan plan =
        SimulationPlan::forAudio(selected->plugin, *recording, audio->chunkSeconds, *speed);
    applyCommon(plan, *options, *selected, false, QString());
    plan.source = audio->path;
    if (!faults->applyTo(plan, io))
        return kUsageError;
    return executeSimulation(std::move(plan), *options, selected->display, io);
}

} // namespace

int runSimulate(const QStringList &arguments, const CliIo &io)
{
    const QString kind = arguments.value(0);
    if (kind == u"--help" || kind == u"-h" || kind == u"help") {
        io.out << usageText();
        return kSuccess;
    }
    if (kind == u"memory")
        return simulateMemory(arguments.mid(1), io);
    if (kind == u"transcript")
        return simulateTranscript(arguments.mid(1), io);
    if (kind == u"audio")
        return simulateAudio(arguments.mid(1), io);
    io.err << usageText();
    if (kind.isEmpty())
        return io.fail("simulate what? 'memory', 'transcript' or 'audio'");
    return io.fail("unknown simulation '" + kind.toStdString() +
                   "': 'memory', 'transcript' or 'audio'");
}

} // namespace studio::cli
