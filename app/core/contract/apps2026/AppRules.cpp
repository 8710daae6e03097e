#include "AppRules.h"

#include "AppLogo.h"
#include "AppSchema.h"
#include "diagnostics/Suggestions.h"
#include "image/ImageProbe.h"
#include "json/JsonPointer.h"
#include "validation/EntryContext.h"
#include "validation/rules/EntryRules.h"
#include "validation/rules/UrlCheck.h"

#include <QFileInfo>

#include <algorithm>
#include <vector>

namespace studio::app_rules {

namespace {

using rules::isBlank;

constexpr std::int64_t kMaximumLogoBytes = 10 * 1024 * 1024; // the create endpoint's limit

bool contains(std::span<const std::string_view> values, std::string_view value)
{
    return std::find(values.begin(), values.end(), value) != values.end();
}

std::string text(const Json *value)
{
    return value && value->is_string() ? value->get<std::string>() : std::string();
}

bool blank(const Json *value)
{
    return !value || value->is_null() || (value->is_string() && isBlank(text(value)));
}

std::vector<rules::KnownPlace> appPlaces()
{
    std::vector<rules::KnownPlace> places;
    const auto add = [&](std::span<const app_schema::Field> fields, std::string_view place,
                         std::string_view section) {
        for (const auto &field : fields)
            if (field.role == manifest_schema::FieldRole::Contract)
                places.push_back({field.key, place, section, fields});
    };
    add(app_schema::topLevelFields(), "at the top level of the app", "");
    add(app_schema::externalIntegrationFields(), "inside external_integration",
        "external_integration");
    add(app_schema::proactiveNotificationFields(), "inside proactive_notification",
        "proactive_notification");
    return places;
}

void checkObjectItems(const Json &section, const std::string &pointer, std::string_view key,
                      const rules::FieldLevel &level, DiagnosticSink &sink)
{
    const auto items = section.find(key);
    if (items == section.end() || !items->is_array())
        return;
    for (std::size_t i = 0; i < items->size(); ++i) {
        const std::string itemPointer = json_pointer::append(json_pointer::append(pointer, key), i);
        if ((*items)[i].is_object())
            rules::checkMembers((*items)[i], itemPointer, level, sink);
        else
            sink.report(level.typeRule, itemPointer,
                        "every item of '" + std::string(key) + "' must be an object, not " +
                            rules::describeJsonType((*items)[i]));
    }
}

void checkFields(const EntryContext &app, DiagnosticSink &sink)
{
    static const std::vector<rules::KnownPlace> places = appPlaces();
    rules::checkMembers(app.entry, app.pointer,
                        {app_schema::topLevelFields(), "the app", places, true}, sink);
    if (const Json *integration = app.member("external_integration");
        integration && integration->is_object()) {
        const std::string pointer = app.at("external_integration");
        rules::checkMembers(
            *integration, pointer,
            {app_schema::externalIntegrationFields(), "external_integration", places}, sink);
        checkObjectItems(*integration, pointer, "auth_steps",
                         {app_schema::authStepFields(),
                          "an auth step",
                          {},
                          false,
                          RuleId::MalformedAuthStep,
                          RuleId::MalformedAuthStep},
                         sink);
        checkObjectItems(*integration, pointer, "actions",
                         {app_schema::actionFields(), "an action", {}, false}, sink);
    }
    if (const Json *proactive = app.member("proactive_notification");
        proactive && proactive->is_object())
        rules::checkMembers(
            *proactive, app.at("proactive_notification"),
            {app_schema::proactiveNotificationFields(), "proactive_notification", places}, sink);
    for (const char *key : {"name", "author", "description", "category"}) {
        const Json *value = app.member(key);
        if (value && value->is_string() && isBlank(text(value)))
            sink.report(RuleId::EmptyText, app.at(key),
                        "'" + std::string(key) + "' is empty; the store shows it");
    }
}

void checkPayment(const EntryContext &app, DiagnosticSink &sink)
{
    const Json *paid = app.member("is_paid");
    if (!paid || !paid->is_boolean() || !paid->get<bool>())
        return;
    const Json *price = app.member("price");
    if (!price || price->is_null())
        sink.report(RuleId::PaidAppIncomplete, app.at("is_paid"),
                    "a paid app needs a 'price' (0 or more); the server refuses it with 422",
                    Anchor::Key);
    else if (price->is_number() && price->get<double>() < 0)
        sink.report(RuleId::PaidAppIncomplete, app.at("price"),
                    "'price' must be 0 or more; the server refuses it with 422");
    if (blank(app.member("payment_plan")))
        sink.report(RuleId::PaidAppIncomplete, app.at("is_paid"),
                    "a paid app needs a 'payment_plan'; the server refuses it with 422",
                    Anchor::Key);
}

void checkOptionalUrl(const Json &section, const std::string &pointer, std::string_view key,
                      DiagnosticSink &sink)
{
    const auto value = section.find(key);
    if (value != section.end() && value->is_string() && !isBlank(value->get<std::string>()))
        rules::checkUrl(value->get<std::string>(), json_pointer::append(pointer, key),
                        std::string(key), sink);
}

void checkActions(const Json &integration, const std::string &pointer, DiagnosticSink &sink)
{
    const auto actions = integration.find("actions");
    if (actions == integration.end() || !actions->is_array())
        return;
    for (std::size_t i = 0; i < actions->size(); ++i) {
        const Json &item = (*actions)[i];
        if (!item.is_object() || !item.contains("action") || !item["action"].is_string())
            continue; // reported by the field rules
        const std::string action = item["action"].get<std::string>();
        if (!contains(app_schema::actions(), action))
            reportWithSuggestion(sink, RuleId::UnknownAction,
                                 pointer + "/actions/" + std::to_string(i) + "/action",
                                 "unknown action '" + action +
                                     "'; the server refuses it with 422 (known: "
                                     "create_conversation, create_facts, read_memories, "
                                     "read_conversations, read_tasks)",
                                 action, app_schema::actions());
    }
}

void checkAuthSteps(const Json &integration, const std::string &pointer, DiagnosticSink &sink)
{
    const auto steps = integration.find("auth_steps");
    if (steps == integration.end() || !steps->is_array())
        return;
    for (std::size_t i = 0; i < steps->size(); ++i) {
        const Json &step = (*steps)[i];
        if (!step.is_object())
            continue;
        const std::string stepPointer = pointer + "/auth_steps/" + std::to_string(i);
        if (step.contains("name") && step["name"].is_string() &&
            isBlank(step["name"].get<std::string>()))
            sink.report(RuleId::MalformedAuthStep, stepPointer + "/name",
                        "the auth step's name is empty; the app shows it on the button");
        checkOptionalUrl(step, stepPointer, "url", sink);
    }
    const auto home = integration.find("app_home_url");
    if (steps->size() == 1 && (home == integration.end() || home->is_null()))
        sink.report(RuleId::HomeUrlFromAuthStep, pointer + "/auth_steps/0",
                    "app_home_url is not set and there is one auth step: the server copies "
                    "the step's url to app_home_url",
                    Anchor::Start);
}

void checkIntegration(const EntryContext &app, DiagnosticSink &sink)
{
    const Json *integration = app.member("external_integration");
    if (!integration || !integration->is_object())
        return;
    const std::string pointer = app.at("external_integration");
    const Json *trigger =
        integration->contains("triggers_on") ? &(*integration)["triggers_on"] : nullptr;
    const Json *webhook =
        integration->contains("webhook_url") ? &(*integration)["webhook_url"] : nullptr;
    const auto actions = integration->find("actions");
    const bool hasActions =
        actions != integration->end() && actions->is_array() && !actions->empty();
    const std::string triggerValue = text(trigger);

    if (blank(trigger) && !hasActions)
        sink.report(RuleId::IntegrationWithoutTrigger, pointer,
                    "external_integration has neither 'triggers_on' nor any 'actions'; the "
                    "server refuses it with 422",
                    Anchor::Key);
    if (!blank(trigger)) {
        if (!contains(app_schema::triggers(), triggerValue))
            reportWithSuggestion(sink, RuleId::UnknownTrigger, pointer + "/triggers_on",
                                 "unknown triggers_on '" + triggerValue +
                                     "'; the server accepts it but the webhook never fires "
                                     "(known: memory_creation, transcript_processed, "
                                     "audio_bytes)",
                                 triggerValue, app_schema::triggers());
        if (blank(webhook))
            sink.report(RuleId::TriggerWithoutWebhook,
                        webhook ? pointer + "/webhook_url" : pointer + "/triggers_on",
                        "'triggers_on' is set but 'webhook_url' is blank; the server refuses "
                        "it with 422",
                        webhook ? Anchor::Value : Anchor::Key);
    }
    if (!blank(webhook)) {
        const std::string url = text(webhook);
        const bool wellFormed = rules::checkUrl(url, pointer + "/webhook_url", "webhook_url", sink);
        if (wellFormed && triggerValue == "audio_bytes" && url.find('?') != std::string::npos)
            sink.report(RuleId::AudioWebhookHasQuery, pointer + "/webhook_url",
                        "for audio_bytes the app appends '?sample_rate=...&uid=...' without "
                        "looking for an existing '?', so this URL breaks; move the parameters "
                        "into the path or drop them");
    }
    for (const char *key :
         {"setup_completed_url", "app_home_url", "chat_tools_manifest_url", "mcp_server_url"})
        checkOptionalUrl(*integration, pointer, key, sink);
    checkAuthSteps(*integration, pointer, sink);
    checkActions(*integration, pointer, sink);

    const auto target = integration->find("chat_messages_target");
    if (target != integration->end() && target->is_string() &&
        !contains(app_schema::chatTargets(), target->get<std::string>()))
        reportWithSuggestion(sink, RuleId::UnknownChatTarget, pointer + "/chat_messages_target",
                             "unknown chat_messages_target '" + target->get<std::string>() +
                                 "'; the app knows 'app' (the app's own chat) and 'main'",
                             target->get<std::string>(), app_schema::chatTargets());

    const auto instructions = integration->find("setup_instructions_file_path");
    if (instructions != integration->end() && instructions->is_string() &&
        !isBlank(instructions->get<std::string>())) {
        const std::string path = instructions->get<std::string>();
        if (path.starts_with("http"))
            rules::checkUrl(path, pointer + "/setup_instructions_file_path",
                            "setup_instructions_file_path", sink);
        else
            sink.report(RuleId::InstructionsPathNotUrl, pointer + "/setup_instructions_file_path",
                        "an app created through the API has no repository for the app to read '" +
                            path +
                            "' from; publish the instructions and give their URL (it starts "
                            "with http)");
    }
}

void checkLogo(const EntryContext &app, const std::optional<QString> &folder, DiagnosticSink &sink)
{
    const Json *image = app.member("image");
    if (!image || !image->is_string() || isBlank(text(image)))
        return;
    const std::string path = text(image);
    const std::string pointer = app.at("image");
    if (path.starts_with("/plugins/")) {
        sink.report(RuleId::OtherContractField, pointer,
                    "'" + path +
                        "' is a repository path of the 2024 plugin index; an app's image is "
                        "the logo file beside the app document (e.g. \"logo.png\"), uploaded "
                        "with it");
        return;
    }
    if (!app_logo::isRelativeName(path)) {
        sink.report(RuleId::AppImagePath, pointer,
                    "'image' names the logo file relative to the app document (e.g. "
                    "\"logo.png\"); the app's server writes the uploaded logo's URL here");
        return;
    }
    const std::optional<QString> file = folder ? app_logo::fileBeside(path, *folder) : std::nullopt;
    if (!file) {
        sink.report(RuleId::FileChecksSkipped, pointer,
                    "the logo was not checked: the app document's folder is unknown",
                    Anchor::Start);
        return;
    }
    const QFileInfo info(*file);
    if (!info.isFile()) {
        sink.report(RuleId::MissingImage, pointer,
                    "the logo '" + path + "' does not exist beside the app document");
        return;
    }
    const std::string extension = pathExtension(path);
    if (!isStoreImageFormat(imageFormatForExtension(extension)))
        sink.report(RuleId::UnsupportedImageExtension, pointer,
                    "the logo must be a .png, .jpg, .jpeg or .webp file");
    if (info.size() > kMaximumLogoBytes) {
        sink.report(RuleId::LogoTooLarge, pointer,
                    "the logo is " + std::to_string(info.size() / (1024 * 1024)) +
                        " MB; the create endpoint takes at most 10 MB (a 512 px PNG is plenty)");
        return;
    }
    const ImageFacts facts = ImageProbe::probeFile(*file);
    if (!facts.isImage())
        sink.report(RuleId::NotAnImage, pointer,
                    "the logo '" + path + "' is not an image" +
                        (facts.problem.empty() ? std::string() : ": " + facts.problem));
    else if (!facts.isSquare())
        sink.report(RuleId::ImageNotSquare, pointer,
                    "the logo is " + std::to_string(facts.width) + "x" +
                        std::to_string(facts.height) + "; the store crops it to a circle");
}

} // namespace

void checkApp(const Json &app, const std::optional<QString> &folder, DiagnosticSink &sink)
{
    const EntryContext context{app, "", nullptr};
    checkFields(context, sink);
    rules::checkCapabilities(context, sink, app_schema::capabilities());
    rules::checkProactiveNotification(context, sink);
    checkPayment(context, sink);
    checkIntegration(context, sink);
    checkLogo(context, folder, sink);
}

} // namespace studio::app_rules
