#pragma once

#include "DiffBase.h"
#include "diagnostics/ValidationReport.h"
#include "json/JsonParser.h"

#include <QString>

#include <optional>

namespace studio {

// What an export starts from: the entry as the document holds it, where it goes, and what
// the validator found in it.
struct ExportRequest
{
    Json entry;                       // the entry as the document holds it
    std::optional<QString> indexPath; // the community-plugins.json to update, if any
    QString repositoryRoot;           // empty when the entry is not in a plugin repository
    ValidationReport report;          // diagnostics of the entry
    DiffBaseRequest base;             // what the index diff is made against
};

} // namespace studio
