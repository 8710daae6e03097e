#pragma once

#include "http/HttpHop.h"

namespace studio {

// Follows redirects the way the app's HTTP client (Python `requests`) does, so a plugin sees
// the same method and body on the last hop as it would behind the real app:
// - only 301, 302, 303, 307 and 308 with a Location are followed;
// - 303 and 302 turn any method but HEAD into GET, 301 turns POST into GET;
// - except on 307/308 the body and its Content-Type/Content-Length are dropped;
// - Authorization is dropped when the host changes (or scheme/port, bar http->https);
// - at most 30 redirects; the next one is an error.
class RedirectPolicy
{
public:
    static constexpr int kMaxRedirects = 30;

    static bool isFollowedStatus(int status);
    // The hop to send after `current` answered `status` with Location resolved to `target`.
    static HttpHop nextHop(const HttpHop &current, int status, const QString &target);
};

} // namespace studio
