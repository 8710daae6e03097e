#include "ResendPlan.h"

#include "history/RunReplay.h"

namespace studio {

SimulationPlan ResendPlan::of(const StoredRun &run, const RunRecord &record)
{
    SimulationPlan plan = RunReplay::plan(run);
    plan.recordedBodies.clear();
    if (plan.trigger == AppTrigger::TranscriptProcessed) {
        TranscriptBatch batch;
        for (const TranscriptBatch &candidate : std::as_const(plan.batches)) {
            if (candidate.index == record.index)
                batch = candidate;
        }
        // The only request of the new plan, due now.
        batch.index = 0;
        batch.sendAt = 0;
        plan.batches = {batch};
        plan.speed = ReplaySpeed::fast();
    } else if (plan.trigger == AppTrigger::AudioBytes) {
        // The one chunk, due now.
        plan.chunks = {{record.result.request.body, 0, 0}};
        plan.speed = ReplaySpeed::fast();
    }
    plan.recordedBodies.insert(plan.trigger == AppTrigger::MemoryCreation ? record.index : 0,
                               record.result.request.body);
    return plan;
}

} // namespace studio
