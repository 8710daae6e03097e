#pragma once

#include "AppResponseJudge.h"
#include "ProactiveRateLimiter.h"

namespace studio {

// The judge as a run uses it: the run's rate limiter says whether a proactive notification
// may go out at the context's time, the pure judge decides, and the limiter learns of the
// notification that went out. Judging and bookkeeping stay apart; this joins them.
ResponseVerdict judgeRateLimited(const HttpResult &result, JudgeContext context,
                                 ProactiveRateLimiter &limiter);

} // namespace studio
