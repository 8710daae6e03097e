#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace studio {

struct ParsedFaults;

// The faults asked for with --faults, as "duplicate:0.1,gap:0.05,burst": each kind at most
// once, probabilities per request, the slow network's delay in milliseconds.
struct FaultPlan
{
    static constexpr int kMaxSlowNetworkMs = 600'000;

    double duplicate = 0; // a delivery sent twice, the copy right after it
    double reorder = 0;   // two consecutive transcript batches swapped
    double gap = 0;       // a delivery never sent
    bool burst = false;   // the phone offline for a stretch, then everything at once
    int slowNetworkMs = 0; // every request leaves this much later
    bool restart = false;  // the session starts over once, mid-conversation

    bool any() const;
    // The plan written back as --faults takes it ("duplicate:0.1,gap:0.05"); empty for none.
    QString spec() const;

    static ParsedFaults parse(QStringView text);
};

struct ParsedFaults
{
    std::optional<FaultPlan> plan;
    QString error; // what is wrong and where, when plan is empty
};

} // namespace studio
