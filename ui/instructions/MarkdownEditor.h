#pragma once

#include "json/SourceLocation.h"

#include <Qsci/qsciscintilla.h>

class QsciLexerMarkdown;

namespace studio {
class DiagnosticMarks;
}

namespace studio {

// The markdown source of the setup instructions: QScintilla with its markdown lexer, word
// wrap, line numbers and the findings of the instructions checks underlined in place.
class MarkdownEditor : public QsciScintilla
{
    Q_OBJECT

public:
    explicit MarkdownEditor(QWidget *parent = nullptr);

    // The text as UTF-8, as the checks and the file count bytes.
    QByteArray bytes() const;
    // Replaces the text by `text` with the smallest change, as one undo step, so the caret
    // and the scroll position stay where the text around them is unchanged.
    void replaceKeepingView(const QByteArray &text);
    // 1-based number of the first source line shown at the top (wrapped lines count once).
    int topSourceLine() const;
    void setTopSourceLine(int line);

    // The findings underlined in the text, with their messages as tooltips.
    DiagnosticMarks *marks() const { return m_marks; }
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
