#pragma once

#include <functional>
#include <optional>
#include <string>

namespace scaling {

// How one timed piece of work ended: its time in seconds, or why there is none.
struct CappedTime
{
    std::optional<double> seconds;
    std::string failure; // "> 60 s", "crashed (signal 11)" ...

    bool ok() const { return seconds.has_value(); }
};

// Runs `work` in a child process and times it there, so that a quadratic case is cut off
// after `capSeconds` of CPU time and a crash (a stack overflow, memory exhausted) is reported
// instead of ending the benchmark. The time is the CPU time the work took: on a shared
// machine, wall time also measures the neighbours. Short work is repeated and its fastest
// run kept.
CappedTime timeCapped(const std::function<void()> &work, int capSeconds);

} // namespace scaling
