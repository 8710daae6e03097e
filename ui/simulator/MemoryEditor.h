#pragma once

#include "editor/JsonEditor.h"

namespace studio {

// The JSON editor for the memory the simulator sends. Unlike the manifest's text it
// belongs to no document: it keeps Scintilla's own undo history, and claims the undo keys
// so the window's Undo (the manifest's history) does not act while it has focus.
class MemoryEditor : public JsonEditor
{
    Q_OBJECT

public:
    explicit MemoryEditor(QWidget *parent = nullptr);

    // Replaces the text as one step the user can undo.
    void setMemoryText(const QByteArray &text);

signals:
    void memoryTextEdited(const QByteArray &text);

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    bool m_replacing = false;
};

} // namespace studio
