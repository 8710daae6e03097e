#pragma once

#include <QStringList>
#include <QtGlobal>

namespace studio {

// One request as the app delivers it when faults are injected: which of the conversation's
// requests it carries, when it is due, and what happened to it on the way. Without faults
// there is one delivery per request, on time.
struct Delivery
{
    enum Fault : quint8 {
        Duplicate = 1,   // a second copy of the delivery before it (originalOf)
        Reordered = 2,   // swapped with its neighbour, both sent at the later time
        Burst = 4,       // buffered while the phone was offline, flushed at once
        Gap = 8,         // lost: never sent
        SlowNetwork = 16,
        Restarted = 32,  // sent in a new session, begun mid-conversation
    };

    int request = 0; // the conversation's request: the batch, the memory (0), the chunk
    qint64 atNs = 0; // when it is due, on the clock of whoever scheduled it
    quint8 faults = 0;
    int originalOf = -1; // a duplicate: the position of the delivery it copies
    bool copied = false; // an original: a duplicate follows it
    int session = 0;     // 0 the conversation's session; 1 after a restart
    // A restarted session's start in the conversation: its segments' times count from it.
    double sessionStartSeconds = 0;

    bool lost() const { return faults & Gap; }
    bool has(Fault fault) const { return faults & fault; }
    // "duplicate", "reordered", "burst", "gap", "slow-network:200", "restart", in that order.
    QStringList faultNames(int slowNetworkMs) const;
};

} // namespace studio
