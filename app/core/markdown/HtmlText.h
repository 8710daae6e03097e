#pragma once

#include <string>
#include <string_view>

namespace studio {

// Text placed into HTML the renderer writes itself (placeholders, markers, attributes).
class HtmlText
{
public:
    // Escapes &, <, >, " and ' so the text can go into content and quoted attributes.
    static std::string escape(std::string_view text);
};

} // namespace studio
