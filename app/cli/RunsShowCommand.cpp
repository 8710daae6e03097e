#include "OptionParser.h"
#include "RunProgressPrinter.h"
#include "RunConclusion.h"
#include "RunsCommands.h"
#include "history/RunKind.h"
#include "io/TextFile.h"
#include "simulation/engine/RunAcceptance.h"
#include "simulation/payload/AppUrls.h"
#include "simulation/report/HarWriter.h"
#include "simulation/report/JUnitReportWriter.h"

namespace studio::cli {

namespace {

QString settingsLine(const StoredRun &run)
{
    const RunSettings &settings = run.settings;
    QStringList parts{QStringLiteral("uid %1").arg(settings.uid)};
    if (run.kind == RunKind::Memory)
        parts << QStringLiteral("profile %1").arg(PayloadProfiles::name(settings.profile));
    if (run.kind == RunKind::Transcript)
        parts << QStringLiteral("session id %1")
                     .arg(settings.sessionId.isEmpty() ? settings.uid : settings.sessionId)
              << settings.batching.describe() << settings.speed.describe();
    if (run.kind == RunKind::Audio)
        parts << QStringLiteral("%1 Hz, %2 s chunks")
                     .arg(settings.sampleRate)
                     .arg(settings.chunkSeconds)
              << settings.speed.describe();
    parts << QStringLiteral("timeout %1 s").arg(double(settings.transport.timeoutMs) / 1000.0)
          << QStringLiteral("max time %1 s").arg(double(settings.transport.maxTimeMs) / 1000.0);
    if (settings.thresholds.maxP95Ms)
        parts << QStringLiteral("max p95 %1 ms").arg(*settings.thresholds.maxP95Ms);
    if (run.kind != RunKind::Setup && !settings.source.isEmpty())
        parts << QStringLiteral("source %1").arg(settings.source);
    return QStringLiteral("settings: ") + parts.join(QStringLiteral(", "));
}

// A request `listen` received: what came, where it went, and the answer.
void printCaughtAsText(const StoredRun &run, std::ostream &out)
{
    out << printable(QStringLiteral("run %1: a %2 request received by listen, %3")
                         .arg(run.id)
                         .arg(run.info.trigger, run.info.startedAt.toLocalTime().toString(
                                                    QStringLiteral("yyyy-MM-dd HH:mm:ss"))))
        << '\n';
    for (const RunRecord &record : run.records) {
        const HttpRequest &request = record.result.request;
        out << printable(QString::fromLatin1(request.method) + u' ' + request.url) << '\n';
        for (const auto &[name, value] : request.headers)
            out << printable(QString::fromLatin1(name + ": " + value)) << '\n';
        out << printable(QStringLiteral("body: %1 bytes; answered %2; %3: %4")
                             .arg(request.body.size())
                             .arg(record.result.status)
                             .arg(run.settings.source, record.verdict.reason))
            << '\n';
    }
}

// A chat tool's call: the request as the backend sent it and what the assistant received.
void printToolCallAsText(const StoredRun &run, std::ostream &out)
{
    out << printable(QStringLiteral("run %1: a chat tool call of '%2' (%3), %4")
                         .arg(run.id)
                         .arg(run.info.pluginName, run.info.pluginId,
                              run.info.startedAt.toLocalTime().toString(
                                  QStringLiteral("yyyy-MM-dd HH:mm:ss"))))
        << '\n';
    for (const RunRecord &record : run.records) {
        const HttpRequest &request = record.result.request;
        out << printable(record.label + QStringLiteral(": ") + QString::fromLatin1(request.method) +
                         u' ' + request.url)
            << '\n';
        if (!request.body.isEmpty())
            out << printable(QString::fromUtf8(request.body)) << '\n';
        out << printable(record.result.succeeded()
                             ? QStringLiteral("HTTP %1; %2:").arg(record.result.status).arg(record.verdict.reason)
                             : record.verdict.reason + u':')
            << '\n'
            << printable(record.verdict.chatMessage.value_or(QString())) << '\n';
    }
}

void printRunAsText(const StoredRun &run, std::ostream &out)
{
    if (run.kind == RunKind::Listen) {
        printCaughtAsText(run, out);
        return;
    }
    if (run.kind == RunKind::Tool) {
        printToolCallAsText(run, out);
        return;
    }
    const RunSettings &settings = run.settings;
    const bool setup = run.kind == RunKind::Setup;
    out << printable(QStringLiteral("run %1: %2 of '%3' (%4), started %5")
               .arg(run.id)
               .arg(
                   RunKinds::name(run.kind), run.info.pluginName, run.info.pluginId,
                   run.info.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))))
        << '\n'
        << printable(setup ? QStringLiteral("GET ") + AppUrls::setupCheck(settings.url, settings.uid)
                           : QStringLiteral("POST ") + AppUrls::webhook(settings.url, settings.uid))
        << '\n'
        << printable(settingsLine(run)) << '\n';

