#pragma once

#include <QString>

namespace studio {

// How the studio's requests to a plugin travel, beyond what the app decides.
struct TransportOptions
{
    int timeoutMs = 30'000; // the app's timeout (none at all before November 2024)
    bool verifyTls = true;
    QString caFile;               // an extra CA to trust, for a plugin served over local HTTPS
    bool reuseConnection = false; // the app opens a new connection for every call
};

} // namespace studio
