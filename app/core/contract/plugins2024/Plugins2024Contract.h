#pragma once

#include "contract/Contract.h"

namespace studio {

// The 2024 plugin index the plugin guide describes (CONTRACT.md): community-plugins.json in a
// repository, entries with an id, the backend of July-December 2024 calling them.
class Plugins2024Contract final : public Contract
{
public:
    std::string_view name() const override { return "plugins-2024"; }
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
    QStringList referencedFiles(const Json &document, const QString &folder) const override;
    LogoLocation logoFile(const std::string &image, const QString &folder) const override;
    bool indexed() const override { return true; }

    Submission submission(const Json &document, const QString &folder) const override;
    QString sendCommand(const QStringList &) const override { return {}; }

    ContractTransport transport() const override;
    BatchingOptions transcriptBatching() const override;
    JudgeRules judgeRules() const override { return {}; }
    QByteArray memoryBody(const Memory &memory, PayloadProfile profile) const override;
    QList<PayloadProfile> memoryProfiles() const override;
    QByteArray transcriptBody(const QList<TranscriptSegment> &segments,
                              const QString &sessionId) const override;
    QString setupCheckUrl(const QString &setupCompletedUrl, const QString &uid) const override;
    QByteArray webhookEvent(AppTrigger) const override { return {}; }
    HttpHeaders signatureHeaders(const QString &, const WebhookDelivery &) const override
    {
        return {}; // the 2024 app never signed
    }
};

} // namespace studio
