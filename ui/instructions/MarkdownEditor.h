#pragma once

#include "json/SourceLocation.h"
#include "validation/Diagnostic.h"

#include <Qsci/qsciscintilla.h>

#include <vector>

class QsciLexerMarkdown;

namespace studio {

// The markdown source of the setup instructions: QScintilla with its markdown lexer, word
// wrap, line numbers and the findings of the instructions checks underlined in place.
class MarkdownEditor : public QsciScintilla
{
    Q_OBJECT

public:
    static constexpr int kErrorIndicator = 8; // Scintilla's first indicators for containers
    static constexpr int kWarningIndicator = 9;

    explicit MarkdownEditor(QWidget *parent = nullptr);

    // The text as UTF-8, as the checks and the file count bytes.
    QByteArray bytes() const;
    // 1-based number of the first source line shown at the top (wrapped lines count once).
    int topSourceLine() const;
    void setTopSourceLine(int line);

    // Spans are byte offsets into the current text; findings of other files are ignored.
    void setDiagnostics(const std::vector<Diagnostic> &diagnostics);
    int indicatorAt(std::size_t offset) const; // -1 for none
    // The messages of the findings covering a byte offset, one per line (the tooltip).
    QString messagesAt(std::size_t offset) const;
    void selectSpan(SourceSpan span);

    void setDark(bool dark);

signals:
    void topSourceLineChanged(int line);

private:
    QsciLexerMarkdown *m_lexer;
    int m_reportedTopLine = 1;
    std::vector<Diagnostic> m_diagnostics;
};

} // namespace studio
