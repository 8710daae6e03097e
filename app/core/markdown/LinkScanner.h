#pragma once

#include "MarkdownLink.h"

#include <string_view>
#include <vector>

namespace studio {

class GfmDocument;

// Every link and image of a parsed markdown text, in document order, located in the text
// it was parsed from.
class LinkScanner
{
public:
    static std::vector<MarkdownLink> scan(const GfmDocument &document, std::string_view text);
};

} // namespace studio
