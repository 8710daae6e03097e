#pragma once

#include "CliIo.h"
#include "OptionParser.h"
#include "simulation/engine/RunAcceptance.h"
#include "simulation/engine/SimulationPlan.h"

#include <QString>

#include <optional>

namespace studio::cli {

// The options simulate memory, simulate transcript and check-setup share: which plugin,
// where and as whom it is called, how requests travel, which reports to write and when the
// run fails. load takes them too, and refuses those a load run has no use for (--uid, --har,
// --no-history).
struct RunOptions
{
    QString manifest;
    QString entry;
    QString url; // overrides the manifest's URL (the uid is still appended)
    QString uid;
    const Contract *contract = nullptr; // --contract; none: the document's
    // What the user set of the transport; the rest is the contract's (transportFor).
    TransportOptions transport;
    bool timeoutSet = false;
    QString reportPath; // JSON report
    QString harPath;
    QString junitPath;
    RunThresholds thresholds;
    bool quiet = false;
    bool noHistory = false; // keep the run out of the run history

    // The help text of the shared options, for the commands' usage texts.
    static const char *const kHelp;

    static void addTo(OptionParser &parser);
    // Reads and checks the shared options; prints why and returns nullopt on a usage error.
    static std::optional<RunOptions> read(const OptionParser &parser, const CliIo &io);

    // The contract that applies to the selected plugin, and the transport under it.
    const Contract &contractOf(const Contract &detected) const
    {
        return contract ? *contract : detected;
    }
    TransportOptions transportFor(const Contract &contract) const;
};

} // namespace studio::cli
