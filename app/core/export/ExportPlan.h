#pragma once

#include "DiffBase.h"
#include "ExportRequest.h"
#include "SubmissionFiles.h"
#include "UnifiedDiff.h"
#include "WordDiff.h"
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
// back, and the files the pull request must contain. Reads the index and asks git for the
// base, so prepare it off the GUI thread.
struct ExportPlan
{
    std::string entryId;
    std::string submissionJson;
    std::vector<ExportBlocker> errors; // the entry's errors: export only if the user insists
    std::size_t warningCount = 0;

    // The index update, when the request names an index.
    std::optional<QString> indexPath;
    std::string indexRepositoryPath; // "/community-plugins.json"
    std::string indexOriginal;       // the bytes on disk the patch was computed from
    std::string indexPatched;
    std::string indexProblem; // why the index cannot be updated (unreadable, id taken ...)
    IndexSplice::Action indexAction = IndexSplice::Action::Inserted;
    std::size_t entryIndex = 0;
    // The pull request's view: the patched index against the base (the git base, else the
    // index as opened, else the file on disk), and the changed words of its changed lines.
    DiffBase base;
    UnifiedDiff diff;
    std::vector<DiffLineMarks> wordMarks;

    std::vector<SubmissionFile> files;

    bool hasErrors() const { return !errors.empty(); }
    bool canPatchIndex() const { return indexPath.has_value() && indexProblem.empty(); }
    // The index on disk already holds the entry byte for byte: updating it would change
    // nothing (the diff against the base may still show it, as the pull request will).
    bool indexUpToDate() const { return canPatchIndex() && indexPatched == indexOriginal; }

    static ExportPlan prepare(const ExportRequest &request);
};

} // namespace studio
