#pragma once

#include "CliIo.h"
#include "OptionParser.h"
#include "simulation/engine/SimulationPlan.h"
#include "simulation/report/RunSummary.h"

#include <QString>

#include <optional>

namespace studio::cli {

// --faults SPEC and --seed S, shared by simulate and load.
struct FaultOptions
{
    static const char *const kHelp;

    FaultPlan plan;
    std::optional<quint32> seed; // --seed; none: the command draws one and prints it

    static void addTo(OptionParser &parser);
    // Prints why and returns nullopt on a usage error.
    static std::optional<FaultOptions> read(const OptionParser &parser, const CliIo &io);
    // Puts the faults on the plan, drawn from the seed (or a random one); false, after saying
    // why, when they cannot apply to what it sends.
    bool applyTo(SimulationPlan &plan, const CliIo &io) const;
};

// How the plugin coped with the faults, in one line ("faults (duplicate:0.5, seed 3): ...");
// empty when none were injected.
QString copingWithFaults(const RunSummary &summary, const QString &faults, quint64 seed);

} // namespace studio::cli
