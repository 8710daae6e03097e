#include "SourceEditorSetup.h"

#include <QFontDatabase>
#include <Qsci/qscilexer.h>
#include <Qsci/qsciscintilla.h>

namespace studio {

void setUpSourceEditor(QsciScintilla &editor, QsciLexer &lexer)
{
    editor.setUtf8(true);
    editor.setEolMode(QsciScintilla::EolUnix);
    const QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    lexer.setDefaultFont(font);
    lexer.setFont(font, -1);
    editor.setLexer(&lexer);
    editor.setMarginType(0, QsciScintilla::NumberMargin);
    editor.setMarginLineNumbers(0, true);
    editor.setMarginWidth(0, QStringLiteral("0000"));
    editor.setCaretLineVisible(true);
    editor.setIndentationsUseTabs(false);
    editor.setAutoIndent(true);
    editor.setWrapMode(QsciScintilla::WrapWord);
}

} // namespace studio
