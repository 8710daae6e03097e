#pragma once

#include <cstddef>

class QsciLexer;
class QsciScintilla;

namespace studio {

// What every source editor of the studio shares (JSON manifest, markdown instructions):
// UTF-8 text with Unix line ends, the fixed system font, line numbers, the caret line,
// spaces for indentation and word wrap. Each editor adds its own after this.
void setUpSourceEditor(QsciScintilla &editor, QsciLexer &lexer);

// Scintilla's message arguments are unsigned long; byte positions fit easily.
inline unsigned long scintillaArg(std::size_t value)
{
    return static_cast<unsigned long>(value);
}

} // namespace studio
