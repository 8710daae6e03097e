#pragma once

#include "JsonSourceMap.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace studio {

using Json = nlohmann::ordered_json;

// Which reader's idea of JSON to follow.
enum class JsonDialect
{
    Strict,        // RFC 8259: what every consumer of the plugin index accepts
    PythonJsonLoads // what the app's Python backend decodes (requests' .json(), json.loads)
};

struct JsonParseOptions
{
    // Deep enough for any manifest, shallow enough that recursion cannot exhaust the stack.
    int maxDepth = 256;
    bool recordSourceMap = true;
    // PythonJsonLoads also accepts lone UTF-16 surrogates (kept as WTF-8), NaN, Infinity and
    // -Infinity, numbers beyond a double's range (as infinity or zero), and bytes that are not
    // UTF-8 inside strings (replaced with U+FFFD, as requests decodes the body); it refuses
    // integers of more than 4300 digits, as Python 3.11 does.
    JsonDialect dialect = JsonDialect::Strict;
};

// Something the parser accepted but the app's JSON reader may not, or a likely mistake.
struct JsonParseIssue
{
    enum class Kind
    {
        ByteOrderMark,
        DuplicateKey
    };
    Kind kind;
    std::string pointer;
    SourceSpan span;
};

struct JsonParseError
{
    std::string message;
    std::size_t offset = 0;
};

struct JsonParseResult
{
    Json value;
    JsonSourceMap sourceMap;
    std::vector<JsonParseIssue> issues;
    std::optional<JsonParseError> error;

    bool ok() const { return !error.has_value(); }
};

// A strict RFC 8259 parser that records where each value sits in the text, so every
// diagnostic can point at the exact span it is about. nlohmann's parser offers no
// positions; this one builds nlohmann values so the rest of the code uses its API.
JsonParseResult parseJson(std::string_view text, const JsonParseOptions &options = {});

} // namespace studio
