#pragma once

#include "simulation/payload/PayloadProfile.h"

#include <QString>

namespace studio {

// Where and as whom the simulator calls the open plugin. An empty override means the
// manifest's webhook_url; an empty session id means the uid, as the backend sends it.
struct SimulationTarget
{
    static constexpr int kAppTimeoutMs = 30'000;

    QString urlOverride;
    QString uid;
    QString sessionId;
    bool freshSessionPerRun = false; // a new uuid each run, so a plugin starts clean
    PayloadProfile profile = PayloadProfile::Backend;
    int timeoutMs = kAppTimeoutMs;

    bool operator==(const SimulationTarget &) const = default;
};

} // namespace studio
