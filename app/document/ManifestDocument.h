#pragma once

#include "EditOrigin.h"
#include "edit/JsonEdit.h"
#include "edit/TextSplice.h"
#include "json/JsonParser.h"
#include "manifest/PluginManifest.h"

#include <QObject>
#include <QString>

#include <vector>

class QUndoCommand;
class QUndoStack;

namespace studio {

// The one document both views edit. The JSON text is the single source of truth: the form
// and the text editor both change it through splices, so formatting survives and nothing
// the user typed is rewritten. It keeps the parse of the current text and the typed
// manifest of the last text that parsed, which the form shows while the text is broken.
// Every change goes through one undo stack, whichever view it came from.
class ManifestDocument : public QObject
{
    Q_OBJECT

public:
    explicit ManifestDocument(QObject *parent = nullptr);
    ~ManifestDocument() override;

    // Replaces the whole text and forgets the history: a freshly opened document, unmodified
    // unless `modified` says it is unsaved work (a new plugin, recovered edits).
    void load(std::string text, bool modified = false);

    const std::string &text() const { return m_text; }
    const JsonParseResult &parse() const { return m_parse; }
    bool parses() const { return m_parse.ok(); }
    // The value and manifest of the last text that parsed (the current one when it does).
    const Json &lastGoodValue() const { return m_lastGoodValue; }
    const PluginManifest &manifest() const { return m_manifest; }
    // Counts every change of the text, so asynchronous results can tell they are stale.
    quint64 revision() const { return m_revision; }

    // Unsaved edits, or a save under way (the file does not hold the text yet).
    bool isModified() const;
    void markSaved();
    // A save of the current text began: this point of the history is the one it saves
    // (later typing starts a new step), and the document stays modified until endSave.
    // endSave(true) makes that point the unmodified one, whatever was typed meanwhile;
    // endSave(false) leaves the edits unsaved.
    void beginSave();
    void endSave(bool written);
    // No state in the history matches the file any more (it was deleted, or another
    // program changed it and the edits were kept): modified until the next save.
    void markUnsaved();
    QUndoStack *undoStack() const { return m_undoStack; }

    // What the user typed in the text editor, already applied to its buffer.
    void applyTyping(const TextSplice &splice);
    // A change by meaning, from the form or a tool, as one undo step named `description`.
    // Consecutive edits with the same non-empty `mergeKey` (typing in one field) merge into
    // one step. Returns why the edit was refused, or "" when it was made.
    QString edit(const QString &description, const std::vector<JsonEdit> &edits,
                 const QString &mergeKey = {}, EditOrigin origin = EditOrigin::Form);
    // Replaces the text by `text` as one undoable step (restoring recovered edits).
    void replaceText(const std::string &text, const QString &description);

    // A command applying `splices` (computed against the current text), to combine with
    // other work in one undo step; the caller pushes it (or its parent) on the stack.
    QUndoCommand *createSpliceCommand(std::vector<TextSplice> splices, const QString &description,
                                      EditOrigin origin, QUndoCommand *parent = nullptr);

    // Applies splices to the text and announces them. For the undo commands only.
    void applySplices(const std::vector<TextSplice> &splices, EditOrigin origin);

signals:
    // The whole text was replaced (load): views reset.
    void reset();
    // One splice was applied to the text, for views to mirror unless it is their own.
    void spliced(const studio::TextSplice &splice, studio::EditOrigin origin);
    // The text changed and was parsed again (after one or several splices).
    void changed();
    void modifiedChanged(bool modified);
    // An edit by meaning could not be made; says why.
    void editRefused(const QString &reason);

private:
    void reparse();
    void updateModified();

    std::string m_text;
    JsonParseResult m_parse;
    Json m_lastGoodValue;
    PluginManifest m_manifest;
    quint64 m_revision = 0;
    QUndoStack *m_undoStack;
    bool m_saving = false;
    int m_cleanBeforeSave = -1;
    bool m_modified = false; // as last announced by modifiedChanged
};

} // namespace studio
