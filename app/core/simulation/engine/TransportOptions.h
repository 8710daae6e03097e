#pragma once

#include <QString>

namespace studio {

// How the studio's requests to a plugin travel, beyond what the app decides.
struct TransportOptions
{
    static constexpr int kDefaultMaxTimeMs = 300'000;

    int timeoutMs = 30'000; // the app's timeout (none at all before November 2024)
    // The studio's bound on a whole request, which the app lacks (see HttpRequest::maxTimeMs).
    int maxTimeMs = kDefaultMaxTimeMs;
    bool verifyTls = true;
    QString caFile;               // an extra CA to trust, for a plugin served over local HTTPS
    bool reuseConnection = false; // the app opens a new connection for every call
};

} // namespace studio
