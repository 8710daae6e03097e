#pragma once

#include "JsonEdit.h"
#include "TextSplice.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace studio {

struct JsonEditResult
{
    std::optional<TextSplice> splice; // none when the edit changes nothing
    std::string error;                // why the edit cannot be made, "" when it can

    bool ok() const { return error.empty(); }
};

struct JsonEditsResult
{
    std::vector<TextSplice> splices; // in the order they apply
    std::string text;                // the text after all of them
    std::string error;

    bool ok() const { return error.empty(); }
};

// Turns a JsonEdit into the smallest splice of the document's text: a value is replaced
// in its own span; a new member goes to its place in the manifest's field order, written
// in the document's indentation; a removed member takes its comma with it. Every other
// byte of the text stays as the user left it.
class JsonEditSplicer
{
public:
    // `parsed` is the parse of `text`, with its source map.
    static JsonEditResult apply(std::string_view text, const JsonParseResult &parsed,
                                const JsonEdit &edit);

    // Several edits, each applied to the text the one before produced; all or nothing.
    static JsonEditsResult applyAll(std::string_view text, const std::vector<JsonEdit> &edits);
};

} // namespace studio
