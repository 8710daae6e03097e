#pragma once

#include "ReplaySpeed.h"
#include "TransportOptions.h"
#include "audio/AudioChunker.h"
#include "contract/Contract.h"
#include "simulation/faults/FaultPlan.h"
#include "simulation/judge/PluginUnderTest.h"
#include "simulation/judge/SimulatedUser.h"
#include "simulation/payload/Memory.h"
#include "simulation/payload/PayloadProfile.h"
#include "transcript/BatchingOptions.h"
#include "transcript/TranscriptBatch.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace studio {

// Everything a simulation run needs: which plugin, where it is reached, as which user, and
// what the app sends it (one memory, or the batches of a transcript).
struct SimulationPlan
{
    // The uid the studio sends unless told otherwise: recognisable in a plugin's logs and
    // never a real user's.
    static constexpr const char *kDefaultUid = "plugin-studio-test-uid";

    // The app of which time: what it sends, how, and what it does with the answer.
    const Contract *contract = &Contract::plugins2024();
    PluginUnderTest plugin;
    AppTrigger trigger = AppTrigger::MemoryCreation;
    QString webhookUrl; // before the app appends the uid: the manifest's, or an override
    QString uid = QString::fromLatin1(kDefaultUid);
    QString sessionId; // transcript_processed; empty: the uid, as the backend sends it

    // memory_creation
    std::optional<Memory> memory;
    PayloadProfile profile = PayloadProfile::Backend;

    // transcript_processed
    QList<TranscriptBatch> batches;
    BatchingOptions batching;

    // audio_bytes: the recording cut as the app's buffer cuts it, at its sample rate
    int sampleRate = 0;
    double chunkSeconds = AudioChunker::kBackendChunkSeconds;
    QList<AudioChunk> chunks;

    ReplaySpeed speed;
    TransportOptions transport;
    // The app's signing secret (whsec_...): each webhook is signed under the contract
    // (X-Omi-Signature, X-Omi-Event, X-Omi-Delivery). Empty: unsigned, as without a secret.
    QString signingSecret;
    SimulatedUser user;
    QString source; // the memory or transcript file, for reports

    // A rerun from the history: the exact body each request carried the first time, by
    // request index. Those requests send these bytes instead of building the body again.
    QHash<int, QByteArray> recordedBodies;

    // Faults the app produces on the way (see FaultSchedule), drawn from faultSeed.
    FaultPlan faults;
    quint64 faultSeed = 0;

    static SimulationPlan forMemory(const PluginUnderTest &plugin, const Memory &memory,
                                    PayloadProfile profile = PayloadProfile::Backend);
    static SimulationPlan forTranscript(const PluginUnderTest &plugin,
                                        const QList<TranscriptSegment> &segments,
                                        const BatchingOptions &batching = {},
                                        const ReplaySpeed &speed = {});

    static SimulationPlan forAudio(const PluginUnderTest &plugin, const PcmAudio &audio,
                                   double chunkSeconds = AudioChunker::kBackendChunkSeconds,
                                   const ReplaySpeed &speed = {});

    // Takes the contract's transport and, unless `keepBatching`, its transcript cadence
    // (cutting the batches again).
    void useContract(const Contract &contract, bool keepBatching = false);

    // audio_bytes: how the recording is cut, "4 s chunks at 16000 Hz".
    QString audioChunking() const;

    QString effectiveSessionId() const { return sessionId.isEmpty() ? uid : sessionId; }
    // The session the app starts when it restarts one mid-conversation (the restart fault).
    QString restartedSessionId() const { return effectiveSessionId() + QStringLiteral("-restart"); }
    // Requests the run makes: one for a memory, one per batch for a transcript, one per
    // chunk of audio.
    int requestCount() const;
    // When request `index` is due, in conversation seconds: a batch's send time, the end of an
    // audio chunk, 0 for a memory.
    double sendAtSeconds(int index) const;
    // Where request `index` starts in the conversation.
    double windowStartSeconds(int index) const;
    // The plan for a request sent in the restarted session (the restart fault).
    SimulationPlan restarted() const;
    // Request `index`'s batch as the app sends it in a session begun at `sessionStartSeconds`:
    // its segments' times count from there.
    TranscriptBatch batchInSession(int index, double sessionStartSeconds) const;
    // Why the app would call nothing at all: a deleted plugin, a discarded memory. A plan
    // for the wrong trigger is refused earlier, by whoever builds it.
    std::optional<QString> appSkipReason() const;
};

} // namespace studio
