#pragma once

#include "CliIo.h"
#include "OptionParser.h"
#include "contract/Contract.h"

#include <optional>

namespace studio::cli {

// --contract plugins-2024|apps-2026, which every command that reads a plugin takes.
void addContractOption(OptionParser &parser);
// The contract the user named, or none to detect it from the document; prints why and sets
// *usageError on an unknown name.
const Contract *namedContract(const OptionParser &parser, const CliIo &io, bool *usageError);
// The named contract, else the one the document looks like.
const Contract &contractFor(const Contract *named, const JsonParseResult &document);

extern const char *const kContractHelp;

} // namespace studio::cli
