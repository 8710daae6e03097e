#include "LoadPlan.h"

#include <algorithm>
#include <cmath>

namespace studio {

namespace {

qint64 secondsToNs(double seconds)
{
    return std::llround(seconds * 1e9);
}

} // namespace

QString LoadPlan::uidOf(int user) const
{
    return QStringLiteral("load-%1-%2").arg(seed).arg(user + 1);
}

SimulationPlan LoadPlan::planOf(int user) const
{
    SimulationPlan plan = base;
    plan.uid = uidOf(user);
    plan.sessionId = sessionOf(user);
    return plan;
}

qint64 LoadPlan::startNs(int user) const
{
    if (users <= 1)
        return 0;
    return secondsToNs(rampSeconds * double(user) / double(users));
}

qint64 LoadPlan::offsetNs(int index) const
{
    return secondsToNs(base.sendAtSeconds(index) / base.speed.factor);
}

qint64 LoadPlan::roundNs() const
{
    // A conversation of a second at least, so that a user never sends in a tight loop.
    double seconds = 1.0;
    if (base.trigger == AppTrigger::MemoryCreation) {
        if (base.memory && !base.memory->transcriptSegments.isEmpty())
            seconds = std::max(seconds, base.memory->transcriptSegments.constLast().end);
    } else if (requestsPerRound() > 0) {
        // The last batch's send time; a recording's end, when its last chunk is due.
        seconds = std::max(seconds, base.sendAtSeconds(requestsPerRound() - 1));
    }
    return secondsToNs(seconds / base.speed.factor);
}

std::optional<QString> LoadPlan::problem() const
{
    if (users < 1)
        return QStringLiteral("a load run needs at least one user");
    if (base.speed.isFast())
        return QStringLiteral("a load run sends on the conversation's clock: give a speed "
                              "factor, not 'as fast as possible'");
    if (!std::isfinite(rampSeconds) || rampSeconds < 0)
        return QStringLiteral("the ramp must be 0 seconds or more");
    if (durationSeconds && !(std::isfinite(*durationSeconds) && *durationSeconds > 0))
        return QStringLiteral("the duration must be more than 0 seconds");
    if (maxInFlight < 0)
        return QStringLiteral("the cap on requests in flight must be 0 (none) or more");
    return std::nullopt;
}

} // namespace studio
