#pragma once

#include "StoredRun.h"
#include "simulation/engine/SimulationPlan.h"

namespace studio {

// Builds the plan of a kept simulation again, for a rerun: the same plugin, target and
// settings, the same batches on the same schedule (at the speed the run had), and the very
// bytes each request carried, so the plugin receives what it received the first time.
// A batch the first run did not send (skipped by a seek or a stop) is built again from the
// stored batch. Setup checks have no plan: rerun them from settings.url.
class RunReplay
{
public:
    static SimulationPlan plan(const StoredRun &run);
};

} // namespace studio
