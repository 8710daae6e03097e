#include "EntryRules.h"
#include "UrlCheck.h"
#include "diagnostics/Suggestions.h"
#include "json/JsonPointer.h"
#include "manifest/ManifestSchema.h"

#include <QUrl>
#include <QUrlQuery>

#include <vector>

namespace studio::rules {

namespace {

namespace schema = manifest_schema;

bool hasUidParameter(const std::string &url)
{
    const QUrl parsed(QString::fromStdString(url));
    return QUrlQuery(parsed).hasQueryItem(QStringLiteral("uid"));
}

void checkTrigger(const Json &integration, const std::string &pointer, DiagnosticSink &sink)
{
    const auto trigger = integration.find("triggers_on");
    if (trigger == integration.end() || !trigger->is_string())
        return;
    const auto value = trigger->get<std::string>();
    if (!schema::findTrigger(value))
        reportWithSuggestion(sink, RuleId::UnknownTrigger, pointer + "/triggers_on",
                             "unknown triggers_on value '" + value +
                                 "'; the webhook never fires. Use memory_creation or "
                                 "transcript_processed",
                             value, schema::triggerValues());
}

void checkWebhook(const Json &integration, const std::string &pointer, DiagnosticSink &sink)
{
    const auto webhook = integration.find("webhook_url");
    if (webhook == integration.end() || !webhook->is_string())
        return;
    const auto url = webhook->get<std::string>();
    const std::string urlPointer = pointer + "/webhook_url";
    if (checkUrl(url, urlPointer, "webhook_url", sink) && hasUidParameter(url))
        sink.report(RuleId::UidAlreadyInUrl, urlPointer,
                    "webhook_url already has a uid parameter; the app appends its own "
                    "'&uid=<user id>', so the plugin receives two");
}

void checkSetupUrl(const Json &integration, const std::string &pointer, DiagnosticSink &sink)
{
    const auto setup = integration.find("setup_completed_url");
    if (setup == integration.end() || !setup->is_string())
        return;
    const auto url = setup->get<std::string>();
    const std::string urlPointer = pointer + "/setup_completed_url";
    if (checkUrl(url, urlPointer, "setup_completed_url", sink) &&
        url.find('?') != std::string::npos)
        sink.report(RuleId::SetupUrlHasQuery, urlPointer,
                    "setup_completed_url already has a query string; the app appends "
                    "'?uid=<user id>' as is, which makes a second '?'");
}

void checkAuthSteps(const Json &integration, const std::string &pointer, DiagnosticSink &sink)
{
    const auto steps = integration.find("auth_steps");
    if (steps == integration.end() || !steps->is_array())
        return;
    for (std::size_t i = 0; i < steps->size(); ++i) {
        const Json &step = (*steps)[i];
        const std::string stepPointer = pointer + "/auth_steps/" + std::to_string(i);
        if (!step.is_object()) {
            sink.report(RuleId::MalformedAuthStep, stepPointer,
                        "an auth step must be an object {\"name\": ..., \"url\": ...}, not " +
                            describeJsonType(step));
            continue;
        }
        const auto name = step.find("name");
        if (name != step.end() && name->is_string() && name->get<std::string>().empty())
            sink.report(RuleId::MalformedAuthStep, stepPointer + "/name",
                        "the auth step's name is empty; it is the label of the button the "
                        "user taps");
        const auto url = step.find("url");
        if (url != step.end() && url->is_string())
            checkUrl(url->get<std::string>(), stepPointer + "/url", "the auth step's url", sink);
    }
}

} // namespace

void checkExternalIntegration(const EntryContext &context, DiagnosticSink &sink)
{
    const Json *integration = context.member("external_integration");
    if (!integration || !integration->is_object())
        return;
    const std::string pointer = context.at("external_integration");
    checkTrigger(*integration, pointer, sink);
    checkWebhook(*integration, pointer, sink);
    checkSetupUrl(*integration, pointer, sink);
    checkAuthSteps(*integration, pointer, sink);
}

void checkProactiveNotification(const EntryContext &context, DiagnosticSink &sink)
{
    const Json *proactive = context.member("proactive_notification");
    if (!proactive || !proactive->is_object())
        return;
    const auto scopes = proactive->find("scopes");
    if (scopes == proactive->end() || !scopes->is_array())
        return;
    const std::string pointer = context.at("proactive_notification") + "/scopes";
    if (scopes->empty()) {
        sink.report(RuleId::NoScopes, pointer,
                    "'scopes' is empty; the notification prompt gets no user data (allowed: "
                    "user_name, user_facts, user_context, user_chat)");
        return;
    }
    const auto allowed = schema::notificationScopes();
    for (std::size_t i = 0; i < scopes->size(); ++i) {
        const Json &scope = (*scopes)[i];
        if (!scope.is_string())
            continue;
        const auto value = scope.get<std::string>();
        if (std::find(allowed.begin(), allowed.end(), value) == allowed.end())
            reportWithSuggestion(sink, RuleId::UnknownScope, json_pointer::append(pointer, i),
                                 "unknown scope '" + value +
                                     "'; allowed: user_name, user_facts, user_context, user_chat",
                                 value, allowed);
    }
}

} // namespace studio::rules
