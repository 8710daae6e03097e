#pragma once

#include "CliIo.h"
#include "RunOptions.h"
#include "SelectedPlugin.h"
#include "transcript/LoadIssue.h"
#include "transcript/TranscriptSegment.h"

#include <QList>
#include <QString>

#include <optional>

namespace studio::cli {

// What simulate and load read before a run: the plugin the app would call for an event, and
// the conversation to replay.

// Prints a loader's warnings about `source` (not with --quiet).
void warnLoadIssues(const QString &source, const QList<LoadIssue> &warnings,
                    const RunOptions &options, const CliIo &io);

// The plugin with the --url override applied. A plugin the app never calls for this event
// (another trigger, no external_integration capability, no URL) is a usage error saying
// why; a deleted one passes, and the run reports that the app sends it nothing.
std::optional<SelectedPlugin> pluginFor(AppTrigger trigger, const RunOptions &options,
                                        const CliIo &io);

// A transcript (JSON, SRT or WebVTT) with at least one segment; prints why and returns
// nullopt when it cannot be used.
std::optional<QList<TranscriptSegment>> loadTranscript(const QString &path,
                                                       const QString &userSpeaker,
                                                       const RunOptions &options, const CliIo &io);

} // namespace studio::cli
