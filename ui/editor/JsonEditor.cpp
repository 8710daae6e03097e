#include "JsonEditor.h"

#include "EditorPalette.h"
#include "SourceEditorSetup.h"
#include "document/ManifestDocument.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QMenu>
#include <QScrollBar>
#include <Qsci/qscicommand.h>
#include <Qsci/qscicommandset.h>
#include <Qsci/qscilexerjson.h>

namespace studio {

namespace {

// The longest key of the manifest at its indentation, with its quotes, the colon and the
// value's opening quote: "setup_instructions_file_path" inside "external_integration".
const QString kLongestKeyLine = QStringLiteral("    \"setup_instructions_file_path\": \"");

} // namespace

JsonEditor::JsonEditor(QWidget *parent)
    : DocumentEditor(parent)
    , m_lexer(new QsciLexerJSON(this))
{
    m_lexer->setHighlightComments(false);
    setUpSourceEditor(*this, *m_lexer);
    setMarginWidth(1, 14);
    setMarginSensitivity(1, false);
    setFolding(BoxedTreeFoldStyle, 2);
    setBraceMatching(SloppyBraceMatch);
    setIndentationWidth(2);
    setTabWidth(2);
    setWrapVisualFlags(WrapFlagByBorder);
    setWrapIndentMode(WrapIndentIndented);
    setScrollWidthTracking(true);
    setScrollWidth(1);

    connect(this, &QsciScintillaBase::SCN_UPDATEUI, this, [this](int) { reportCursor(); });
    applyPalette(EditorPalette::light());
}

JsonEditor::~JsonEditor() = default;

void JsonEditor::setDocument(ManifestDocument *document)
{
    m_document = document;
    setTextDocument(document);
}

void JsonEditor::applyPalette(const EditorPalette &palette)
{
    m_lexer->setDefaultPaper(palette.paper);
    m_lexer->setPaper(palette.paper, -1);
    m_lexer->setDefaultColor(palette.text);
    m_lexer->setColor(palette.text, QsciLexerJSON::Default);
    m_lexer->setColor(palette.property, QsciLexerJSON::Property);
    m_lexer->setColor(palette.string, QsciLexerJSON::String);
    m_lexer->setColor(palette.string, QsciLexerJSON::IRI);
    m_lexer->setColor(palette.string, QsciLexerJSON::IRICompact);
    m_lexer->setColor(palette.string, QsciLexerJSON::EscapeSequence);
    m_lexer->setColor(palette.error, QsciLexerJSON::UnclosedString);
    m_lexer->setColor(palette.number, QsciLexerJSON::Number);
    m_lexer->setColor(palette.keyword, QsciLexerJSON::Keyword);
    m_lexer->setColor(palette.keyword, QsciLexerJSON::KeywordLD);
    m_lexer->setColor(palette.operators, QsciLexerJSON::Operator);
    m_lexer->setColor(palette.error, QsciLexerJSON::Error);
    m_lexer->setColor(palette.marginText, QsciLexerJSON::CommentLine);
    m_lexer->setColor(palette.marginText, QsciLexerJSON::CommentBlock);
    // The IRI styles underline by default; URLs are common here and read better plain.
    QFont font = m_lexer->font(QsciLexerJSON::IRI);
    font.setUnderline(false);
    m_lexer->setFont(font, QsciLexerJSON::IRI);
    m_lexer->setFont(font, QsciLexerJSON::IRICompact);

    setMarginsBackgroundColor(palette.margin);
    setMarginsForegroundColor(palette.marginText);
    setFoldMarginColors(palette.margin, palette.margin);
    setCaretForegroundColor(palette.text);
    setCaretLineBackgroundColor(palette.caretLine);
    setSelectionBackgroundColor(palette.selection);
    setSelectionForegroundColor(palette.text);
    setMatchedBraceBackgroundColor(palette.braceMatch);
    setMatchedBraceForegroundColor(palette.text);
    setUnmatchedBraceBackgroundColor(palette.braceBad);
    setUnmatchedBraceForegroundColor(palette.error);
    for (int marker = int(SC_MARKNUM_FOLDEREND); marker <= int(SC_MARKNUM_FOLDEROPEN); ++marker) {
        setMarkerForegroundColor(palette.margin, marker);
        setMarkerBackgroundColor(palette.marginText, marker);
    }
}

std::size_t JsonEditor::cursorOffset() const
{
    return static_cast<std::size_t>(SendScintilla(SCI_GETCURRENTPOS));
}

void JsonEditor::setCursorOffset(std::size_t offset)
{
    SendScintilla(SCI_GOTOPOS, scintillaArg(offset));
}

SourceSpan JsonEditor::selectedSpan() const
{
    return {static_cast<std::size_t>(SendScintilla(SCI_GETSELECTIONSTART)),
            static_cast<std::size_t>(SendScintilla(SCI_GETSELECTIONEND))};
}

void JsonEditor::selectSpan(SourceSpan span)
{
    const auto length = static_cast<std::size_t>(SendScintilla(SCI_GETLENGTH));
    const std::size_t end = std::min(span.end, length);
    const std::size_t begin = std::min(span.begin, end);
    // Unfold, then show the whole span with some context above it.
    SendScintilla(SCI_ENSUREVISIBLEENFORCEPOLICY, static_cast<unsigned long>(SendScintilla(
                                                      SCI_LINEFROMPOSITION, scintillaArg(begin))));
    SendScintilla(SCI_SETSEL, scintillaArg(begin), static_cast<long>(end));
    SendScintilla(SCI_SCROLLRANGE, scintillaArg(end), static_cast<long>(begin));
}

std::vector<SourceSpan> JsonEditor::findAll(const QString &text, bool matchCase) const
{
    std::vector<SourceSpan> spans;
    const QByteArray needle = text.toUtf8();
    if (needle.isEmpty())
        return spans;
    const auto length = static_cast<std::size_t>(SendScintilla(SCI_GETLENGTH));
    SendScintilla(SCI_SETSEARCHFLAGS,
                  matchCase ? static_cast<unsigned long>(SCFIND_MATCHCASE) : 0UL);
    std::size_t from = 0;
    while (from < length) {
        SendScintilla(SCI_SETTARGETRANGE, scintillaArg(from), static_cast<long>(length));
        const long found =
            SendScintilla(SCI_SEARCHINTARGET, scintillaArg(needle.size()), needle.constData());
        if (found < 0)
            break;
        const auto end = static_cast<std::size_t>(SendScintilla(SCI_GETTARGETEND));
        spans.push_back({static_cast<std::size_t>(found), end});
        from = std::max(end, static_cast<std::size_t>(found) + 1);
    }
    return spans;
}

void JsonEditor::reportCursor()
{
    const auto position = static_cast<long>(SendScintilla(SCI_GETCURRENTPOS));
    const auto line = static_cast<long>(
        SendScintilla(SCI_LINEFROMPOSITION, static_cast<unsigned long>(position)));
    const auto lineStart =
        static_cast<long>(SendScintilla(SCI_POSITIONFROMLINE, static_cast<unsigned long>(line)));
    const auto column = static_cast<long>(
        SendScintilla(SCI_COUNTCHARACTERS, static_cast<unsigned long>(lineStart), position));
    emit cursorMoved(static_cast<int>(line) + 1, static_cast<int>(column) + 1);
}

QSize JsonEditor::minimumSizeHint() const
{
    return {2 * frameWidth() + verticalScrollBar()->sizeHint().width() + besideText() +
                textWidth(kLongestKeyLine),
            QsciScintilla::minimumSizeHint().height()};
}

int JsonEditor::wrapWidth() const
{
    return viewport()->width() - besideText();
}

int JsonEditor::besideText() const
{
    int margins = 0;
    for (unsigned long margin = 0; margin < 5; ++margin)
        margins += static_cast<int>(SendScintilla(SCI_GETMARGINWIDTHN, margin));
    margins += static_cast<int>(SendScintilla(SCI_GETMARGINLEFT)) +
               static_cast<int>(SendScintilla(SCI_GETMARGINRIGHT));
    // Scintilla keeps room for the mark at the end of a wrapped line.
    return margins + textWidth(QStringLiteral("x"));
}

int JsonEditor::textWidth(const QString &text) const
{
    const QByteArray utf8 = text.toUtf8();
    return static_cast<int>(
        SendScintilla(SCI_TEXTWIDTH, static_cast<unsigned long>(STYLE_DEFAULT), utf8.constData()));
}

} // namespace studio
