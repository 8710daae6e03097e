#pragma once

#include "document/EditOrigin.h"
#include "document/TextDocument.h"
#include "edit/TextSplice.h"

#include <QKeySequence>
#include <QList>
#include <QPointer>
#include <Qsci/qsciscintilla.h>

class QAction;

namespace studio {

// A QScintilla view of a TextDocument, with one history, the document's: Scintilla keeps
// none and its undo keys go to the window; typing becomes splices of the document, and
// the document's splices of any other origin (a tool, undo and redo) are mirrored into the
// buffer without echo; a reset reloads it. Undo and redo show where they acted.
class DocumentEditor : public QsciScintilla
{
    Q_OBJECT

public:
    explicit DocumentEditor(QWidget *parent = nullptr);
    ~DocumentEditor() override;

    void setTextDocument(TextDocument *document);
    TextDocument *textDocument() const { return m_document; }

    // The context menu offers the shared history's actions instead of Scintilla's own.
    void setHistoryActions(QAction *undo, QAction *redo);
    // Keys the window's actions use: Scintilla's own bindings for them are dropped, so the
    // action fires whichever view has focus.
    void releaseKeys(const QList<QKeySequence> &keys);

    // The text as UTF-8: byte offsets, as the document and the diagnostics count them.
    QByteArray bytes() const;

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;
    // A tool's splice above the first line shown (another program's change reloaded)
    // leaves the view on the text it showed, for prose being read; off by default.
    void setViewKeptOnTools(bool kept) { m_viewKept = kept; }

private:
    void onModified(int position, int type, const char *text, int length);
    void mirror(const TextSplice &splice, EditOrigin origin);
    void reload();

    QPointer<TextDocument> m_document;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    bool m_applying = false; // the buffer is being changed to mirror the document
    bool m_viewKept = false;
};

} // namespace studio
