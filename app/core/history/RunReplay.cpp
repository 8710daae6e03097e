#include "RunReplay.h"

namespace studio {

SimulationPlan RunReplay::plan(const StoredRun &run)
{
    const RunSettings &settings = run.settings;
    SimulationPlan plan;
    plan.plugin = settings.plugin;
    plan.trigger = run.kind == RunKind::Transcript ? AppTrigger::TranscriptProcessed
                   : run.kind == RunKind::Audio    ? AppTrigger::AudioBytes
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
    plan.sampleRate = settings.sampleRate;
    plan.chunkSeconds = settings.chunkSeconds;
    for (const RunRecord &record : run.records) {
        plan.recordedBodies.insert(record.index, record.result.request.body);
        // The audio itself is kept only as the chunks' bodies, dropped ones included.
        if (run.kind == RunKind::Audio)
            plan.chunks.append({record.result.request.body, record.windowStart, record.windowEnd});
    }
    return plan;
}

} // namespace studio
