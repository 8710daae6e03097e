#pragma once

#include "LoadPlan.h"
#include "contract/Submission.h"

#include <optional>
#include <vector>

namespace studio {

// A load plan as an Artillery test (npm `artillery`), to send the same load from other
// machines (Artillery's cloud runners): the same users (uid and session each), the same
// schedule (each user's start on the ramp, each request at its offset in the round, rounds
// again until the duration) and the same bytes in each body.
//
// The folder holds scenario.yml (one arrivalCount phase: Artillery runs it on one worker, so
// its virtual users arrive in order and become users 1..N), load-plan.js (the processor:
// which user a virtual user is, when each request is due on the run's clock, its body),
// plan.json (the users, offsets and bodies the processor reads) and README.md.
class ArtilleryExport
{
public:
    static constexpr const char *kScenarioFile = "scenario.yml";

    // Why Artillery cannot send what the plan sends, in words; nullopt when it can.
    static std::optional<QString> problem(const LoadPlan &plan);
    // The files, in the order to write them (the scenario last). The plan has no problem().
    static std::vector<OutputFile> files(const LoadPlan &plan);
};

} // namespace studio
