#pragma once

#include "EditOrigin.h"
#include "edit/TextSplice.h"

#include <QObject>
#include <QString>

#include <string>
#include <vector>

class QUndoCommand;
class QUndoStack;

namespace studio {

// A text the studio edits, with one undo history: every change is a splice of the text,
// whichever view or tool made it, and views mirror the splices of every origin but their
// own. The manifest and the setup instructions are each one.
class TextDocument : public QObject
{
    Q_OBJECT

public:
    explicit TextDocument(QObject *parent = nullptr);
    ~TextDocument() override;

    // Replaces the whole text and forgets the history: a freshly opened document, unmodified
    // unless `modified` says it is unsaved work (a new plugin, recovered edits).
    void load(std::string text, bool modified = false);

    const std::string &text() const { return m_text; }
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

    // What the user typed in a text view, already applied to its buffer.
    void applyTyping(const TextSplice &splice);
    // Replaces the text by `text` as one undoable step (reloading, restoring recovered
    // edits), with the smallest splice, so views keep what is around it.
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
    // The text changed (after one or several splices, or a load).
    void changed();
    void modifiedChanged(bool modified);

protected:
    // The text was loaded (`loaded`) or spliced, before `changed` is announced: a derived
    // document reads it again here.
    virtual void textChanged(bool loaded);

private:
    void updateModified();

    std::string m_text;
    quint64 m_revision = 0;
    QUndoStack *m_undoStack;
    bool m_saving = false;
    int m_cleanBeforeSave = -1;
    bool m_modified = false; // as last announced by modifiedChanged
};

} // namespace studio
