#pragma once

#include "history/StoredRun.h"
#include "simulation/engine/SimulationPlan.h"
#include "simulation/report/RunRecord.h"

namespace studio {

// The plan that sends one request of a kept run again, byte for byte: for a memory run,
// the run's own plan (it has one request); for a transcript, a plan of that one batch,
// sent at once, carrying the body it carried the first time.
class ResendPlan
{
public:
    static SimulationPlan of(const StoredRun &run, const RunRecord &record);
};

} // namespace studio
