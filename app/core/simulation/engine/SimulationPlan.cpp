#include "SimulationPlan.h"

#include "simulation/judge/AppTriggerRules.h"
#include "transcript/TranscriptBatcher.h"

namespace studio {

SimulationPlan SimulationPlan::forMemory(const PluginUnderTest &plugin, const Memory &memory,
                                         PayloadProfile profile)
{
    SimulationPlan plan;
    plan.plugin = plugin;
    plan.trigger = AppTrigger::MemoryCreation;
    plan.webhookUrl = plugin.webhookUrl;
    plan.memory = memory;
    plan.profile = profile;
    return plan;
}

SimulationPlan SimulationPlan::forTranscript(const PluginUnderTest &plugin,
                                             const QList<TranscriptSegment> &segments,
                                             const BatchingOptions &batching,
                                             const ReplaySpeed &speed)
{
    SimulationPlan plan;
    plan.plugin = plugin;
    plan.trigger = AppTrigger::TranscriptProcessed;
    plan.webhookUrl = plugin.webhookUrl;
    plan.batches = TranscriptBatcher::cut(segments, batching);
    plan.batching = batching;
    plan.speed = speed;
    return plan;
}

SimulationPlan SimulationPlan::forAudio(const PluginUnderTest &plugin, const PcmAudio &audio,
                                        double chunkSeconds, const ReplaySpeed &speed)
{
    SimulationPlan plan;
    plan.plugin = plugin;
    plan.trigger = AppTrigger::AudioBytes;
    plan.webhookUrl = plugin.webhookUrl;
    plan.sampleRate = audio.sampleRate;
    plan.chunkSeconds = chunkSeconds;
    plan.chunks = AudioChunker::cut(audio, chunkSeconds);
    plan.speed = speed;
    return plan;
}

void SimulationPlan::useContract(const Contract &wanted, bool keepBatching)
{
    contract = &wanted;
    const TransportOptions app = TransportOptions::of(wanted);
    transport.timeoutMs = app.timeoutMs;
    transport.connectTimeoutMs = app.connectTimeoutMs;
    transport.reuseConnection = app.reuseConnection;
    if (keepBatching || trigger != AppTrigger::TranscriptProcessed)
        return;
    QList<TranscriptSegment> segments;
    for (const TranscriptBatch &batch : std::as_const(batches))
        segments += batch.segments;
    batching = wanted.transcriptBatching();
    batches = TranscriptBatcher::cut(segments, batching);
}

QString SimulationPlan::audioChunking() const
{
    return QStringLiteral("%1 s chunks at %2 Hz")
        .arg(QString::number(chunkSeconds, 'g', 6))
        .arg(sampleRate);
}

int SimulationPlan::requestCount() const
{
    if (trigger == AppTrigger::MemoryCreation)
        return memory ? 1 : 0;
    if (trigger == AppTrigger::AudioBytes)
        return int(chunks.size());
    return int(batches.size());
}

double SimulationPlan::sendAtSeconds(int index) const
{
    if (trigger == AppTrigger::MemoryCreation || index < 0 || index >= requestCount())
        return 0;
    // A chunk is due once its audio has been spoken.
    if (trigger == AppTrigger::AudioBytes)
        return chunks.at(index).end;
    return batches.at(index).sendAt;
}

double SimulationPlan::windowStartSeconds(int index) const
{
    if (trigger == AppTrigger::MemoryCreation || index < 0 || index >= requestCount())
        return 0;
    if (trigger == AppTrigger::AudioBytes)
        return chunks.at(index).start;
    return batches.at(index).windowStart;
}

SimulationPlan SimulationPlan::restarted() const
{
    SimulationPlan plan = *this;
    plan.sessionId = restartedSessionId();
    return plan;
}

TranscriptBatch SimulationPlan::batchInSession(int index, double sessionStartSeconds) const
{
    TranscriptBatch batch = batches.at(index);
    for (TranscriptSegment &segment : batch.segments) {
        segment.start -= sessionStartSeconds;
        segment.end -= sessionStartSeconds;
    }
    return batch;
}

std::optional<QString> SimulationPlan::appSkipReason() const
{
    if (plugin.deleted)
        return AppTriggerRules::pluginSkipReason(plugin, trigger);
    if (trigger == AppTrigger::MemoryCreation && memory)
        return AppTriggerRules::memorySkipReason(*memory);
    return std::nullopt;
}

} // namespace studio
