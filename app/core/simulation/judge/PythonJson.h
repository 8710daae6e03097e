#pragma once

#include "json/JsonParser.h"

namespace studio {

// How the app's backend decodes a plugin's answer: requests' response.json(), which is
// Python's json.loads on the body decoded as UTF-8 with bad bytes replaced. The verdicts
// follow what that decoder really accepts, not what RFC 8259 allows.
struct PythonJson
{
    // json.loads recurses once per array or object; Python's recursion limit (1000) less the
    // frames of the thread that calls the plugin leaves about this many levels (json.loads
    // alone, at the top of a script, fails at 996).
    static constexpr int kMaxNesting = 990;

    static JsonParseOptions options()
    {
        JsonParseOptions options;
        options.recordSourceMap = false;
        options.dialect = JsonDialect::PythonJsonLoads;
        options.maxDepth = kMaxNesting;
        return options;
    }
};

} // namespace studio
