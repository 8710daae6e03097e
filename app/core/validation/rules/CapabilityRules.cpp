#include "EntryRules.h"
#include "diagnostics/Suggestions.h"
#include "json/JsonPointer.h"
#include "manifest/ManifestSchema.h"

#include <algorithm>
#include <set>
#include <vector>

namespace studio::rules {

namespace {

namespace schema = manifest_schema;

bool isBlankString(const Json &value)
{
    return value.is_string() && isBlank(value.get_ref<const std::string &>());
}

} // namespace

void checkCapabilities(const EntryContext &context, DiagnosticSink &sink)
{
    checkCapabilities(context, sink, schema::capabilities());
}

void checkCapabilities(const EntryContext &context, DiagnosticSink &sink,
                       std::span<const schema::Capability> known)
{
    std::vector<std::string_view> knownValues;
    for (const auto &capability : known)
        knownValues.push_back(capability.value);
    std::string knownList;
    for (const auto value : knownValues)
        knownList += (knownList.empty() ? "" : ", ") + std::string(value);
    const Json *capabilities = context.member("capabilities");
    if (!capabilities || !capabilities->is_array())
        return;
    const std::string pointer = context.at("capabilities");
    if (capabilities->empty()) {
        sink.report(RuleId::NoCapabilities, pointer,
                    "'capabilities' is empty, so the plugin does nothing; list at least one of " +
                        knownList);
        return;
    }

    std::set<std::string> present;
    for (std::size_t i = 0; i < capabilities->size(); ++i) {
        const Json &item = (*capabilities)[i];
        if (!item.is_string())
            continue; // reported by the field rules
        const auto value = item.get<std::string>();
        const std::string itemPointer = json_pointer::append(pointer, i);
        if (std::find(knownValues.begin(), knownValues.end(), value) == knownValues.end()) {
            reportWithSuggestion(sink, RuleId::UnknownCapability, itemPointer,
                                 "unknown capability '" + value +
                                     "'; the app ignores it, so it does nothing",
                                 value, knownValues);
        } else if (!present.insert(value).second) {
            sink.report(RuleId::DuplicateCapability, itemPointer,
                        "capability '" + value + "' is listed twice");
        }
    }

    for (const auto &capability : known) {
        const bool listed = present.count(std::string(capability.value)) > 0;
        const Json *section = context.member(capability.requiredKey);
        const std::string key(capability.requiredKey);
        if (listed && !section) {
            sink.report(RuleId::CapabilityWithoutSection, context.at(key),
                        "capability '" + std::string(capability.value) + "' needs '" + key +
                            "'; without it the capability does nothing",
                        Anchor::Key);
        } else if (listed && isBlankString(*section)) {
            sink.report(RuleId::EmptyPrompt, context.at(key),
                        "'" + key + "' is empty; capability '" + std::string(capability.value) +
                            "' would run an empty prompt");
        } else if (!listed && section && !section->is_null()) {
            sink.report(RuleId::SectionWithoutCapability, context.at(key),
                        "'" + key + "' is set but 'capabilities' does not list '" +
                            std::string(capability.value) + "', so the app ignores it",
                        Anchor::Key);
        }
    }
}

} // namespace studio::rules
