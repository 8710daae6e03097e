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
    : QsciScintilla(parent)
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

    // One history for both views: Scintilla keeps none, and its undo keys go to the window.
    SendScintilla(SCI_SETUNDOCOLLECTION, 0UL);
    releaseKeys({QKeySequence::Undo, QKeySequence::Redo, QKeySequence(Qt::CTRL | Qt::Key_Y),
                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)});
    for (const auto command : {QsciCommand::Undo, QsciCommand::Redo}) {
        if (QsciCommand *bound = standardCommands()->find(command)) {
            bound->setKey(0);
            bound->setAlternateKey(0);
        }
    }

    connect(this, &QsciScintillaBase::SCN_MODIFIED, this,
            [this](int position, int type, const char *text, int length, int, int, int, int, int,
                   int) { onModified(position, type, text, length); });
    connect(this, &QsciScintillaBase::SCN_UPDATEUI, this, [this](int) { reportCursor(); });
    applyPalette(EditorPalette::light());
}

JsonEditor::~JsonEditor() = default;

void JsonEditor::setDocument(ManifestDocument *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (!document)
        return;
    connect(document, &ManifestDocument::reset, this, &JsonEditor::reload);
    connect(document, &ManifestDocument::spliced, this, &JsonEditor::mirror);
    reload();
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

void JsonEditor::setHistoryActions(QAction *undo, QAction *redo)
{
    m_undoAction = undo;
    m_redoAction = redo;
}

void JsonEditor::releaseKeys(const QList<QKeySequence> &keys)
{
    for (const QKeySequence &sequence : keys) {
        if (sequence.isEmpty())
            continue;
        const int key = sequence[0].toCombined();
        for (QsciCommand *command : standardCommands()->commands()) {
            if (command->key() == key)
                command->setKey(0);
            if (command->alternateKey() == key)
                command->setAlternateKey(0);
        }
    }
}

QByteArray JsonEditor::bytes() const
{
    const auto length = static_cast<int>(SendScintilla(SCI_GETLENGTH));
    QByteArray buffer(length + 1, '\0');
    SendScintilla(SCI_GETTEXT, scintillaArg(static_cast<std::size_t>(length) + 1), buffer.data());
    buffer.chop(1);
    return buffer;
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

void JsonEditor::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    if (m_undoAction)
        menu.addAction(m_undoAction);
    if (m_redoAction)
        menu.addAction(m_redoAction);
    menu.addSeparator();
    const bool hasSelection = hasSelectedText();
    menu.addAction(tr("Cu&t"), QKeySequence::Cut, this, &QsciScintilla::cut)
        ->setEnabled(hasSelection && !isReadOnly());
    menu.addAction(tr("&Copy"), QKeySequence::Copy, this, &QsciScintilla::copy)
        ->setEnabled(hasSelection);
    menu.addAction(tr("&Paste"), QKeySequence::Paste, this, &QsciScintilla::paste)
        ->setEnabled(!isReadOnly());
    menu.addSeparator();
    menu.addAction(tr("Select &All"), QKeySequence::SelectAll, this, [this] { selectAll(); });
    menu.exec(event->globalPos());
}

void JsonEditor::onModified(int position, int type, const char *text, int length)
{
    if (m_applying || !m_document || length <= 0)
        return;
    const auto offset = static_cast<std::size_t>(position);
    const auto count = static_cast<std::size_t>(length);
    if (type & SC_MOD_INSERTTEXT) {
        m_document->applyTyping({offset, {}, std::string(text, count)});
    } else if (type & SC_MOD_DELETETEXT) {
        const std::string &current = m_document->text();
        if (offset + count > current.size())
            return;
        m_document->applyTyping({offset, current.substr(offset, count), {}});
    }
}

void JsonEditor::mirror(const TextSplice &splice, EditOrigin origin)
{
    if (origin == EditOrigin::Editor)
        return;
    m_applying = true;
    SendScintilla(SCI_SETTARGETRANGE, scintillaArg(splice.offset),
                  static_cast<long>(splice.offset + splice.removed.size()));
    SendScintilla(SCI_REPLACETARGET, scintillaArg(splice.inserted.size()), splice.inserted.c_str());
    m_applying = false;
    // Undo and redo show where they acted; a form edit leaves the caret where it was.
    if (origin == EditOrigin::UndoRedo) {
        setCursorOffset(splice.insertedEnd());
        SendScintilla(SCI_SCROLLCARET);
    }
}

void JsonEditor::reload()
{
    m_applying = true;
    // Appending with a length keeps every byte, even ones SCI_SETTEXT would stop at.
    const std::string &text = m_document->text();
    SendScintilla(SCI_CLEARALL);
    SendScintilla(SCI_APPENDTEXT, scintillaArg(text.size()), text.c_str());
    SendScintilla(SCI_EMPTYUNDOBUFFER);
    SendScintilla(SCI_GOTOPOS, 0UL);
    m_applying = false;
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
