#pragma once

#include "CliIo.h"
#include "OptionParser.h"
#include "contract/Contract.h"

#include <QString>

#include <optional>

namespace studio::cli {

// --signing-secret SECRET: the app's signing secret, for the commands that send webhooks
// (simulate memory|transcript, runs rerun).
void addSigningSecretOption(OptionParser &parser);
// The secret given (empty when none); nullopt, having said why, when it is empty or the
// contract's app never signed. Warns (unless quiet) about a secret without the whsec_ prefix.
std::optional<QString> signingSecretFor(const OptionParser &parser, const Contract &contract,
                                        bool quiet, const CliIo &io);

} // namespace studio::cli
