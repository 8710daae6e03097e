#pragma once

#include "PluginUnderTest.h"
#include "ProactiveRateLimiter.h"
#include "SimulatedUser.h"

#include <QString>

#include <optional>

namespace studio {

// What the judge needs besides the exchange: the event, the plugin, the user, the run's clock.
struct JudgeContext
{
    AppTrigger trigger = AppTrigger::MemoryCreation;
    PluginUnderTest plugin;
    QString uid;
    qint64 nowMs = 0;                            // the run's clock, for the proactive rate limit
    ProactiveRateLimiter *rateLimiter = nullptr; // shared across a run; null: no limit
    SimulatedUser user;
    // What the app's model would write for a proactive prompt. Unknown by default: the
    // notification then says the model writes it and the 5-character rule cannot be judged.
    std::optional<QString> generatedMessage;
};

} // namespace studio
