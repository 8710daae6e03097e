#pragma once

#include "simulation/engine/ReplaySpeed.h"
#include "simulation/engine/RunThresholds.h"
#include "simulation/engine/SimulationPlan.h"
#include "simulation/engine/TransportOptions.h"
#include "simulation/judge/PluginUnderTest.h"
#include "simulation/judge/SimulatedUser.h"
#include "simulation/payload/Memory.h"
#include "simulation/payload/PayloadProfile.h"
#include "transcript/BatchingOptions.h"
#include "transcript/TranscriptBatch.h"

#include <QList>
#include <QString>

#include <optional>

namespace studio {

// How a run was set up: the plan's plugin, target and settings, so that a rerun can build
// the same plan again (see RunReplay). A setup check uses only plugin, url, uid, transport
// and thresholds.
struct RunSettings
{
    PluginUnderTest plugin;
    QString url; // the target before the app appends the uid: webhook or setup URL
    QString uid;
    QString sessionId; // empty: the uid, as the backend sends it
    PayloadProfile profile = PayloadProfile::Backend;
    BatchingOptions batching;
    ReplaySpeed speed;
    TransportOptions transport;
    SimulatedUser user;
    RunThresholds thresholds;
    QString source;                 // the memory or transcript file
    std::optional<Memory> memory;   // memory runs
    QList<TranscriptBatch> batches; // transcript runs: every batch with its schedule
    // audio runs (their chunks are the records' request bodies)
    int sampleRate = 0;
    double chunkSeconds = 0;

    static RunSettings ofPlan(const SimulationPlan &plan, const RunThresholds &thresholds);
    static RunSettings ofSetupCheck(const PluginUnderTest &plugin, const QString &url,
                                    const QString &uid, const TransportOptions &transport,
                                    const RunThresholds &thresholds);
};

} // namespace studio
