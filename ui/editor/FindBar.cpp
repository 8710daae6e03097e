#include "FindBar.h"

#include "JsonEditor.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QUndoStack>

#include <algorithm>

namespace studio {

FindBar::FindBar(JsonEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_field(new QLineEdit(this))
    , m_matchCase(new QCheckBox(tr("Match case"), this))
    , m_status(new QLabel(this))
    , m_replaceRow(new QWidget(this))
    , m_replaceField(new QLineEdit(m_replaceRow))
    , m_replace(new QPushButton(tr("&Replace"), m_replaceRow))
    , m_replaceAll(new QPushButton(tr("Replace &All"), m_replaceRow))
{
    setObjectName(QStringLiteral("findBar"));
    m_field->setPlaceholderText(tr("Find in text"));
    m_field->setClearButtonEnabled(true);
    m_field->setObjectName(QStringLiteral("findField"));
    m_replaceField->setPlaceholderText(tr("Replace with"));
    m_replaceField->setClearButtonEnabled(true);
    m_replaceField->setObjectName(QStringLiteral("replaceField"));
    m_replace->setToolTip(tr("Replace this match and go to the next (Return)"));
    m_replaceAll->setToolTip(tr("Replace every match in one undoable step"));

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

    auto *replaceLayout = new QHBoxLayout(m_replaceRow);
    replaceLayout->setContentsMargins(0, 0, 0, 0);
    replaceLayout->addWidget(m_replaceField, 1);
    replaceLayout->addWidget(m_replace);
    replaceLayout->addWidget(m_replaceAll);

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(6, 3, 6, 3);
    layout->setVerticalSpacing(3);
    auto *findRow = new QHBoxLayout;
    findRow->addWidget(m_field, 1);
    findRow->addWidget(previous);
    findRow->addWidget(next);
    findRow->addWidget(m_matchCase);
    findRow->addWidget(m_status);
    findRow->addWidget(close);
    auto *findLabel = new QLabel(tr("Find:"), this);
    m_replaceLabel = new QLabel(tr("Replace:"), this);
    layout->addWidget(findLabel, 0, 0);
    layout->addLayout(findRow, 0, 1);
    layout->addWidget(m_replaceLabel, 1, 0);
    layout->addWidget(m_replaceRow, 1, 1);

    connect(m_field, &QLineEdit::textEdited, this, [this] { find(true, true); });
    connect(m_field, &QLineEdit::returnPressed, this, &FindBar::findNext);
    connect(m_replaceField, &QLineEdit::returnPressed, this, &FindBar::replaceNext);
    connect(next, &QToolButton::clicked, this, &FindBar::findNext);
    connect(previous, &QToolButton::clicked, this, &FindBar::findPrevious);
    connect(m_replace, &QPushButton::clicked, this, &FindBar::replaceNext);
    connect(m_replaceAll, &QPushButton::clicked, this, &FindBar::replaceAll);
    connect(close, &QToolButton::clicked, this, [this] {
        hide();
        m_editor->setFocus();
    });
    hide();
}

void FindBar::activate()
{
    show(false);
}

void FindBar::activateReplace()
{
    show(true);
}

void FindBar::show(bool withReplace)
{
    const QString selection = m_editor->selectedText();
    if (!selection.isEmpty() && !selection.contains(u'\n'))
        m_field->setText(selection);
    m_replaceRow->setVisible(withReplace);
    m_replaceLabel->setVisible(withReplace);
    QWidget::show();
    QLineEdit *focus = withReplace && !m_field->text().isEmpty() ? m_replaceField : m_field;
    focus->setFocus();
    focus->selectAll();
}

void FindBar::findNext()
{
    find(true, false);
}

void FindBar::findPrevious()
{
    find(false, true);
}

void FindBar::replaceNext()
{
    ManifestDocument *document = m_editor->document();
    if (!document || m_field->text().isEmpty())
        return;
    if (!selectionIsMatch()) {
        find(true, true); // first show the match that Replace will change
        return;
    }
    const SourceSpan span = m_editor->selectedSpan();
    const std::string &text = document->text();
    TextSplice splice{span.begin, text.substr(span.begin, span.end - span.begin),
                      m_replaceField->text().toStdString()};
    document->undoStack()->push(
        document->createSpliceCommand({std::move(splice)}, tr("Replace"), EditOrigin::Tool));
    m_editor->setCursorOffset(span.begin + m_replaceField->text().toUtf8().size());
    find(true, false);
}

int FindBar::replaceAll()
{
    ManifestDocument *document = m_editor->document();
    if (!document)
        return 0;
    const std::vector<SourceSpan> matches =
        m_editor->findAll(m_field->text(), m_matchCase->isChecked());
    if (matches.empty()) {
        m_status->setText(tr("Not found"));
        return 0;
    }
    // From the last match back, so each splice's offset holds in the text it applies to.
    const std::string &text = document->text();
    const std::string replacement = m_replaceField->text().toStdString();
    std::vector<TextSplice> splices;
    splices.reserve(matches.size());
    for (auto match = matches.rbegin(); match != matches.rend(); ++match)
        splices.push_back(
            {match->begin, text.substr(match->begin, match->end - match->begin), replacement});
    document->undoStack()->push(
        document->createSpliceCommand(std::move(splices), tr("Replace All"), EditOrigin::Tool));
    const int count = static_cast<int>(matches.size());
    m_status->setText(tr("Replaced %n", nullptr, count));
    return count;
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

bool FindBar::selectionIsMatch() const
{
    const QString selected = m_editor->selectedText();
    return !selected.isEmpty() &&
           selected.compare(m_field->text(), m_matchCase->isChecked() ? Qt::CaseSensitive
                                                                      : Qt::CaseInsensitive) == 0;
}

} // namespace studio
