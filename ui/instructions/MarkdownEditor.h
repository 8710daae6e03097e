#pragma once

#include "editor/DocumentEditor.h"
#include "json/SourceLocation.h"

class QsciLexerMarkdown;

namespace studio {
class DiagnosticMarks;
}

namespace studio {

// The markdown source of the setup instructions, a view of their document: QScintilla with
// its markdown lexer, word wrap, line numbers and the findings of the instructions checks
// underlined in place. A reload from disk keeps the caret and the lines shown on their text.
class MarkdownEditor : public DocumentEditor
{
    Q_OBJECT

public:
    explicit MarkdownEditor(QWidget *parent = nullptr);
    // 1-based number of the first source line shown at the top (wrapped lines count once).
    int topSourceLine() const;
    void setTopSourceLine(int line);

    // The findings underlined in the text, with their messages as tooltips.
    DiagnosticMarks *marks() const { return m_marks; }
    // Lines with a one-click fix show `bulb` in a margin of its own (marks()->fixRequested).
    void showFixes(const QImage &bulb);
    void selectSpan(SourceSpan span);

    void setDark(bool dark);

signals:
    void topSourceLineChanged(int line);

private:
    QsciLexerMarkdown *m_lexer;
    int m_reportedTopLine = 1;
    DiagnosticMarks *m_marks;
};

} // namespace studio
