#pragma once

#include <span>
#include <string_view>

namespace studio {

enum class Severity
{
    Error,
    Warning,
    Info
};

// Every rule the validator applies. Codes are stable: tools and CI scripts match on them.
// docs/diagnostics.md documents each one; a test keeps the two in step.
enum class RuleId
{
    // Document
    SyntaxError,
    ByteOrderMark,
    DuplicateKey,
    WrongDocumentType,
    // Fields and types
    MissingField,
    WrongType,
    EmptyText,
    // Capabilities
    UnknownCapability,
    CapabilityWithoutSection,
    SectionWithoutCapability,
    DuplicateCapability,
    NoCapabilities,
    EmptyPrompt,
    // Id
    EmptyId,
    IdStyle,
    DuplicateId,
    // URLs
    MalformedUrl,
    PlainHttpUrl,
    LocalUrl,
    UidAlreadyInUrl,
    SetupUrlHasQuery,
    // External integration
    UnknownTrigger,
    MalformedAuthStep,
    // Image
    MalformedImagePath,
    MissingImage,
    UnsupportedImageExtension,
    NotAnImage,
    ImageFormatMismatch,
    ImageNotSquare,
    ImageTooSmall,
    ImageTooLarge,
    // Setup instructions
    MalformedInstructionsPath,
    MissingInstructions,
    InstructionsNotMarkdown,
    InstructionsFolderNotId,
    // Proactive notification
    UnknownScope,
    NoScopes,
    // Keys
    LegacyField,
    ServerOwnedField,
    UnknownKey,
    MisplacedKey,
    DeletedEntry,
    MissingDeleted,
    FileChecksSkipped,
    // Setup-instructions markdown (located in the markdown file)
    InstructionsEmpty,
    InstructionsMalformedLink,
    InstructionsMissingImage,
    InstructionsMissingFile,
    InstructionsAssetsOutsideIdFolder,
    InstructionsPlainHttpLink,
    InstructionsUnresolvedLink,
    InstructionsUnreadable,
    InstructionsNotText,
    InstructionsNotChecked,
    // Apps (apps-2026 contract)
    PaidAppIncomplete,
    IntegrationWithoutTrigger,
    TriggerWithoutWebhook,
    UnknownAction,
    AudioWebhookHasQuery,
    OtherContractField,
    AppImagePath,
    LogoTooLarge,
    UnknownChatTarget,
    HomeUrlFromAuthStep,
    InstructionsPathNotUrl,
    // Chat tools manifest (apps-2026, omi-tools.json)
    ToolsManifestShape,
    ToolMissingField,
    UnsupportedParameterType,
    DuplicateToolName,
    UnsupportedToolMethod,
    UnresolvableEndpoint,
    UnknownRequiredParameter,
};

struct RuleInfo
{
    RuleId id;
    std::string_view code;
    Severity severity;
    std::string_view title;
};

const RuleInfo &ruleInfo(RuleId id);
const RuleInfo *findRule(std::string_view code);
std::span<const RuleInfo> allRules();
std::string_view severityName(Severity severity);

} // namespace studio
