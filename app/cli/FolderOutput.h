#pragma once

#include "CliIo.h"
#include "contract/Submission.h"

#include <QStringList>

#include <optional>
#include <vector>

namespace studio::cli {

enum class ExistingFiles
{
    Refuse,  // nothing is written when any of the files exists already
    Replace, // a command's own output, written again
};

// Writes `files` into `folder` (created when missing), in order, each atomically; a copy
// onto its own source is left as it is. Returns their paths, or nullopt after printing why
// not (a refusal or a failed write: exit 1; the files written before a failure stay).
std::optional<QStringList> writeIntoFolder(const QString &folder,
                                           const std::vector<OutputFile> &files,
                                           ExistingFiles existing, const CliIo &io);

} // namespace studio::cli
