#include "Apps2026Contract.h"

#include "AppLogo.h"
#include "AppRules.h"
#include "AppSchema.h"
#include "AppSubmission.h"
#include "ConversationPayload.h"
#include "WebhookSignature.h"
#include "simulation/payload/AppUrls.h"
#include "validation/rules/EntryRules.h"


namespace studio {

QString Apps2026Contract::title() const
{
    return QStringLiteral("current apps");
}

QString Apps2026Contract::differences() const
{
    return QStringLiteral(
        "Apps are JSON objects created through the app's API (no id, no deleted flag; a "
        "category; the logo a file uploaded beside them), with actions, chat tools, a home URL "
        "and payments. The backend calls webhooks with a pooled client (connect 2 s, read "
        "15 s, HTTP 200 only, a circuit breaker of 5 failures for 30 s), sends realtime "
        "transcripts every second and audio as raw PCM, sends the whole Conversation on "
        "memory_creation and keeps its message as a chat message without a push, and caps "
        "proactive prompts at 128,000 characters. An app with a signing secret gets signed "
        "webhooks (X-Omi-Signature, X-Omi-Event, X-Omi-Delivery).");
}

bool Apps2026Contract::recognises(const Json &root) const
{
    return root.is_object() && root.contains("category") && !root.contains("id");
}

ValidationReport Apps2026Contract::validate(std::string_view text, const JsonParseResult &parsed,
                                            const ValidationOptions &options) const
{
    return DocumentValidator::validateWith(
        text, parsed,
        [&](const Json &root, ValidationReport &report, DiagnosticSink &sink, const LineIndex &) {
            if (!root.is_object()) {
                sink.report(RuleId::WrongDocumentType, "",
                            "the document is " + rules::describeJsonType(root) +
                                "; an app is one JSON object (the app_data the create endpoint "
                                "takes)");
                return;
            }
            report.kind = DocumentKind::Manifest;
            report.entryCount = 1;
            app_rules::checkApp(root, options.repositoryRoot, sink);
        });
}

QStringList Apps2026Contract::triggers() const
{
    QStringList values;
    for (const auto trigger : app_schema::triggers())
        values << QString::fromLatin1(trigger.data(), qsizetype(trigger.size()));
    return values;
}

std::span<const manifest_schema::Field> Apps2026Contract::fields() const
{
    return app_schema::topLevelFields();
}

std::span<const manifest_schema::Field> Apps2026Contract::integrationFields() const
{
    return app_schema::externalIntegrationFields();
}

std::span<const manifest_schema::Capability> Apps2026Contract::capabilities() const
{
    return app_schema::capabilities();
}

std::span<const manifest_schema::Trigger> Apps2026Contract::triggerChoices() const
{
    return app_schema::triggerChoices();
}

std::span<const manifest_schema::Choice> Apps2026Contract::choices(std::string_view pointer) const
{
    if (pointer == "/payment_plan")
        return app_schema::paymentPlans();
    if (pointer == "/external_integration/chat_messages_target")
        return app_schema::chatTargetChoices();
    return Contract::choices(pointer);
}

std::optional<TemplateSection> Apps2026Contract::sectionFor(std::string_view capability,
                                                            std::string_view id) const
{
    // Every field of an app's integration is optional and it has no repository to hold
    // instructions: a trigger and its webhook to fill in, nothing else.
    if (capability == "external_integration") {
        Json integration = Json::object();
        integration["triggers_on"] = app_schema::triggers().front();
        integration["webhook_url"] = "";
        return TemplateSection{"external_integration", std::move(integration)};
    }
    if (capability == "persona")
        return TemplateSection{"persona_prompt", ""};
    return PluginTemplate::sectionFor(capability, id);
}

QStringList Apps2026Contract::referencedFiles(const Json &document, const QString &folder) const
{
    // The logo beside the document.
    if (!document.is_object() || !document.contains("image") || !document["image"].is_string())
        return {};
    const LogoLocation logo = logoFile(document["image"].get<std::string>(), folder);
    return logo.path.isEmpty() ? QStringList() : QStringList{logo.path};
}

LogoLocation Apps2026Contract::logoFile(const std::string &image, const QString &folder) const
{
    // A file beside the app document; the server writes the uploaded logo's URL here.
    if (!app_logo::isRelativeName(image))
        return {{}, QStringLiteral("is not a file beside the app document (e.g. \"logo.png\")")};
    if (const auto file = app_logo::fileBeside(image, folder))
        return {*file, {}};
    return {{}, QStringLiteral("cannot be found: the app document is not saved yet")};
}

Submission Apps2026Contract::submission(const Json &document, const QString &folder) const
{
    return app_submission::submission(document, folder);
}

QString Apps2026Contract::sendCommand(const QStringList &paths) const
{
    return app_submission::curlCommand(paths);
}

ContractTransport Apps2026Contract::transport() const
{
    return {2'000, 15'000, true, 5, 30'000};
}

BatchingOptions Apps2026Contract::transcriptBatching() const
{
    // The pusher drains its queue every second while people speak.
    return BatchingOptions::window(1.0);
}

JudgeRules Apps2026Contract::judgeRules() const
{
    JudgeRules rules;
    rules.memoryMessageNotifies = false;
    rules.proactivePromptLimit = 128'000;
    rules.promptTooLongNotifies = false;
    return rules;
}

QByteArray Apps2026Contract::memoryBody(const Memory &memory, PayloadProfile) const
{
    return ConversationPayload::bytes(ConversationPayload::conversation(memory));
}

QByteArray Apps2026Contract::transcriptBody(const QList<TranscriptSegment> &segments,
                                            const QString &sessionId) const
{
    return ConversationPayload::bytes(ConversationPayload::transcript(segments, sessionId));
}

QString Apps2026Contract::setupCheckUrl(const QString &setupCompletedUrl, const QString &uid) const
{
    // Today's backend looks for an existing '?', as for webhooks.
    return AppUrls::webhook(setupCompletedUrl, uid);
}

QByteArray Apps2026Contract::webhookEvent(AppTrigger trigger) const
{
    // memory_creation is "memory_created" on the wire of a signed delivery; the others go
    // by their trigger's name.
    switch (trigger) {
    case AppTrigger::MemoryCreation:
        return QByteArrayLiteral("memory_created");
    case AppTrigger::TranscriptProcessed:
        return QByteArrayLiteral("transcript_processed");
    case AppTrigger::AudioBytes:
        return QByteArrayLiteral("audio_bytes");
    }
    return {};
}

HttpHeaders Apps2026Contract::signatureHeaders(const QString &secret,
                                               const WebhookDelivery &delivery) const
{
    namespace signature = webhook_signature;
    return {{signature::kSignatureHeader,
             signature::headerValue(secret, delivery.unixSeconds, delivery.uid, delivery.body)},
            {signature::kEventHeader, webhookEvent(delivery.trigger)},
            {signature::kDeliveryHeader, delivery.id}};
}

} // namespace studio
