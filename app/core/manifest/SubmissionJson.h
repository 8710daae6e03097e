#pragma once

#include "json/JsonParser.h"

#include <string>

namespace studio {

// The entry with its keys in the order of the real index (id, name, author, description,
// image, capabilities, prompts, sections, deleted), unknown keys last in their own order.
Json canonicalEntry(const Json &entry);

struct JsonStyle
{
    int indentWidth = 2;
    char indentChar = ' ';
};

// The canonical text of one entry: indented, UTF-8, without a final newline.
std::string entryText(const Json &entry, const JsonStyle &style = {});

// The submission file for one entry: canonical text and a final newline.
std::string submissionJson(const Json &entry);

} // namespace studio
