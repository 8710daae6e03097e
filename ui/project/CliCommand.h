#pragma once

#include <QString>

namespace studio {

struct DocumentSource;
struct PluginManifest;

// The plugin-studio commands that check or call the open plugin from a terminal: the
// saved file, paths absolute and quoted for a POSIX shell, ready to paste.
class CliCommand
{
public:
    // `plugin-studio validate FILE [--repo DIR]`; empty for a document without a file.
    static QString validate(const DocumentSource &source);
    // `plugin-studio simulate memory|transcript --manifest FILE [--entry ID] ...`, by the
    // trigger the manifest declares; a transcript plugin replays `sampleTranscript`. Empty
    // when the plugin has no webhook trigger the command runs, or no saved file.
    static QString simulate(const DocumentSource &source, const PluginManifest &manifest,
                            const QString &sampleTranscript);

    // "plugin-studio" when that runs this very program, else its absolute path.
    static QString program();
    // The argument as a POSIX shell reads it back unchanged.
    static QString quoted(const QString &argument);
};

} // namespace studio
