#pragma once

#include "CliIo.h"
#include "DocumentInput.h"
#include "diagnostics/ValidationReport.h"

#include <optional>
#include <string>
#include <vector>

namespace studio::cli {

// `validate --changed`: the report cut down to the entries the pull request adds or changes,
// against the base git finds for the index (the one export compares with).
struct ChangedOnly
{
    ValidationReport report;
    std::vector<std::string> ids;
};

// Says on stderr which entries were kept and against what; nothing (after saying why) when
// the document is not an index or git cannot tell the base: `validate` then exits 2 rather
// than judge a pull request by every entry of the index.
std::optional<ChangedOnly> keepChangedEntries(const ValidationReport &report,
                                              const DocumentInput &input, const CliIo &io);

} // namespace studio::cli
