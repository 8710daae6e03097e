#include "RunReplay.h"

namespace studio {

SimulationPlan RunReplay::plan(const StoredRun &run)
{
    const RunSettings &settings = run.settings;
    SimulationPlan plan;
    plan.plugin = settings.plugin;
    plan.trigger = run.kind == RunKind::Transcript ? AppTrigger::TranscriptProcessed
                                                   : AppTrigger::MemoryCreation;
    plan.webhookUrl = settings.url;
    plan.uid = settings.uid;
    plan.sessionId = settings.sessionId;
    plan.memory = settings.memory;
    plan.profile = settings.profile;
    plan.batches = settings.batches;
    plan.batching = settings.batching;
    plan.speed = settings.speed;
    plan.transport = settings.transport;
    if (const Contract *contract = Contract::named(run.info.contract.toStdString()))
        plan.contract = contract;
    plan.user = settings.user;
    plan.source = settings.source;
    for (const RunRecord &record : run.records)
        plan.recordedBodies.insert(record.index, record.result.request.body);
    return plan;
}

} // namespace studio
