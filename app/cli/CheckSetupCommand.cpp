#include "Commands.h"
#include "OptionParser.h"
#include "RunConclusion.h"
#include "RunOptions.h"
#include "RunProgressPrinter.h"
#include "SelectedPlugin.h"
#include "http/HttpClient.h"
#include "simulation/engine/SetupCheckRun.h"
#include "simulation/payload/AppUrls.h"

#include <QEventLoop>

namespace studio::cli {

namespace {

constexpr std::string_view kSynopsis =
    "Usage: plugin-studio check-setup --manifest FILE [--entry ID] [--url URL] [--uid UID]\n"
    "common: [--timeout S] [--report FILE.json] [--har FILE] [--junit FILE] [--max-p95 MS]\n"
    "        [--ca-file FILE] [--insecure] [--quiet]\n\n"
    "Asks the plugin whether a user finished its setup, as the app does before enabling it:\n"
    "GET <setup_completed_url>?uid=<uid> (--url replaces the manifest's setup_completed_url).\n"
    "The app enables the plugin only on status 200 with {\"is_setup_completed\": true};\n"
    "anything else refuses with \"Plugin setup is not completed\". A plugin without a\n"
    "setup_completed_url needs no setup: nothing is sent.\n\n";

constexpr std::string_view kExitStatus =
    "\nExit status: 0 the app would enable the plugin (or it needs no setup), 1 it would\n"
    "refuse, 2 usage error or unreadable input.\n";

std::string usageText()
{
    return std::string(kSynopsis) + RunOptions::kHelp + std::string(kExitStatus);
}

} // namespace

int runCheckSetup(const QStringList &arguments, const CliIo &io)
{
    const std::string usage = usageText();
    OptionParser parser(usage);
    RunOptions::addTo(parser);
    if (const auto exit = parser.parse(arguments, io, 0, 0))
        return *exit;
    const std::optional<RunOptions> options = RunOptions::read(parser, io);
    if (!options)
        return kUsageError;
    const std::optional<SelectedPlugin> selected =
        SelectedPlugin::load(options->manifest, options->entry, io);
    if (!selected)
        return kUsageError;
    const PluginUnderTest &plugin = selected->plugin;
    const RunProgressPrinter printer(io.err, 1, options->quiet);

    if (plugin.deleted) {
        printer.printSkipped(
            0, QStringLiteral("setup check"),
            QStringLiteral("the plugin is marked deleted: the app hides it, no user "
                           "can enable it; nothing sent"));
        return concludeRun(*options, {}, {}, RunAcceptance{}, printer, io);
    }
    const QString url =
        options->url.isEmpty() ? plugin.setupCompletedUrl.value_or(QString()) : options->url;
    if (url.trimmed().isEmpty()) {
        printer.printSkipped(
            0, QStringLiteral("setup check"),
            QStringLiteral("setup_completed_url is null or absent: the plugin needs no "
                           "setup and the app enables it at once; nothing sent"));
        return concludeRun(*options, {}, {}, RunAcceptance{}, printer, io);
    }

    HttpClient client;
    SetupCheckRun check(plugin, url, options->uid, options->transport, &client);
    if (!options->quiet)
        io.err << "checking the setup of '" << plugin.name.toStdString() << "', "
               << selected->display << ": GET "
               << AppUrls::setupCheck(url, options->uid).toStdString() << '\n';
    QEventLoop loop;
    QObject::connect(&check, &SetupCheckRun::finished, &loop, &QEventLoop::quit);
    check.start();
    if (!check.isFinished())
        loop.exec();
    printer.printSetupCheck(check.record(), check.verdict());
    return concludeRun(
        *options, {check.record()}, check.runInfo(),
        RunAcceptance::evaluateSetupCheck(check.record(), check.verdict(), options->thresholds),
        printer, io);
}

} // namespace studio::cli
