#pragma once

#include <optional>

namespace studio {

// Limits a run must stay within besides every request succeeding.
struct RunThresholds
{
    std::optional<double> maxP95Ms; // the 95th percentile of the latencies
};

} // namespace studio
