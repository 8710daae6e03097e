#pragma once

#include <cstddef>

namespace studio {

// A byte range [begin, end) in a UTF-8 text. Byte offsets are what the text editor
// (Scintilla) addresses, so spans map onto it without conversion.
struct SourceSpan
{
    std::size_t begin = 0;
    std::size_t end = 0;

    std::size_t length() const { return end - begin; }
    bool operator==(const SourceSpan &) const = default;
};

// A 1-based line and column; the column counts Unicode code points, as editors show it.
struct SourcePosition
{
    int line = 0;
    int column = 0;

    bool isValid() const { return line > 0 && column > 0; }
    bool operator==(const SourcePosition &) const = default;
};

} // namespace studio
