#include "SetupCheckExecution.h"

#include "HistoryKeeping.h"
#include "RunConclusion.h"
#include "RunProgressPrinter.h"
#include "http/HttpClient.h"
#include "simulation/engine/SetupCheckRun.h"

#include <QEventLoop>

namespace studio::cli {

namespace {

// A check that sends nothing is a run too: the history shows it was tried and why not.
int concludeSkipped(const PluginUnderTest &plugin, const QString &url, const RunOptions &options,
                    const RunProgressPrinter &printer, const QString &reason, const CliIo &io)
{
    printer.printSkipped(0, QStringLiteral("setup check"), reason);
    RunInfo info;
    info.contract = QString::fromLatin1(options.contractOf(Contract::plugins2024()).name());
    info.pluginId = plugin.id;
    info.pluginName = plugin.name;
    info.trigger = QString::fromLatin1(SetupCheckRun::kTriggerName);
    info.uid = options.uid;
    info.source = url;
    info.startedAt = QDateTime::currentDateTimeUtc();
    const int code = concludeRun(options, {}, {}, RunAcceptance{}, printer, io);
    keepInHistory(
        StoredRun::ofSetupCheck(RunSettings::ofSetupCheck(plugin, url, options.uid,
                                                          options.transport, options.thresholds),
                                info, {}),
        options, io);
    return code;
}

} // namespace

int executeSetupCheck(const PluginUnderTest &plugin, const QString &url, const RunOptions &options,
                      const std::string &pluginDisplay, const CliIo &io)
{
    const RunProgressPrinter printer(io.err, 1, options.quiet);
    if (plugin.deleted)
        return concludeSkipped(plugin, url, options, printer,
                               QStringLiteral("the plugin is marked deleted: the app hides it, no "
                                              "user can enable it; nothing sent"),
                               io);
    if (url.trimmed().isEmpty())
        return concludeSkipped(
            plugin, url, options, printer,
            QStringLiteral("setup_completed_url is null or absent: the plugin needs no "
                           "setup and the app enables it at once; nothing sent"),
            io);

    const Contract &contract = options.contractOf(Contract::plugins2024());
    const TransportOptions transport = options.transportFor(contract);
    HttpClient client;
    SetupCheckRun check(plugin, url, options.uid, transport, &client);
    check.setContract(contract);
    if (!options.quiet)
        io.err << printable("checking the setup of '" + plugin.name.toStdString() + "', " +
                            pluginDisplay + ": GET " +
                            contract.setupCheckUrl(url, options.uid).toStdString())
               << '\n';
    QEventLoop loop;
    QObject::connect(&check, &SetupCheckRun::finished, &loop, &QEventLoop::quit);
    check.start();
    if (!check.isFinished())
        loop.exec();
    printer.printSetupCheck(check.record(), check.verdict());
    const int code = concludeRun(
        options, {check.record()}, check.runInfo(),
        RunAcceptance::evaluateSetupCheck(check.record(), check.verdict(), options.thresholds),
        printer, io);
    keepInHistory(
        StoredRun::ofSetupCheck(RunSettings::ofSetupCheck(plugin, url, options.uid, transport,
                                                          options.thresholds),
                                check.runInfo(), {check.record()}),
        options, io);
    return code;
}

} // namespace studio::cli
