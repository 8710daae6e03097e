#include "RuleCatalog.h"

#include <algorithm>
#include <array>

namespace studio {

namespace {

using enum RuleId;
using enum Severity;

// Severity follows what the app does: an error breaks the plugin (or the whole store) or
// makes it silently do nothing; a warning works but is likely wrong.
// clang-format off
constexpr std::array kRules{
    RuleInfo{SyntaxError, "PS001", Error, "the text is not valid JSON"},
    RuleInfo{ByteOrderMark, "PS002", Error, "the file starts with a byte-order mark"},
    RuleInfo{DuplicateKey, "PS003", Warning, "a key appears twice in one object"},
    RuleInfo{WrongDocumentType, "PS004", Error, "the document is not a manifest or an index"},
    RuleInfo{MissingField, "PS101", Error, "a required field is missing"},
    RuleInfo{WrongType, "PS102", Error, "a field has the wrong type"},
    RuleInfo{EmptyText, "PS103", Warning, "a text shown in the store is empty"},
    RuleInfo{UnknownCapability, "PS110", Error, "unknown capability"},
    RuleInfo{CapabilityWithoutSection, "PS111", Error, "a capability lacks its section or prompt"},
    RuleInfo{SectionWithoutCapability, "PS112", Warning, "a section or prompt lacks its capability"},
    RuleInfo{DuplicateCapability, "PS113", Warning, "a capability is listed twice"},
    RuleInfo{NoCapabilities, "PS114", Error, "no capabilities"},
    RuleInfo{EmptyPrompt, "PS115", Error, "a prompt is empty"},
    RuleInfo{EmptyId, "PS120", Error, "the id is empty"},
    RuleInfo{IdStyle, "PS121", Warning, "the id is not lowercase-kebab"},
    RuleInfo{DuplicateId, "PS122", Error, "the id is used by another entry"},
    RuleInfo{MalformedUrl, "PS130", Error, "not an absolute http(s) URL"},
    RuleInfo{PlainHttpUrl, "PS131", Warning, "plain http URL"},
    RuleInfo{LocalUrl, "PS132", Warning, "URL points at this machine or a private network"},
    RuleInfo{UidAlreadyInUrl, "PS133", Info, "URL already carries a uid parameter"},
    RuleInfo{SetupUrlHasQuery, "PS134", Warning, "setup check URL already has a query string"},
    RuleInfo{UnknownTrigger, "PS140", Error, "unknown triggers_on value"},
    RuleInfo{MalformedAuthStep, "PS141", Error, "malformed auth step"},
    RuleInfo{MalformedImagePath, "PS150", Error, "malformed image path"},
    RuleInfo{MissingImage, "PS151", Error, "the image file does not exist"},
    RuleInfo{UnsupportedImageExtension, "PS152", Error, "unsupported image extension"},
    RuleInfo{NotAnImage, "PS153", Error, "the image file is not an image"},
    RuleInfo{ImageFormatMismatch, "PS154", Warning, "the image's format differs from its extension"},
    RuleInfo{ImageNotSquare, "PS155", Warning, "the image is not square"},
    RuleInfo{ImageTooSmall, "PS156", Warning, "the image is under 256 px"},
    RuleInfo{ImageTooLarge, "PS157", Warning, "the image file is over 1 MB"},
    RuleInfo{MalformedInstructionsPath, "PS160", Error, "malformed instructions path"},
    RuleInfo{MissingInstructions, "PS161", Error, "the instructions file does not exist"},
    RuleInfo{InstructionsNotMarkdown, "PS162", Warning, "the instructions file is not markdown"},
    RuleInfo{InstructionsFolderNotId, "PS163", Warning, "the instructions folder is not named after the id"},
    RuleInfo{UnknownScope, "PS170", Error, "unknown proactive notification scope"},
    RuleInfo{NoScopes, "PS171", Warning, "no proactive notification scopes"},
    RuleInfo{LegacyField, "PS180", Warning, "legacy field the app ignores"},
    RuleInfo{ServerOwnedField, "PS181", Warning, "field owned by the server"},
    RuleInfo{UnknownKey, "PS182", Warning, "unknown key"},
    RuleInfo{MisplacedKey, "PS183", Warning, "key in the wrong place"},
    RuleInfo{DeletedEntry, "PS184", Warning, "the entry is marked deleted"},
    RuleInfo{MissingDeleted, "PS185", Info, "no deleted flag"},
    RuleInfo{FileChecksSkipped, "PS190", Info, "file checks skipped"},
    RuleInfo{InstructionsEmpty, "PS201", Warning, "the setup instructions are empty"},
    RuleInfo{InstructionsMalformedLink, "PS202", Error, "malformed link in the setup instructions"},
    RuleInfo{InstructionsMissingImage, "PS203", Error, "an image of the setup instructions does not exist"},
    RuleInfo{InstructionsMissingFile, "PS204", Error, "a file the setup instructions link to does not exist"},
    RuleInfo{InstructionsAssetsOutsideIdFolder, "PS205", Error, "assets/ links break: the instructions folder is not the id"},
    RuleInfo{InstructionsPlainHttpLink, "PS206", Warning, "plain http link in the setup instructions"},
    RuleInfo{InstructionsUnresolvedLink, "PS207", Warning, "relative link the app does not resolve"},
    RuleInfo{InstructionsUnreadable, "PS208", Error, "the setup instructions cannot be read"},
    RuleInfo{InstructionsNotText, "PS209", Error, "the setup instructions are not UTF-8 text"},
    RuleInfo{InstructionsNotChecked, "PS210", Warning, "part of the setup instructions is not checked"},
    RuleInfo{PaidAppIncomplete, "PS301", Error, "a paid app lacks its price or payment plan"},
    RuleInfo{IntegrationWithoutTrigger, "PS302", Error, "external_integration has neither triggers_on nor actions"},
    RuleInfo{TriggerWithoutWebhook, "PS303", Error, "triggers_on is set but webhook_url is blank"},
    RuleInfo{UnknownAction, "PS304", Error, "unknown action"},
    RuleInfo{AudioWebhookHasQuery, "PS305", Error, "audio_bytes webhook URL already has a query string"},
    RuleInfo{OtherContractField, "PS306", Warning, "field of the 2024 plugin index"},
    RuleInfo{AppImagePath, "PS307", Error, "the logo is not a file beside the app document"},
    RuleInfo{LogoTooLarge, "PS308", Error, "the logo file is over 10 MB"},
    RuleInfo{UnknownChatTarget, "PS309", Error, "unknown chat_messages_target"},
    RuleInfo{HomeUrlFromAuthStep, "PS310", Info, "app_home_url comes from the only auth step"},
    RuleInfo{InstructionsPathNotUrl, "PS311", Warning, "setup instructions path is not a URL"},
    RuleInfo{ToolsManifestShape, "PS401", Error, "the tools manifest has no tools list"},
    RuleInfo{ToolMissingField, "PS402", Error, "a tool lacks its name, description or endpoint"},
    RuleInfo{UnsupportedParameterType, "PS403", Error, "unsupported parameter type"},
    RuleInfo{DuplicateToolName, "PS404", Error, "two tools have the same name"},
    RuleInfo{UnsupportedToolMethod, "PS405", Error, "unsupported tool method"},
    RuleInfo{UnresolvableEndpoint, "PS406", Error, "the tool's endpoint cannot be resolved"},
    RuleInfo{UnknownRequiredParameter, "PS407", Warning, "a required parameter is not declared"},
};
// clang-format on

} // namespace

const RuleInfo &ruleInfo(RuleId id)
{
    return kRules[static_cast<std::size_t>(id)];
}

const RuleInfo *findRule(std::string_view code)
{
    const auto it = std::find_if(kRules.begin(), kRules.end(),
                                 [code](const RuleInfo &rule) { return rule.code == code; });
    return it == kRules.end() ? nullptr : &*it;
}

std::span<const RuleInfo> allRules()
{
    return kRules;
}

std::string_view severityName(Severity severity)
{
    switch (severity) {
    case Error:
        return "error";
    case Warning:
        return "warning";
    case Info:
        return "info";
    }
    return "error";
}

} // namespace studio
