#include "AppRequestFactory.h"

#include "simulation/payload/AppUrls.h"

namespace studio {

namespace {

HttpRequest withTransport(const TransportOptions &transport)
{
    HttpRequest request;
    request.timeoutMs = transport.timeoutMs;
    request.connectTimeoutMs = transport.connectTimeoutMs;
    request.maxTimeMs = transport.maxTimeMs;
    request.verifyTls = transport.verifyTls;
    request.caFile = transport.caFile;
    request.reuseConnection = transport.reuseConnection;
    return request;
}

HttpRequest jsonPost(const SimulationPlan &plan, const QByteArray &body)
{
    HttpRequest request = withTransport(plan.transport);
    request.method = "POST";
    request.url = AppUrls::webhook(plan.webhookUrl, plan.uid);
    request.headers = {{"Content-Type", "application/json"}};
    request.body = body;
    return request;
}

} // namespace

HttpRequest AppRequestFactory::memoryCreation(const SimulationPlan &plan, const Memory &memory)
{
    return memoryCreationWithBody(plan, memoryBody(plan, memory));
}

HttpRequest AppRequestFactory::memoryCreationWithBody(const SimulationPlan &plan,
                                                      const QByteArray &body)
{
    return jsonPost(plan, body);
}

QByteArray AppRequestFactory::memoryBody(const SimulationPlan &plan, const Memory &memory)
{
    return plan.contract->memoryBody(memory, plan.profile);
}

HttpRequest AppRequestFactory::transcriptProcessed(const SimulationPlan &plan,
                                                   const TranscriptBatch &batch)
{
    return jsonPost(plan,
                    plan.contract->transcriptBody(batch.segments, plan.effectiveSessionId()));
}

HttpRequest AppRequestFactory::audioBytes(const SimulationPlan &plan, const AudioChunk &chunk)
{
    HttpRequest request = withTransport(plan.transport);
    request.method = "POST";
    request.url = AppUrls::audioBytes(plan.webhookUrl, plan.sampleRate, plan.uid);
    request.headers = {{"Content-Type", "application/octet-stream"}};
    request.body = chunk.pcm;
    return request;
}

void AppRequestFactory::sign(HttpRequest &request, const SimulationPlan &plan, qint64 unixSeconds,
                             const QByteArray &deliveryId)
{
    if (plan.signingSecret.isEmpty())
        return;
    // The uid signed is the one appended to the URL (AppUrls encodes it; a receiver decodes it).
    request.headers += plan.contract->signatureHeaders(
        plan.signingSecret, {plan.trigger, plan.uid, request.body, unixSeconds, deliveryId});
}

HttpRequest AppRequestFactory::setupCheck(const QString &setupCompletedUrl, const QString &uid,
                                          const TransportOptions &transport,
                                          const Contract &contract)
{
    HttpRequest request = withTransport(transport);
    request.method = "GET";
    request.url = contract.setupCheckUrl(setupCompletedUrl, uid);
    return request;
}

} // namespace studio
