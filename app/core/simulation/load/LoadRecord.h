#pragma once

#include "simulation/report/RunRecord.h"

namespace studio {

// One request of a load run: whose it was and the run record of it (the exchange, the app's
// verdict; scheduledMs and sentMs on the load run's clock). A run keeps few of them whole
// (see LoadRun), labelled ("load-7-3, round 2, window 4-5 s"): the figures of every request
// go into LoadStats.
struct LoadRecord
{
    int user = 0;  // 0-based; the uid is the plan's uidOf(user)
    int round = 0; // which replay of the conversation, 0 the first
    RunRecord record;
    // Audio: how long the chunk waited in its user's latest-wins buffer for the answer to the
    // chunk before it (until it went, or a newer one dropped it). The app's wait, not late.
    qint64 waitedMs = 0;

    // How much later than the app would have sent it.
    double lateMs() const { return double(record.schedulingErrorMs() - waitedMs); }
};

} // namespace studio
