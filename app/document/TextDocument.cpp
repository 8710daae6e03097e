#include "TextDocument.h"

#include "SpliceCommand.h"

#include <QSignalBlocker>
#include <QUndoStack>

namespace studio {

TextDocument::TextDocument(QObject *parent)
    : QObject(parent)
    , m_undoStack(new QUndoStack(this))
{
    connect(m_undoStack, &QUndoStack::cleanChanged, this, &TextDocument::updateModified);
}

TextDocument::~TextDocument() = default;

void TextDocument::load(std::string text, bool modified)
{
    m_saving = false;
    m_undoStack->clear();
    m_text = std::move(text);
    ++m_revision;
    textChanged(true);
    m_undoStack->setClean();
    if (modified)
        m_undoStack->resetClean();
    m_modified = modified;
    emit reset();
    emit changed();
    emit modifiedChanged(modified);
}

bool TextDocument::isModified() const
{
    return m_saving || !m_undoStack->isClean();
}

void TextDocument::markSaved()
{
    m_undoStack->setClean();
}

void TextDocument::markUnsaved()
{
    m_undoStack->resetClean();
}

void TextDocument::beginSave()
{
    if (!isModified())
        return; // the unmodified point is this one already
    m_saving = true;
    m_cleanBeforeSave = m_undoStack->cleanIndex();
    // The stack's clean index marks the point being saved: the stack then keeps it apart
    // from later typing and forgets it if the user undoes past it and edits on. Quietly,
    // as nothing is saved yet.
    const QSignalBlocker quiet(m_undoStack);
    m_undoStack->setClean();
    updateModified();
}

void TextDocument::endSave(bool written)
{
    if (!m_saving)
        return;
    m_saving = false;
    if (!written && m_cleanBeforeSave != m_undoStack->cleanIndex()) {
        // Which step matched the file before can no longer be told: unsaved until a save.
        const QSignalBlocker quiet(m_undoStack);
        m_undoStack->resetClean();
    }
    updateModified();
}

void TextDocument::updateModified()
{
    const bool modified = isModified();
    if (modified == m_modified)
        return;
    m_modified = modified;
    emit modifiedChanged(modified);
}

void TextDocument::applyTyping(const TextSplice &splice)
{
    if (splice.isEmpty())
        return;
    m_undoStack->push(new SpliceCommand(this, {splice}, tr("Typing"), EditOrigin::Editor,
                                        SpliceCommand::Merge::Typing));
}

void TextDocument::replaceText(const std::string &text, const QString &description)
{
    const TextSplice splice = TextSplice::between(m_text, text);
    if (splice.isEmpty())
        return;
    m_undoStack->push(new SpliceCommand(this, {splice}, description, EditOrigin::Tool));
}

QUndoCommand *TextDocument::createSpliceCommand(std::vector<TextSplice> splices,
                                                const QString &description, EditOrigin origin,
                                                QUndoCommand *parent)
{
    return new SpliceCommand(this, std::move(splices), description, origin,
                             SpliceCommand::Merge::Never, parent);
}

void TextDocument::applySplices(const std::vector<TextSplice> &splices, EditOrigin origin)
{
    for (const auto &splice : splices) {
        if (!splice.applyTo(m_text)) {
            // The views and the history disagree with the text: a bug, but never one that
            // may lose the user's work. Keep the text as it is and say so.
            qWarning("studio: a splice at %zu does not match the document text; ignored",
                     splice.offset);
            continue;
        }
        ++m_revision;
        emit spliced(splice, origin);
    }
    textChanged(false);
    emit changed();
}

void TextDocument::textChanged(bool) {}

} // namespace studio
