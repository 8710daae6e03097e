#pragma once

#include "http/HttpExchange.h"

namespace studio {

// HAR 1.2 per-phase timings, in milliseconds, derived from libcurl's cumulative ones
// (each of HttpTimings counts from the start of the request):
//   dns     = name lookup end                          (-1 when no lookup happened)
//   connect = TCP connect end + TLS, minus dns         (-1 on a reused connection)
//   ssl     = TLS end minus TCP connect end            (-1 without TLS); HAR counts it
//             inside `connect` too, for HAR 1.1 readers
//   blocked = -1 (libcurl does not report queueing), send = 0 (the upload is part of wait)
//   wait    = first byte minus the end of the connection phases
//   receive = total minus first byte
// Without a first byte (a failed request) the time after connecting counts as wait. The
// sum of the non-negative phases, ssl excepted, equals the total time.
struct HarTimings
{
    double blocked = -1;
    double dns = -1;
    double connect = -1;
    double ssl = -1;
    double send = 0;
    double wait = 0;
    double receive = 0;

    static HarTimings fromHttp(const HttpTimings &timings);
    // HAR's entry.time: the sum of the phases that apply (ssl is inside connect).
    double total() const;
};

} // namespace studio
