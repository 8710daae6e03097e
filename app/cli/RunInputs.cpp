#include "RunInputs.h"

#include "simulation/judge/AppTriggerRules.h"
#include "transcript/TranscriptLoader.h"

namespace studio::cli {

void warnLoadIssues(const QString &source, const QList<LoadIssue> &warnings,
                    const RunOptions &options, const CliIo &io)
{
    if (options.quiet)
        return;
    for (const LoadIssue &warning : warnings)
        io.err << "plugin-studio: warning: " << printable(source + u": " + warning.toString())
               << '\n';
}

std::optional<SelectedPlugin> pluginFor(AppTrigger trigger, const RunOptions &options,
                                        const CliIo &io)
{
    std::optional<SelectedPlugin> selected =
        SelectedPlugin::load(options.manifest, options.entry, io);
    if (!selected)
        return std::nullopt;
    PluginUnderTest &plugin = selected->plugin;
    if (!options.url.isEmpty())
        plugin.webhookUrl = options.url;
    if (plugin.deleted)
        return selected;
    const std::optional<QString> reason = AppTriggerRules::pluginSkipReason(plugin, trigger);
    if (!reason)
        return selected;
    std::string hint;
    const std::optional<AppTrigger> declared = PluginUnderTest::triggerFromName(plugin.triggersOn);
    if (declared && *declared != trigger)
        hint = *declared == AppTrigger::MemoryCreation ? "; use 'plugin-studio simulate memory'"
               : *declared == AppTrigger::AudioBytes   ? "; use 'plugin-studio simulate audio'"
                                                     : "; use 'plugin-studio simulate transcript'";
    else if (plugin.webhookUrl.trimmed().isEmpty())
        hint = " (or give --url)";
    io.fail(selected->display + ": " + reason->toStdString() + hint);
    return std::nullopt;
}

std::optional<QList<TranscriptSegment>> loadTranscript(const QString &path,
                                                       const QString &userSpeaker,
                                                       const RunOptions &options, const CliIo &io)
{
    TranscriptLoadOptions loadOptions;
    loadOptions.userSpeaker = userSpeaker;
    const TranscriptLoadResult loaded = TranscriptLoader::loadFile(path, loadOptions);
    if (!loaded.ok()) {
        io.fail(path.toStdString() + ": " + loaded.error->toString().toStdString());
        return std::nullopt;
    }
    warnLoadIssues(path, loaded.warnings, options, io);
    if (loaded.segments.isEmpty()) {
        io.fail(path.toStdString() + ": the transcript has no segment to send");
        return std::nullopt;
    }
    return loaded.segments;
}

} // namespace studio::cli
