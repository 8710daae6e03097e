#include "OptionParser.h"
#include "RunsCommands.h"
#include "SetupCheckExecution.h"
#include "SigningSecretOption.h"
#include "SimulationExecution.h"
#include "history/RunReplay.h"

namespace studio::cli {

int runRunsRerun(const QStringList &arguments, const CliIo &io)
{
    const std::string usage = runsUsage();
    OptionParser parser(usage);
    parser.addOption(
        {QStringLiteral("url"), QStringLiteral("URL override."), QStringLiteral("URL")});
    parser.addOption(
        {QStringLiteral("speed"), QStringLiteral("Replay speed."), QStringLiteral("FACTOR")});
    parser.addFlag(QStringLiteral("fast"), QStringLiteral("As fast as possible."));
    parser.addFlag(QStringLiteral("quiet"), QStringLiteral("No progress."));
    addSigningSecretOption(parser);
    if (const auto exit = parser.parse(arguments, io, 1, 1))
        return *exit;
    const QString url = parser.value(QStringLiteral("url")).trimmed();
    std::optional<ReplaySpeed> speed;
    if (parser.isSet(QStringLiteral("fast"))) {
        if (parser.isSet(QStringLiteral("speed")))
            return io.fail("give either --speed or --fast, not both");
        speed = ReplaySpeed::fast();
    } else if (parser.isSet(QStringLiteral("speed"))) {
        QString error;
        speed = ReplaySpeed::parse(parser.value(QStringLiteral("speed")), &error);
        if (!speed || speed->isFast())
            return io.fail("--speed: " +
                           (speed ? std::string("use --fast for 'fast'") : error.toStdString()));
    }

    std::optional<StoredRun> run;
    {
        // Closed before the rerun, which keeps itself in the history with its own connection.
        RunHistory history;
        run = loadRun(parser.positional().first(), history, io);
    }
    if (!run)
        return kUsageError;
    const RunSettings &settings = run->settings;
    RunOptions options;
    options.url = url;
    options.uid = settings.uid;
    options.transport = settings.transport;
    options.timeoutSet = true; // exactly as the run went
    options.contract = Contract::named(run->info.contract.toStdString());
    options.thresholds = settings.thresholds;
    options.quiet = parser.isSet(QStringLiteral("quiet"));
    const std::string display = "rerun of run " + std::to_string(run->id);

    if (run->kind == RunKind::Listen)
        return io.fail("run " + std::to_string(run->id) +
                       " is a request 'listen' received, not a run to send again; replay its "
                       "fixture: " + printable(run->settings.source.toStdString()));
    if (run->kind == RunKind::Tool)
        return io.fail("run " + std::to_string(run->id) +
                       " is a call of a chat tool; call it again with 'plugin-studio tools call'");
    if (run->kind == RunKind::Setup)
        return executeSetupCheck(settings.plugin, url.isEmpty() ? settings.url : url, options,
                                 display, io);
    SimulationPlan plan = RunReplay::plan(*run);
    // The secret is never kept in the history: a signed run is signed again when given.
    const std::optional<QString> secret =
        signingSecretFor(parser, *plan.contract, options.quiet, io);
    if (!secret)
        return kUsageError;
    plan.signingSecret = *secret;
    if (!url.isEmpty()) {
        plan.webhookUrl = url;
        plan.plugin.webhookUrl = url;
    }
    if (speed)
        plan.speed = *speed;
    return executeSimulation(std::move(plan), options, display, io);
}

} // namespace studio::cli
