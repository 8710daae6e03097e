#pragma once

#include "CliIo.h"
#include "DocumentInput.h"
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
// A command's usage text with kContractHelp put before its "-h, --help" line.
std::string usageWithContract(std::string_view usage);

// The document the command's positional argument names and the contract it is read under:
// --contract, else told by the document. Prints why and returns nullopt on a usage error or
// an unreadable file.
struct ContractDocument
{
    DocumentInput input;
    const Contract *contract = nullptr;
};
std::optional<ContractDocument> loadUnderContract(const OptionParser &parser, const CliIo &io);

} // namespace studio::cli
