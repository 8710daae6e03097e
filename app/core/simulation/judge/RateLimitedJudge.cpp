#include "RateLimitedJudge.h"

namespace studio {

ResponseVerdict judgeRateLimited(const HttpResult &result, JudgeContext context,
                                 ProactiveRateLimiter &limiter)
{
    context.proactiveBlockedUntil =
        limiter.blockedUntil(context.uid, context.plugin.id, context.nowMs);
    ResponseVerdict verdict = AppResponseJudge::judge(result, context);
    if (verdict.proactiveNotified)
        limiter.recordSent(context.uid, context.plugin.id, context.nowMs);
    return verdict;
}

} // namespace studio
