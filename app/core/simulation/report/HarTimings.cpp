#include "HarTimings.h"

#include <algorithm>

namespace studio {

HarTimings HarTimings::fromHttp(const HttpTimings &timings)
{
    HarTimings har;
    const double dnsEnd = std::max(0.0, timings.dnsMs);
    const double connectEnd = std::max(timings.connectMs, dnsEnd);
    const double tlsEnd = timings.tlsMs > 0 ? std::max(timings.tlsMs, connectEnd) : connectEnd;
    if (timings.dnsMs > 0)
        har.dns = timings.dnsMs;
    if (timings.connectMs > 0)
        har.connect = tlsEnd - dnsEnd;
    if (timings.tlsMs > 0)
        har.ssl = tlsEnd - connectEnd;
    if (timings.firstByteMs > 0) {
        har.wait = std::max(0.0, timings.firstByteMs - tlsEnd);
        har.receive = std::max(0.0, timings.totalMs - std::max(timings.firstByteMs, tlsEnd));
    } else {
        har.wait = std::max(0.0, timings.totalMs - tlsEnd);
    }
    return har;
}

double HarTimings::total() const
{
    return std::max(0.0, blocked) + std::max(0.0, dns) + std::max(0.0, connect) + send + wait +
           receive;
}

} // namespace studio
