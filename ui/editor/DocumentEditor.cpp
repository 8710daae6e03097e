#include "DocumentEditor.h"

#include "SourceEditorSetup.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QMenu>
#include <Qsci/qscicommand.h>
#include <Qsci/qscicommandset.h>

#include <algorithm>

namespace studio {

DocumentEditor::DocumentEditor(QWidget *parent)
    : QsciScintilla(parent)
{
    // One history, the document's: Scintilla keeps none, and its undo keys go to the window.
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
}

DocumentEditor::~DocumentEditor() = default;

void DocumentEditor::setTextDocument(TextDocument *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (!document)
        return;
    connect(document, &TextDocument::reset, this, &DocumentEditor::reload);
    connect(document, &TextDocument::spliced, this, &DocumentEditor::mirror);
    reload();
}

void DocumentEditor::setHistoryActions(QAction *undo, QAction *redo)
{
    m_undoAction = undo;
    m_redoAction = redo;
}

void DocumentEditor::releaseKeys(const QList<QKeySequence> &keys)
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

QByteArray DocumentEditor::bytes() const
{
    const auto length = static_cast<int>(SendScintilla(SCI_GETLENGTH));
    QByteArray buffer(length + 1, '\0');
    SendScintilla(SCI_GETTEXT, scintillaArg(static_cast<std::size_t>(length) + 1), buffer.data());
    buffer.chop(1);
    return buffer;
}

void DocumentEditor::contextMenuEvent(QContextMenuEvent *event)
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

void DocumentEditor::onModified(int position, int type, const char *text, int length)
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

void DocumentEditor::mirror(const TextSplice &splice, EditOrigin origin)
{
    if (origin == EditOrigin::Editor)
        return;
    const auto firstShown = static_cast<long>(
        SendScintilla(SCI_DOCLINEFROMVISIBLE,
                      static_cast<unsigned long>(SendScintilla(SCI_GETFIRSTVISIBLELINE))));
    const auto changedLine =
        static_cast<long>(SendScintilla(SCI_LINEFROMPOSITION, scintillaArg(splice.offset)));
    m_applying = true;
    SendScintilla(SCI_SETTARGETRANGE, scintillaArg(splice.offset),
                  static_cast<long>(splice.offset + splice.removed.size()));
    SendScintilla(SCI_REPLACETARGET, scintillaArg(splice.inserted.size()), splice.inserted.c_str());
    m_applying = false;
    // Undo and redo show where they acted; a form edit leaves the caret where it was.
    if (origin == EditOrigin::UndoRedo) {
        SendScintilla(SCI_GOTOPOS, scintillaArg(splice.insertedEnd()));
        SendScintilla(SCI_SCROLLCARET);
        return;
    }
    // Lines added or removed above the view would move what is shown: follow the text.
    if (m_viewKept && origin == EditOrigin::Tool && changedLine < firstShown) {
        const auto moved = std::count(splice.inserted.begin(), splice.inserted.end(), '\n') -
                           std::count(splice.removed.begin(), splice.removed.end(), '\n');
        SendScintilla(SCI_SETFIRSTVISIBLELINE,
                      static_cast<unsigned long>(SendScintilla(
                          SCI_VISIBLEFROMDOCLINE,
                          static_cast<unsigned long>(std::max(0L, firstShown + moved)))));
    }
}

void DocumentEditor::reload()
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

} // namespace studio
