#pragma once

#include <QtGlobal>

#include <optional>

namespace studio {

// Where a run stands, for a progress bar: requests done (answered or skipped) out of the
// plan's, how long it has been going (pauses excluded) and a guess at what is left.
struct SimulationProgress
{
    int total = 0;
    int sent = 0;
    int answered = 0;
    int skipped = 0;
    qint64 elapsedMs = 0;
    std::optional<qint64> remainingMs; // unknown until something was sent
    double conversationSeconds = 0;
    double conversationLength = 0;

    int done() const { return answered + skipped; }
};

} // namespace studio
