#include "MemoryEditor.h"

#include <QKeyEvent>

namespace studio {

namespace {

bool isUndo(const QKeyEvent *event)
{
    return event->matches(QKeySequence::Undo);
}

bool isRedo(const QKeyEvent *event)
{
    return event->matches(QKeySequence::Redo) ||
           event->keyCombination() == QKeyCombination(Qt::CTRL | Qt::SHIFT, Qt::Key_Z) ||
           event->keyCombination() == QKeyCombination(Qt::CTRL, Qt::Key_Y);
}

} // namespace

MemoryEditor::MemoryEditor(QWidget *parent)
    : JsonEditor(parent)
{
    SendScintilla(SCI_SETUNDOCOLLECTION, 1UL);
    connect(this, &QsciScintilla::textChanged, this, [this] {
        if (!m_replacing)
            emit memoryTextEdited(bytes());
    });
}

void MemoryEditor::setMemoryText(const QByteArray &text)
{
    m_replacing = true;
    SendScintilla(SCI_BEGINUNDOACTION);
    SendScintilla(SCI_CLEARALL);
    SendScintilla(SCI_APPENDTEXT, static_cast<unsigned long>(text.size()), text.constData());
    SendScintilla(SCI_ENDUNDOACTION);
    SendScintilla(SCI_GOTOPOS, 0UL);
    m_replacing = false;
}

bool MemoryEditor::event(QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (isUndo(key) || isRedo(key)) {
            event->accept();
            return true;
        }
    }
    return JsonEditor::event(event);
}

void MemoryEditor::keyPressEvent(QKeyEvent *event)
{
    if (isUndo(event)) {
        undo();
        return;
    }
    if (isRedo(event)) {
        redo();
        return;
    }
    JsonEditor::keyPressEvent(event);
}

} // namespace studio
