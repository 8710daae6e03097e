// The JSON parser with its source map: whatever the bytes, parseJson returns a value or an
// error inside the text, and every value it returns is in the source map on a span that
// starts with that value's first character, whose line and column map back to its offset.

#include "FuzzCheck.h"
#include "json/JsonParser.h"
#include "json/JsonPointer.h"
#include "json/LineIndex.h"

using namespace studio;

namespace {

bool startsLike(const Json &value, char first)
{
    switch (value.type()) {
    case Json::value_t::object:
        return first == '{';
    case Json::value_t::array:
        return first == '[';
    case Json::value_t::string:
        return first == '"';
    case Json::value_t::boolean:
        return first == 't' || first == 'f';
    case Json::value_t::null:
        return first == 'n';
    default:
        return first == '-' || (first >= '0' && first <= '9');
    }
}

void checkRoundTrip(const LineIndex &lines, std::size_t offset)
{
    const SourcePosition position = lines.position(offset);
    FUZZ_CHECK(position.isValid());
    FUZZ_CHECK(position.line <= lines.lineCount());
    FUZZ_CHECK(lines.lineStart(position.line) <= offset);
    FUZZ_CHECK(lines.offset(position) == offset);
}

void checkLocated(const Json &value, const std::string &pointer, std::string_view text,
                  const JsonParseResult &parsed, const LineIndex &lines)
{
    const JsonLocation *location = parsed.sourceMap.find(pointer);
    FUZZ_CHECK(location != nullptr);
    FUZZ_CHECK(location->value.begin < location->value.end);
    FUZZ_CHECK(location->value.end <= text.size());
    FUZZ_CHECK(startsLike(value, text[location->value.begin]));
    checkRoundTrip(lines, location->value.begin);
    checkRoundTrip(lines, location->value.end);
    if (location->key) {
        FUZZ_CHECK(location->key->end <= location->value.begin);
        FUZZ_CHECK(text[location->key->begin] == '"');
    }
    FUZZ_CHECK(parsed.sourceMap.findNearest(json_pointer::append(pointer, "absent")) != nullptr);

    if (value.is_object()) {
        for (const auto &[key, member] : value.items())
            checkLocated(member, json_pointer::append(pointer, key), text, parsed, lines);
    } else if (value.is_array()) {
        for (std::size_t i = 0; i < value.size(); ++i)
            checkLocated(value[i], json_pointer::append(pointer, i), text, parsed, lines);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text = fuzz::bytes(data, size);
    const JsonParseResult parsed = parseJson(text);
    const LineIndex lines(text);

    // Without the source map, the same answer.
    const JsonParseResult plain = parseJson(text, {.recordSourceMap = false});
    FUZZ_CHECK(plain.ok() == parsed.ok());
    FUZZ_CHECK(plain.sourceMap.empty());

    if (!parsed.ok()) {
        FUZZ_CHECK(!parsed.error->message.empty());
        FUZZ_CHECK(parsed.error->offset <= text.size());
        // An error may sit on a stray UTF-8 continuation byte, which has no column of its own.
        FUZZ_CHECK(lines.position(parsed.error->offset).isValid());
        return 0;
    }
    FUZZ_CHECK(plain.value == parsed.value);
    checkLocated(parsed.value, "", text, parsed, lines);
    for (const JsonParseIssue &issue : parsed.issues)
        FUZZ_CHECK(issue.span.end <= text.size());

    // What the parser accepts, nlohmann writes and the parser reads back as the same value.
    const std::string written = parsed.value.dump();
    const JsonParseResult reread = parseJson(written);
    FUZZ_CHECK(reread.ok());
    FUZZ_CHECK(reread.value == parsed.value);
    return 0;
}
