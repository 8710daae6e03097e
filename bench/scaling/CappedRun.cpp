#include "CappedRun.h"

#include <algorithm>
#include <csignal>
#include <cstring>
#include <ctime>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace scaling {

namespace {

// Repeats short work until this much time was spent, at most kMaxRuns times: the fastest
// of many runs is the steadiest figure for work of a few milliseconds.
constexpr double kRepeatBudgetSeconds = 2.0;
constexpr int kMaxRuns = 20;
// Some inputs make cmark-gfm allocate quadratically (a wide table's padded rows): the child
// fails when it reaches this, rather than taking a shared machine's memory.
constexpr rlim_t kMemoryLimitBytes = rlim_t(3) << 30;

// The thread's CPU time: the work runs on this one thread, and the process's clock reads
// coarsely here once a CPU limit is set.
double cpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) * 1e-9;
}

double timeOnce(const std::function<void()> &work)
{
    const double start = cpuSeconds();
    work();
    return cpuSeconds() - start;
}

[[noreturn]] void runChild(const std::function<void()> &work, int capSeconds, int out)
{
    const rlimit memory{kMemoryLimitBytes, kMemoryLimitBytes};
    setrlimit(RLIMIT_AS, &memory);
    // The cap is CPU time, as the figures are; the alarm only guards against a child that
    // gets no CPU at all on a crowded machine.
    const auto cap = static_cast<rlim_t>(capSeconds);
    const rlimit cpu{cap, cap + 1};
    setrlimit(RLIMIT_CPU, &cpu);
    alarm(static_cast<unsigned>(capSeconds) * 10);
    double best = timeOnce(work);
    double spent = best;
    for (int run = 1; run < kMaxRuns && spent < kRepeatBudgetSeconds; ++run) {
        const double seconds = timeOnce(work);
        best = std::min(best, seconds);
        spent += seconds;
    }
    const auto written = write(out, &best, sizeof best);
    _exit(written == sizeof best ? 0 : 1);
}

} // namespace

CappedTime timeCapped(const std::function<void()> &work, int capSeconds)
{
    int pipeEnds[2];
    if (pipe(pipeEnds) != 0)
        return {std::nullopt, "no pipe"};
    const pid_t child = fork();
    if (child < 0)
        return {std::nullopt, "no fork"};
    if (child == 0) {
        close(pipeEnds[0]);
        runChild(work, capSeconds, pipeEnds[1]);
    }
    close(pipeEnds[1]);
    double seconds = 0;
    const bool received = read(pipeEnds[0], &seconds, sizeof seconds) == sizeof seconds;
    close(pipeEnds[0]);
    int status = 0;
    waitpid(child, &status, 0);
    if (received)
        return {seconds, {}};
    if (WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU)
        return {std::nullopt, "> " + std::to_string(capSeconds) + " s"};
    if (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM)
        return {std::nullopt, "> " + std::to_string(capSeconds * 10) + " s wall"};
    if (WIFSIGNALED(status))
        return {std::nullopt, "crashed (" + std::string(strsignal(WTERMSIG(status))) + ")"};
    return {std::nullopt, "failed (exit " + std::to_string(WEXITSTATUS(status)) + ")"};
}

} // namespace scaling
