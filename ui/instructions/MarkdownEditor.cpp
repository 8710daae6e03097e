#include "MarkdownEditor.h"

#include "editor/DiagnosticMarks.h"
#include "editor/EditorPalette.h"
#include "editor/SourceEditorSetup.h"

#include <Qsci/qscilexermarkdown.h>

namespace studio {

MarkdownEditor::MarkdownEditor(QWidget *parent)
    : DocumentEditor(parent)
    , m_lexer(new QsciLexerMarkdown(this))
    , m_marks(new DiagnosticMarks(this))
{
    setUpSourceEditor(*this, *m_lexer);
    setMarginWidth(1, 0);
    setWrapIndentMode(WrapIndentSame);
    setTabWidth(4);
    setViewKeptOnTools(true);

    // Scintilla moves its scroll bar with signals blocked; it reports scrolling here, once
    // the view is updated (wheel, keys, scroll bar, or setFirstVisibleLine alike).
    connect(this, &QsciScintillaBase::SCN_UPDATEUI, this, [this](int updated) {
        if ((updated & SC_UPDATE_V_SCROLL) == 0)
            return;
        const int line = topSourceLine();
        if (line != m_reportedTopLine) {
            m_reportedTopLine = line;
            emit topSourceLineChanged(line);
        }
    });
    // Prose reads better without messages between its lines: squiggles and tooltips only.
    m_marks->setAnnotationsVisible(false);
    m_marks->setAllFilesShown(true); // it is handed the findings of its own file only
    setDark(false);
}

void MarkdownEditor::showFixes(const QImage &bulb)
{
    setMarginWidth(1, bulb.width());
    m_marks->setFixMarker(bulb);
}

int MarkdownEditor::topSourceLine() const
{
    const auto visible = SendScintilla(SCI_GETFIRSTVISIBLELINE);
    return static_cast<int>(
               SendScintilla(SCI_DOCLINEFROMVISIBLE, static_cast<unsigned long>(visible))) +
           1;
}

void MarkdownEditor::setTopSourceLine(int line)
{
    const auto visible =
        SendScintilla(SCI_VISIBLEFROMDOCLINE, static_cast<unsigned long>(std::max(line - 1, 0)));
    setFirstVisibleLine(static_cast<int>(visible));
}

void MarkdownEditor::selectSpan(SourceSpan span)
{
    SendScintilla(SCI_SETSEL, scintillaArg(span.begin), static_cast<long>(span.end));
    SendScintilla(SCI_SCROLLCARET);
    setFocus();
}

void MarkdownEditor::setDark(bool dark)
{
    const EditorPalette palette = dark ? EditorPalette::dark() : EditorPalette::light();
    m_lexer->setDefaultPaper(palette.paper);
    m_lexer->setPaper(palette.paper, -1);
    m_lexer->setDefaultColor(palette.text);
    // Every markdown style takes its colour from the editor palette, so both themes read well
    // (the lexer's own colours assume a white page).
    using Style = QsciLexerMarkdown;
    const std::pair<int, QColor> colours[] = {
        {Style::Default, palette.text},
        {Style::Special, palette.operators},
        {Style::StrongEmphasisAsterisks, palette.string},
        {Style::StrongEmphasisUnderscores, palette.string},
        {Style::EmphasisAsterisks, palette.string},
        {Style::EmphasisUnderscores, palette.string},
        {Style::Header1, palette.keyword},
        {Style::Header2, palette.keyword},
        {Style::Header3, palette.keyword},
        {Style::Header4, palette.keyword},
        {Style::Header5, palette.keyword},
        {Style::Header6, palette.keyword},
        {Style::Prechar, palette.marginText},
        {Style::UnorderedListItem, palette.operators},
        {Style::OrderedListItem, palette.operators},
        {Style::BlockQuote, palette.marginText},
        {Style::StrikeOut, palette.marginText},
        {Style::HorizontalRule, palette.marginText},
        {Style::Link, palette.property},
        {Style::CodeBackticks, palette.number},
        {Style::CodeDoubleBackticks, palette.number},
        {Style::CodeBlock, palette.number},
    };
    for (const auto &[style, colour] : colours)
        m_lexer->setColor(colour, style);
    setMarginsBackgroundColor(palette.margin);
    setMarginsForegroundColor(palette.marginText);
    setCaretLineBackgroundColor(palette.caretLine);
    setCaretForegroundColor(palette.text);
    setSelectionBackgroundColor(palette.selection);
    m_marks->applyPalette(palette);
}

} // namespace studio
