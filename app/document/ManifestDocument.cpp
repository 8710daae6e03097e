#include "ManifestDocument.h"

#include "SpliceCommand.h"
#include "edit/JsonEditSplicer.h"

#include <QSignalBlocker>
#include <QUndoStack>

namespace studio {

ManifestDocument::ManifestDocument(QObject *parent)
    : QObject(parent)
    , m_undoStack(new QUndoStack(this))
{
    connect(m_undoStack, &QUndoStack::cleanChanged, this, &ManifestDocument::updateModified);
    reparse();
}

ManifestDocument::~ManifestDocument() = default;

void ManifestDocument::load(std::string text, bool modified)
{
    m_saving = false;
    m_undoStack->clear();
    m_text = std::move(text);
    m_lastGoodValue = Json::object();
    m_manifest = {};
    ++m_revision;
    reparse();
    m_undoStack->setClean();
    if (modified)
        m_undoStack->resetClean();
    m_modified = modified;
    emit reset();
    emit changed();
    emit modifiedChanged(modified);
}

bool ManifestDocument::isModified() const
{
    return m_saving || !m_undoStack->isClean();
}

void ManifestDocument::markSaved()
{
    m_undoStack->setClean();
}

void ManifestDocument::markUnsaved()
{
    m_undoStack->resetClean();
}

void ManifestDocument::beginSave()
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

void ManifestDocument::endSave(bool written)
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

void ManifestDocument::updateModified()
{
    const bool modified = isModified();
    if (modified == m_modified)
        return;
    m_modified = modified;
    emit modifiedChanged(modified);
}

void ManifestDocument::applyTyping(const TextSplice &splice)
{
    if (splice.isEmpty())
        return;
    m_undoStack->push(new SpliceCommand(this, {splice}, tr("Typing"), EditOrigin::Editor,
                                        SpliceCommand::Merge::Typing));
}

QString ManifestDocument::edit(const QString &description, const std::vector<JsonEdit> &edits,
                               const QString &mergeKey, EditOrigin origin)
{
    JsonEditsResult result = JsonEditSplicer::applyAll(m_text, edits);
    if (!result.ok()) {
        const QString reason = QString::fromStdString(result.error);
        emit editRefused(reason);
        return reason;
    }
    if (result.splices.empty())
        return {};
    auto *command = new SpliceCommand(this, std::move(result.splices), description, origin,
                                      mergeKey.isEmpty() ? SpliceCommand::Merge::Never
                                                         : SpliceCommand::Merge::SameField);
    command->setMergeKey(mergeKey);
    m_undoStack->push(command);
    return {};
}

void ManifestDocument::replaceText(const std::string &text, const QString &description)
{
    const TextSplice splice = TextSplice::between(m_text, text);
    if (splice.isEmpty())
        return;
    m_undoStack->push(new SpliceCommand(this, {splice}, description, EditOrigin::Tool));
}

QUndoCommand *ManifestDocument::createSpliceCommand(std::vector<TextSplice> splices,
                                                    const QString &description, EditOrigin origin,
                                                    QUndoCommand *parent)
{
    return new SpliceCommand(this, std::move(splices), description, origin,
                             SpliceCommand::Merge::Never, parent);
}

void ManifestDocument::applySplices(const std::vector<TextSplice> &splices, EditOrigin origin)
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
    reparse();
    emit changed();
}

void ManifestDocument::reparse()
{
    m_parse = parseJson(m_text);
    if (m_parse.ok()) {
        m_lastGoodValue = m_parse.value;
        m_manifest = PluginManifest::fromJson(m_lastGoodValue);
    }
}

} // namespace studio
