#pragma once

#include "SimulationPlan.h"
#include "http/HttpExchange.h"

namespace studio {

// The HTTP requests the app makes to a plugin, built from a plan: the URL with the uid
// appended as the app appends it (see AppUrls), the body as the plan's contract builds it
// per event (and profile), the JSON content type, and the transport options (the
// contract's timeouts and connections).
class AppRequestFactory
{
public:
    // POST <webhook>?uid=...: the memory in the plan's payload profile.
    static HttpRequest memoryCreation(const SimulationPlan &plan, const Memory &memory);
    // The same request with the memory's body already built (memoryBody): the body depends
    // on the memory and the profile only, not on the user, so a load run builds it once.
    static HttpRequest memoryCreationWithBody(const SimulationPlan &plan, const QByteArray &body);
    static QByteArray memoryBody(const SimulationPlan &plan, const Memory &memory);
    // POST <webhook>?uid=...: {"session_id", "segments"} with the batch's segments.
    static HttpRequest transcriptProcessed(const SimulationPlan &plan,
                                           const TranscriptBatch &batch);
    // POST <webhook>?sample_rate=<rate>&uid=...: the chunk's PCM as application/octet-stream.
    static HttpRequest audioBytes(const SimulationPlan &plan, const AudioChunk &chunk);
    // Signs a webhook about to go, its body final: the plan's contract adds its signature
    // headers for the plan's secret, stamped `unixSeconds`, with `deliveryId`. Nothing
    // without a secret.
    static void sign(HttpRequest &request, const SimulationPlan &plan, qint64 unixSeconds,
                     const QByteArray &deliveryId);
    // GET <setup_completed_url>?uid=...
    static HttpRequest setupCheck(const QString &setupCompletedUrl, const QString &uid,
                                  const TransportOptions &transport,
                                  const Contract &contract = Contract::plugins2024());
};

} // namespace studio
