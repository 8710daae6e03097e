#pragma once

#include "contract/Contract.h"

namespace studio {

// Today's apps (CONTRACT-2026.md): an app object created through the API, its logo a file
// beside it; the backend's pooled client (2 s connect, 15 s read, a circuit breaker per URL),
// realtime transcripts every second, the Conversation body, no push for a memory's message.
class Apps2026Contract final : public Contract
{
public:
    std::string_view name() const override { return "apps-2026"; }
    QString title() const override;
    QString differences() const override;

    bool recognises(const Json &root) const override;
    ValidationReport validate(std::string_view text, const JsonParseResult &parsed,
                              const ValidationOptions &options) const override;
    QStringList triggers() const override;
    std::span<const manifest_schema::Field> fields() const override;
    std::span<const manifest_schema::Field> integrationFields() const override;
    std::span<const manifest_schema::Capability> capabilities() const override;
    std::span<const manifest_schema::Trigger> triggerChoices() const override;
    std::optional<TemplateSection> sectionFor(std::string_view capability,
                                              std::string_view id) const override;
    std::span<const manifest_schema::Choice> choices(std::string_view pointer) const override;
    QStringList referencedFiles(const Json &document, const QString &folder) const override;
    LogoLocation logoFile(const std::string &image, const QString &folder) const override;
    bool indexed() const override { return false; }

    Submission submission(const Json &document, const QString &folder) const override;
    QString sendCommand(const QStringList &paths) const override;

    ContractTransport transport() const override;
    BatchingOptions transcriptBatching() const override;
    JudgeRules judgeRules() const override;
    QByteArray memoryBody(const Memory &memory, PayloadProfile profile) const override;
    QList<PayloadProfile> memoryProfiles() const override { return {}; }
    QByteArray transcriptBody(const QList<TranscriptSegment> &segments,
                              const QString &sessionId) const override;
    QString setupCheckUrl(const QString &setupCompletedUrl, const QString &uid) const override;
    QByteArray webhookEvent(AppTrigger trigger) const override;
    HttpHeaders signatureHeaders(const QString &secret,
                                 const WebhookDelivery &delivery) const override;
};

} // namespace studio
