#pragma once

#include "JudgeRules.h"
#include "PluginUnderTest.h"
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
    qint64 nowMs = 0; // the run's clock, when the app judges the answer
    // The proactive rate limit at nowMs: when the app would next notify, or none when it
    // would now. The judge only reads it; the run keeps the limiter (RateLimitedJudge).
    std::optional<qint64> proactiveBlockedUntil;
    SimulatedUser user;
    JudgeRules rules; // the contract's: what the app does differs between contracts
    // What the app's model would write for a proactive prompt. Unknown by default: the
    // notification then says the model writes it and the 5-character rule cannot be judged.
    std::optional<QString> generatedMessage;
};

} // namespace studio
