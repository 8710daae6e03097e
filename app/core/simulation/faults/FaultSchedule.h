#pragma once

#include "Delivery.h"
#include "FaultPlan.h"

#include <vector>

namespace studio {

// Turns one conversation's requests into what the app delivers under a fault plan, the same
// for the same seed. In order: a restart starts a new session at a request between a third
// and two thirds of the way; a burst holds a quarter of the conversation (two requests at
// least) from a random point and flushes it at the time of its last request; each pair of
// consecutive transcript batches is swapped with the reorder probability; each request is
// lost with the gap probability, and each one sent is copied with the duplicate probability;
// finally the slow network delays every one. Deliveries are in the order they are sent.
class FaultSchedule
{
public:
    struct Request
    {
        qint64 atNs = 0;               // when the app sends it, on the caller's clock
        double windowStartSeconds = 0; // where it starts in the conversation
    };

    struct Options
    {
        FaultPlan plan;
        quint64 seed = 0;
        qint64 slowNetworkNs = 0; // the plan's delay on the caller's clock
        bool transcript = false;  // reorder swaps transcript batches only
    };

    static std::vector<Delivery> apply(const std::vector<Request> &requests,
                                       const Options &options);
    // A seed of its own for each of a load run's conversations.
    static quint64 seedOf(quint64 seed, int user, int round);
};

} // namespace studio
