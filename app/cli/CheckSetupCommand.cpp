#include "Commands.h"
#include "OptionParser.h"
#include "RunOptions.h"
#include "SelectedPlugin.h"
#include "SetupCheckExecution.h"

namespace studio::cli {

namespace {

constexpr std::string_view kSynopsis =
    "Usage: plugin-studio check-setup --manifest FILE [--entry ID] [--url URL] [--uid UID]\n"
    "common: [--timeout S] [--max-time S] [--report FILE.json] [--har FILE] [--junit FILE]\n"
    "        [--max-p95 MS] [--ca-file FILE] [--insecure] [--quiet] [--no-history]\n\n"
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
    const QString url =
        options->url.isEmpty() ? plugin.setupCompletedUrl.value_or(QString()) : options->url;
    RunOptions applied = *options;
    applied.contract = &options->contractOf(*selected->contract);
    return executeSetupCheck(plugin, url, applied, selected->display, io);
}

} // namespace studio::cli
