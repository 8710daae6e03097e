#pragma once

#include "simulation/report/RunRecord.h"

#include <QString>

namespace studio {

// The app's latest-wins audio buffer (see SimulationRun): a chunk dropped for a newer one is
// the app working as designed, reported as not sent but no failure of the plugin.
class LatestWins
{
public:
    // `inFlight`, `newer`: 0-based chunk indexes; inFlight < 0 when none is known.
    static QString droppedReason(int inFlight, int newer)
    {
        return QStringLiteral("%1it waited for the answer to %2, and chunk %3 fell due meanwhile "
                              "(the app's latest wins); not sent")
            .arg(QLatin1String(kDroppedPrefix),
                 inFlight < 0 ? QStringLiteral("the previous chunk")
                              : QStringLiteral("chunk %1").arg(inFlight + 1))
            .arg(newer + 1);
    }

    static bool dropped(const RunRecord &record)
    {
        return !record.sent() && record.notSentReason.startsWith(QLatin1String(kDroppedPrefix));
    }

private:
    static constexpr const char *kDroppedPrefix = "dropped: ";
};

} // namespace studio