    const int planned = int(std::max(run.records.size(), settings.batches.size()));
    const RunProgressPrinter printer(out, std::max(planned, 1), false);
    if (run.records.isEmpty())
        out << "no request was sent\n";
    for (const RunRecord &record : run.records) {
        if (setup)
            printer.printSetupCheck(
                record, SetupVerdict{record.verdict.kind == ResponseVerdict::Kind::Silent,
                                     record.verdict.reason});
        else
            printer.printRecord(record);
    }
    const RunAcceptance acceptance =
        setup && !run.records.isEmpty()
            ? RunAcceptance::evaluateSetupCheck(
                  run.records.first(),
                  SetupVerdict{run.records.first().verdict.kind == ResponseVerdict::Kind::Silent,
                               run.records.first().verdict.reason},
                  settings.thresholds)
            : RunAcceptance::evaluate(run.records, settings.thresholds);
    printer.printSummary(RunSummary::of(run.records), acceptance);
}

} // namespace

int runRunsShow(const QStringList &arguments, const CliIo &io)
{
    const std::string usage = runsUsage();
    OptionParser parser(usage);
    parser.addTextOrJsonFormat();
    if (const auto exit = parser.parse(arguments, io, 1, 1))
        return *exit;
    const std::optional<bool> json = parser.jsonFormat(io);
    if (!json)
        return kUsageError;
    RunHistory history;
    const std::optional<StoredRun> run = loadRun(parser.positional().first(), history, io);
    if (!run)
        return kUsageError;
    if (*json)
        io.out << run->report;
    else
        printRunAsText(*run, io.out);
    return kSuccess;
}

int runRunsExport(const QStringList &arguments, const CliIo &io)
{
    const std::string usage = runsUsage();
    OptionParser parser(usage);
    parser.addOption({QStringLiteral("har"), QStringLiteral("HAR file."), QStringLiteral("FILE")});
    parser.addOption(
        {QStringLiteral("report"), QStringLiteral("JSON report."), QStringLiteral("FILE")});
    parser.addOption(
        {QStringLiteral("junit"), QStringLiteral("JUnit XML."), QStringLiteral("FILE")});
    if (const auto exit = parser.parse(arguments, io, 1, 1))
        return *exit;
    const QString har = parser.value(QStringLiteral("har"));
    const QString report = parser.value(QStringLiteral("report"));
    const QString junit = parser.value(QStringLiteral("junit"));
    if (har.isEmpty() && report.isEmpty() && junit.isEmpty()) {
        io.err << usage;
        return io.fail("export to what? give --har FILE, --report FILE or --junit FILE");
    }
    RunHistory history;
    const std::optional<StoredRun> run = loadRun(parser.positional().first(), history, io);
    if (!run)
        return kUsageError;
    bool written = true;
    if (!report.isEmpty())
        written &= reportWritten(TextFile::writeAtomically(report, run->report), "JSON report", io);
    if (!har.isEmpty())
        written &= reportWritten(HarWriter::write(har, run->records, run->info), "HAR file", io);
    if (!junit.isEmpty())
        written &= reportWritten(JUnitReportWriter::write(junit, run->records, run->info),
                                 "JUnit report", io);
    return written ? kSuccess : kFailed;
}

} // namespace studio::cli
