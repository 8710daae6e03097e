#include "EntryRules.h"

#include <cctype>

namespace studio::rules {

namespace {

// Words of [a-z0-9] joined by single hyphens. A scan rather than a regex: std::regex
// recurses once per character and overflows the stack on a long id.
bool isLowercaseKebab(std::string_view id)
{
    if (id.empty() || id.front() == '-' || id.back() == '-')
        return false;
    char previous = 0;
    for (const char c : id) {
        const bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (!word && (c != '-' || previous == '-'))
            return false;
        previous = c;
    }
    return true;
}

// "Mentor.01 " -> "mentor-01"
std::string kebabCase(const std::string &id)
{
    std::string result;
    for (std::size_t i = 0; i < id.size(); ++i) {
        const auto c = static_cast<unsigned char>(id[i]);
        const bool wordBoundary =
            std::isupper(c) && i > 0 && std::islower(static_cast<unsigned char>(id[i - 1]));
        if (std::isalnum(c) && c < 0x80) {
            if (wordBoundary)
                result += '-';
            result += static_cast<char>(std::tolower(c));
        } else if (!result.empty() && result.back() != '-') {
            result += '-';
        }
    }
    while (!result.empty() && result.back() == '-')
        result.pop_back();
    return result;
}

} // namespace

void checkIdentity(const EntryContext &context, DiagnosticSink &sink)
{
    if (const Json *id = context.member("id"); id && id->is_string()) {
        const auto value = id->get<std::string>();
        if (isBlank(value)) {
            sink.report(RuleId::EmptyId, context.at("id"),
                        value.empty() ? "the id is empty; give a unique lowercase-kebab id like "
                                        "'my-plugin'"
                                      : "the id is only white space; give a unique "
                                        "lowercase-kebab id like 'my-plugin'");
        } else if (!isLowercaseKebab(value)) {
            const std::string suggestion = kebabCase(value);
            sink.report(RuleId::IdStyle, context.at("id"),
                        "the id '" + value + "' is not lowercase-kebab" +
                            (suggestion.empty() ? std::string() : " (like '" + suggestion + "')") +
                            "; it also names the instructions folder and appears in URLs");
        }
    }
    for (const char *key : {"name", "author", "description"}) {
        if (const Json *text = context.member(key);
            text && text->is_string() && isBlank(text->get<std::string>())) {
            sink.report(RuleId::EmptyText, context.at(key),
                        "'" + std::string(key) +
                            "' is empty; the store shows it on the "
                            "plugin's tile and page");
        }
    }
}

} // namespace studio::rules
