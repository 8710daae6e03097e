#pragma once

#include "ExportRequest.h"
#include "SubmissionFiles.h"
#include "UnifiedDiff.h"
#include "edit/IndexSplicer.h"

#include <optional>
#include <string>
#include <vector>

namespace studio {

// A validation error that holds the export back until the user insists.
struct ExportBlocker
{
    std::string code; // "PS012"
    std::string message;
    int line = 0; // in the edited document; 0 when unknown
};

// Everything an export shows and does, worked out from an ExportRequest without touching
// any widget: the submission text, the index patch and its diff, what holds the export
// back, and the files the pull request must contain. Reads the index, so prepare it off
// the GUI thread.
struct ExportPlan
{
    std::string entryId;
    std::string submissionJson;
    std::vector<ExportBlocker> errors; // the entry's errors: export only if the user insists
    std::size_t warningCount = 0;

    // The index update, when the request names an index.
    std::optional<QString> indexPath;
    std::string indexRepositoryPath; // "/community-plugins.json"
    std::string indexOriginal;       // the bytes the patch was computed from
    std::string indexPatched;
    std::string indexProblem; // why the index cannot be updated (unreadable, id taken ...)
    IndexSplice::Action indexAction = IndexSplice::Action::Inserted;
    std::size_t entryIndex = 0;
    UnifiedDiff diff;

    std::vector<SubmissionFile> files;

    bool hasErrors() const { return !errors.empty(); }
    bool canPatchIndex() const { return indexPath.has_value() && indexProblem.empty(); }
    // The index already holds the entry byte for byte: updating it would change nothing.
    bool indexUpToDate() const { return canPatchIndex() && diff.isEmpty(); }

    static ExportPlan prepare(const ExportRequest &request);
};

} // namespace studio
