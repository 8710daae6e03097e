#pragma once

#include "json/SourceLocation.h"

#include <string>

namespace studio {

// A link or an image of a markdown text, located in the source: `span` covers the
// destination where it is written there (else the whole link), for diagnostics to point at.
struct MarkdownLink
{
    enum class Kind
    {
        Link,
        Image
    };

    Kind kind = Kind::Link;
    std::string destination;
    SourceSpan span;
    SourcePosition start;
    SourcePosition end;
};

} // namespace studio
