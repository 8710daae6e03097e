#pragma once

#include "simulation/engine/TransportOptions.h"
#include "simulation/payload/PayloadProfile.h"

#include <QString>

namespace studio {

// Where and as whom the simulator calls the open plugin, and how it signs. An empty override
// means the manifest's webhook_url; an empty session id means the uid, as the backend sends
// it.
struct SimulationTarget
{
    static constexpr int kAppTimeoutMs = 30'000;
    static constexpr int kDefaultMaxTimeMs = TransportOptions::kDefaultMaxTimeMs;

    QString urlOverride;
    QString uid;
    QString sessionId;
    bool freshSessionPerRun = false; // a new uuid each run, so a plugin starts clean
    PayloadProfile profile = PayloadProfile::Backend;
    int timeoutMs = kAppTimeoutMs;
    int maxTimeMs = kDefaultMaxTimeMs; // the studio's bound on a whole request; the app has none
    // The app's signing secret (apps-2026): requests go signed; empty: unsigned. Kept in the
    // settings, per plugin, only when rememberSecret.
    QString signingSecret;
    bool rememberSecret = false;

    bool operator==(const SimulationTarget &) const = default;
};

} // namespace studio
