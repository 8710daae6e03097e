#include "FindBar.h"

#include "JsonEditor.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

namespace studio {

FindBar::FindBar(JsonEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_field(new QLineEdit(this))
    , m_matchCase(new QCheckBox(tr("Match case"), this))
    , m_status(new QLabel(this))
{
    m_field->setPlaceholderText(tr("Find in text"));
    m_field->setClearButtonEnabled(true);
    m_field->setObjectName(QStringLiteral("findField"));

    auto *previous = new QToolButton(this);
    previous->setArrowType(Qt::UpArrow);
    previous->setToolTip(tr("Previous match (Shift+Return)"));
    auto *next = new QToolButton(this);
    next->setArrowType(Qt::DownArrow);
    next->setToolTip(tr("Next match (Return)"));
    auto *close = new QToolButton(this);
    close->setText(QStringLiteral("\u2715"));
    close->setAutoRaise(true);
    close->setToolTip(tr("Close (Escape)"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 3, 6, 3);
    layout->addWidget(new QLabel(tr("Find:"), this));
    layout->addWidget(m_field, 1);
    layout->addWidget(previous);
    layout->addWidget(next);
    layout->addWidget(m_matchCase);
    layout->addWidget(m_status);
    layout->addWidget(close);

    connect(m_field, &QLineEdit::textEdited, this, [this] { find(true, true); });
    connect(m_field, &QLineEdit::returnPressed, this, &FindBar::findNext);
    connect(next, &QToolButton::clicked, this, &FindBar::findNext);
    connect(previous, &QToolButton::clicked, this, &FindBar::findPrevious);
    connect(close, &QToolButton::clicked, this, [this] {
        hide();
        m_editor->setFocus();
    });
    hide();
}

void FindBar::activate()
{
    const QString selection = m_editor->selectedText();
    if (!selection.isEmpty() && !selection.contains(u'\n'))
        m_field->setText(selection);
    show();
    m_field->setFocus();
    m_field->selectAll();
}

void FindBar::findNext()
{
    find(true, false);
}

void FindBar::findPrevious()
{
    find(false, true);
}

void FindBar::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        hide();
        m_editor->setFocus();
        return;
    }
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
        event->modifiers() & Qt::ShiftModifier) {
        findPrevious();
        return;
    }
    QWidget::keyPressEvent(event);
}

bool FindBar::find(bool forward, bool fromSelectionStart)
{
    const QString text = m_field->text();
    if (text.isEmpty()) {
        m_status->clear();
        return false;
    }
    int line = -1;
    int index = -1;
    if (fromSelectionStart) {
        int lineTo = 0;
        int indexTo = 0;
        m_editor->getSelection(&line, &index, &lineTo, &indexTo);
        if (line < 0)
            m_editor->getCursorPosition(&line, &index);
    }
    const bool found = m_editor->findFirst(text, false, m_matchCase->isChecked(), false, true,
                                           forward, line, index, true);
    m_status->setText(found ? QString() : tr("Not found"));
    return found;
}

} // namespace studio
