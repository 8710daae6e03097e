#pragma once

#include "contract/Contract.h"

#include <QString>

namespace studio {

// How the studio's requests to a plugin travel, beyond what the app decides.
struct TransportOptions
{
    static constexpr int kDefaultMaxTimeMs = 300'000;

    int timeoutMs = 30'000; // the app's read timeout (none at all before November 2024)
    int connectTimeoutMs = 30'000;
    // The studio's bound on a whole request, which the app lacks (see HttpRequest::maxTimeMs).
    int maxTimeMs = kDefaultMaxTimeMs;
    bool verifyTls = true;
    QString caFile;               // an extra CA to trust, for a plugin served over local HTTPS
    bool reuseConnection = false; // the app opens a new connection for every call

    // The contract's timeouts and connection handling; the studio's own bounds as default.
    static TransportOptions of(const Contract &contract)
    {
        const ContractTransport app = contract.transport();
        TransportOptions options;
        options.timeoutMs = app.readTimeoutMs;
        options.connectTimeoutMs = app.connectTimeoutMs;
        options.reuseConnection = app.reuseConnections;
        return options;
    }
};

} // namespace studio
