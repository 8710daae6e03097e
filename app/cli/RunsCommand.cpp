#include "Commands.h"
#include "OptionParser.h"
#include "RunsCommands.h"
#include "history/RunHistory.h"
#include "history/RunKind.h"

#include <QDir>

#include <cmath>

namespace studio::cli {

namespace {

constexpr std::string_view kUsage =
    "Usage: plugin-studio runs list [--plugin ID] [--format text|json]\n"
    "       plugin-studio runs show RUN [--format text|json]\n"
    "       plugin-studio runs export RUN [--har FILE] [--report FILE.json] [--junit FILE]\n"
    "       plugin-studio runs rerun RUN [--url URL] [--speed FACTOR | --fast] [--quiet]\n"
    "         [--signing-secret whsec_...]\n"
    "       plugin-studio runs delete RUN\n"
    "       plugin-studio runs limits [--max-runs N] [--max-mb MB]\n\n"
    "The history keeps every run of 'simulate', 'check-setup' and 'tools call' (unless\n"
    "--no-history) and of the studio window: the plugin, the target, the settings, every\n"
    "request and response and the summary, in history.sqlite in the user's data folder\n"
    "($PLUGIN_STUDIO_DATA_DIR when set), and every request 'listen' received. RUN is a\n"
    "run's id from 'runs list', or 'last' for the newest run.\n\n"
    "  list                  the runs, newest first: id, start, kind (memory, transcript,\n"
    "                        audio, setup, listen, tool), plugin, summary and target\n"
    "    --plugin ID         only this plugin's runs\n"
    "    --format json       {\"runs\": [{\"id\", \"plugin\", \"kind\", \"started\", \"url\",\n"
    "                        \"summary\"}]}, summary as in the JSON report\n"
    "  show                  each request of the run with its outcome, then the summary\n"
    "    --format json       the run's JSON report, as --report wrote it\n"
    "  export                writes the run again, atomically: --har FILE (HAR 1.2),\n"
    "                        --report FILE.json (the JSON report), --junit FILE (JUnit XML);\n"
    "                        at least one of them\n"
    "  rerun                 sends the very bytes the run sent, to the same URL or --url\n"
    "                        (the uid is still appended), transcript batches on the same\n"
    "                        schedule at the run's speed (--speed FACTOR or --fast to change\n"
    "                        it); the rerun is a new run in the history and exits as\n"
    "                        'simulate' or 'check-setup' would. The history keeps no\n"
    "                        secret: --signing-secret signs the rerun (apps-2026). A tool's\n"
    "                        call is not rerun: 'tools call' calls it again\n"
    "  delete                removes the run from the history\n"
    "  limits                shows how much the history keeps, or sets it; after each new\n"
    "                        run the oldest runs go until both limits hold (the newest stays)\n"
    "    --max-runs N        runs kept (default 500)\n"
    "    --max-mb MB         megabytes of bodies, records and reports kept (default 200)\n\n"
    "Exit status: 0 done (rerun: the run passed), 1 the rerun failed, 2 usage error, an\n"
    "unknown run or a history that cannot be read.\n";

constexpr qint64 kMegabyte = 1024 * 1024;

std::optional<qint64> newestRunId(RunHistory &history, const CliIo &io)
{
    const HistoryResult<QList<RunListing>> runs = history.list();
    if (!runs.ok()) {
        io.fail(runs.error().toStdString());
        return std::nullopt;
    }
    if (runs.value().isEmpty()) {
        io.fail("the history '" + QDir::toNativeSeparators(history.path()).toStdString() +
                "' keeps no run yet");
        return std::nullopt;
    }
    return runs.value().first().id;
}

std::string summaryText(const Json &summary)
{
    const auto count = [&summary](const char *key, const char *singular, const char *plural) {
        const int value = summary.value(key, 0);
        return std::to_string(value) + ' ' + (value == 1 ? singular : plural);
    };
    std::string text = count("count", "request", "requests") + ", " +
                       count("errors", "error", "errors") + ", " +
                       count("notifications", "notification", "notifications");
    if (summary.contains("p95_ms") && summary.at("p95_ms").is_number())
        text += ", p95 " +
                QString::number(summary.at("p95_ms").get<double>(), 'f', 1).toStdString() + " ms";
    return text;
}

void printListAsText(const QList<RunListing> &runs, const RunHistory &history, std::ostream &out)
{
    if (runs.isEmpty()) {
        out << "no runs in the history '" << QDir::toNativeSeparators(history.path()).toStdString()
            << "'\n";
        return;
    }
    for (const RunListing &run : runs) {
        // A request listen received has no plugin nor latency: what it was says more.
        const bool caught = run.kind == RunKind::Listen;
        const QString line =
            QStringLiteral("%1  %2  %3  %4  %5  %6")
                .arg(run.id, 4)
                .arg(run.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                     RunKinds::name(run.kind).leftJustified(10),
                     caught ? QStringLiteral("received") : run.pluginId,
                     caught ? run.pluginName : QString::fromStdString(summaryText(run.summary)),
                     run.url);
        out << printable(line) << '\n';
    }
}

void printListAsJson(const QList<RunListing> &runs, std::ostream &out)
{
    Json list = Json::array();
    for (const RunListing &run : runs)
        list.push_back({{"id", run.id},
                        {"plugin", run.pluginId.toStdString()},
                        {"plugin_name", run.pluginName.toStdString()},
                        {"kind", RunKinds::name(run.kind).toStdString()},
                        {"started", run.startedAt.toString(Qt::ISODateWithMs).toStdString()},
                        {"url", run.url.toStdString()},
                        {"summary", run.summary}});
    out << Json{{"runs", list}}.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

} // namespace

std::string runsUsage()
{
    return std::string(kUsage);
}

std::optional<qint64> runIdFrom(const QString &reference, RunHistory &history, const CliIo &io)
{
    if (reference == u"last")
        return newestRunId(history, io);
    bool ok = false;
    const qint64 id = reference.toLongLong(&ok);
    if (!ok || id <= 0) {
        io.fail("RUN must be a run id from 'plugin-studio runs list' or 'last', not '" +
                reference.toStdString() + "'");
        return std::nullopt;
    }
    return id;
}

std::optional<StoredRun> loadRun(const QString &reference, RunHistory &history, const CliIo &io)
{
    const std::optional<qint64> id = runIdFrom(reference, history, io);
    if (!id)
        return std::nullopt;
    HistoryResult<StoredRun> run = history.load(*id);
    if (!run.ok()) {
        io.fail(run.error().toStdString() +
                (run.isNotFound() ? "; see 'plugin-studio runs list'" : ""));
        return std::nullopt;
    }
    return std::move(run.value());
}

int runRunsList(const QStringList &arguments, const CliIo &io)
{
    OptionParser parser(kUsage);
    parser.addOption(
        {QStringLiteral("plugin"), QStringLiteral("Plugin id."), QStringLiteral("ID")});
    parser.addTextOrJsonFormat();
    if (const auto exit = parser.parse(arguments, io, 0, 0))
        return *exit;
    const std::optional<bool> json = parser.jsonFormat(io);
    if (!json)
        return kUsageError;
    RunHistory history;
    const HistoryResult<QList<RunListing>> runs =
        history.list(parser.value(QStringLiteral("plugin")));
    if (!runs.ok())
        return io.fail(runs.error().toStdString());
    if (*json)
        printListAsJson(runs.value(), io.out);
    else
        printListAsText(runs.value(), history, io.out);
    return kSuccess;
}

int runRunsDelete(const QStringList &arguments, const CliIo &io)
{
    OptionParser parser(kUsage);
    if (const auto exit = parser.parse(arguments, io, 1, 1))
        return *exit;
    RunHistory history;
    const std::optional<qint64> id = runIdFrom(parser.positional().first(), history, io);
    if (!id)
        return kUsageError;
    const HistoryStatus removed = history.remove(*id);
    if (!removed.ok())
        return io.fail(removed.error().toStdString() +
                       (removed.isNotFound() ? "; see 'plugin-studio runs list'" : ""));
    io.err << "deleted run " << *id << " from the history\n";
    return kSuccess;
}

int runRunsLimits(const QStringList &arguments, const CliIo &io)
{
    OptionParser parser(kUsage);
    parser.addOption(
        {QStringLiteral("max-runs"), QStringLiteral("Runs kept."), QStringLiteral("N")});
    parser.addOption(
        {QStringLiteral("max-mb"), QStringLiteral("Megabytes kept."), QStringLiteral("MB")});
    if (const auto exit = parser.parse(arguments, io, 0, 0))
        return *exit;
    RunHistory history;
    HistoryResult<HistoryLimits> limits = history.limits();
    if (!limits.ok())
        return io.fail(limits.error().toStdString());
    HistoryLimits wanted = limits.value();
    if (parser.isSet(QStringLiteral("max-runs"))) {
        const auto runs = parser.number(QStringLiteral("max-runs"), io, 1);
        if (!runs || !std::isfinite(*runs))
            return kUsageError;
        wanted.maxRuns = int(std::min(*runs, 1e9));
    }
    if (parser.isSet(QStringLiteral("max-mb"))) {
        const auto megabytes = parser.number(QStringLiteral("max-mb"), io, 1);
        if (!megabytes || !std::isfinite(*megabytes))
            return kUsageError;
        wanted.maxBytes = qint64(std::min(*megabytes, 1e9) * double(kMegabyte));
    }
    if (!(wanted == limits.value())) {
        if (const HistoryStatus saved = history.setLimits(wanted); !saved.ok())
            return io.fail(saved.error().toStdString());
        const HistoryResult<int> pruned = history.prune(wanted);
        if (!pruned.ok())
            return io.fail(pruned.error().toStdString());
        if (pruned.value() > 0)
            io.err << "removed the " << pruned.value() << " oldest runs\n";
    }
    io.out << "history: " << QDir::toNativeSeparators(history.path()).toStdString() << '\n'
           << "max runs: " << wanted.maxRuns << '\n'
           << "max MB: "
           << QString::number(double(wanted.maxBytes) / double(kMegabyte), 'g', 6).toStdString()
           << '\n';
    return kSuccess;
}

int runRuns(const QStringList &arguments, const CliIo &io)
{
    const QString subcommand = arguments.value(0);
    if (subcommand == u"--help" || subcommand == u"-h" || subcommand == u"help") {
        io.out << kUsage;
        return kSuccess;
    }
    const QStringList rest = arguments.mid(1);
    if (subcommand == u"list")
        return runRunsList(rest, io);
    if (subcommand == u"show")
        return runRunsShow(rest, io);
    if (subcommand == u"export")
        return runRunsExport(rest, io);
    if (subcommand == u"rerun")
        return runRunsRerun(rest, io);
    if (subcommand == u"delete")
        return runRunsDelete(rest, io);
    if (subcommand == u"limits")
        return runRunsLimits(rest, io);
    io.err << kUsage;
    if (subcommand.isEmpty())
        return io.fail("runs what? 'list', 'show', 'export', 'rerun', 'delete' or 'limits'");
    return io.fail("unknown runs command '" + subcommand.toStdString() +
                   "': 'list', 'show', 'export', 'rerun', 'delete' or 'limits'");
}

} // namespace studio::cli
