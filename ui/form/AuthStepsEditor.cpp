#include "AuthStepsEditor.h"

#include "json/JsonPointer.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace studio {

namespace {

constexpr int kNameColumn = 0;
constexpr int kUrlColumn = 1;
const char *const kPointer = "/external_integration/auth_steps";

QString cellText(const Json &step, const char *key)
{
    if (!step.is_object())
        return {};
    const auto it = step.find(key);
    return it != step.end() && it->is_string() ? QString::fromStdString(it->get<std::string>())
                                               : QString();
}

} // namespace

AuthStepsEditor::AuthStepsEditor(QObject *parent)
    : FieldBinding(tr("Auth steps"), kPointer, parent)
    , m_widget(new QWidget)
    , m_table(new QTableWidget(0, 2, m_widget))
    , m_add(new QPushButton(tr("Add"), m_widget))
    , m_remove(new QPushButton(tr("Remove"), m_widget))
    , m_up(new QPushButton(QStringLiteral("\u2191"), m_widget))
    , m_down(new QPushButton(QStringLiteral("\u2193"), m_widget))
{
    m_table->setObjectName(QStringLiteral("authStepsTable"));
    m_table->setHorizontalHeaderLabels({tr("Label"), tr("URL")});
    m_table->horizontalHeaderItem(kUrlColumn)
        ->setToolTip(tr("The app appends ?uid=<user id> to it"));
    m_table->horizontalHeader()->setSectionResizeMode(kNameColumn, QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(kNameColumn, 130);
    m_table->verticalHeader()->setVisible(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setMinimumHeight(110);
    m_table->setMaximumHeight(170);

    m_add->setToolTip(tr("Add an auth step"));
    m_remove->setToolTip(tr("Remove the selected step"));
    m_up->setToolTip(tr("Move the selected step up"));
    m_down->setToolTip(tr("Move the selected step down"));
    for (QPushButton *arrow : {m_up, m_down})
        arrow->setFixedWidth(arrow->sizeHint().height() + 8);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addWidget(m_up);
    buttons->addWidget(m_down);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(m_widget);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
    layout->addLayout(buttons);

    connect(m_table, &QTableWidget::cellChanged, this, &AuthStepsEditor::cellEdited);
    connect(m_table, &QTableWidget::currentCellChanged, this, &AuthStepsEditor::updateButtons);
    connect(m_add, &QPushButton::clicked, this, &AuthStepsEditor::addStep);
    connect(m_remove, &QPushButton::clicked, this, &AuthStepsEditor::removeStep);
    connect(m_up, &QPushButton::clicked, this, [this] { moveStep(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveStep(1); });
    updateButtons();
}

void AuthStepsEditor::show(const Json *value)
{
    const Json steps = value && value->is_array() ? *value : Json::array();
    if (steps == m_shown && m_table->rowCount() == static_cast<int>(steps.size()))
        return; // leaves a cell being edited alone
    m_shown = steps;
    m_showing = true;
    const int currentRow = m_table->currentRow();
    const int currentColumn = std::max(0, m_table->currentColumn());
    m_table->setRowCount(static_cast<int>(steps.size()));
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const Json &step = steps[static_cast<std::size_t>(row)];
        m_table->setItem(row, kNameColumn, new QTableWidgetItem(cellText(step, "name")));
        m_table->setItem(row, kUrlColumn, new QTableWidgetItem(cellText(step, "url")));
    }
    m_showing = false;
    if (m_focusRowAfterAdd >= 0 && m_focusRowAfterAdd < m_table->rowCount()) {
        m_table->setCurrentCell(m_focusRowAfterAdd, kNameColumn);
        m_table->editItem(m_table->item(m_focusRowAfterAdd, kNameColumn));
    } else if (currentRow >= 0 && currentRow < m_table->rowCount()) {
        m_table->setCurrentCell(currentRow, currentColumn);
    }
    m_focusRowAfterAdd = -1;
    updateButtons();
}

void AuthStepsEditor::focus(const std::string &pointer)
{
    m_table->setFocus(Qt::OtherFocusReason);
    // ".../auth_steps/<row>/<name|url>"
    const auto tokens = json_pointer::tokens(pointer);
    if (tokens.size() < 3)
        return;
    const int row = QString::fromStdString(tokens[2]).toInt();
    const int column = tokens.size() > 3 && tokens[3] == "url" ? kUrlColumn : kNameColumn;
    if (row >= 0 && row < m_table->rowCount())
        m_table->setCurrentCell(row, column);
}

std::string AuthStepsEditor::stepPointer(int row) const
{
    return json_pointer::append(kPointer, static_cast<std::size_t>(row));
}

void AuthStepsEditor::cellEdited(int row, int column)
{
    if (m_showing)
        return;
    const std::string key = column == kUrlColumn ? "url" : "name";
    const std::string pointer = json_pointer::append(stepPointer(row), key);
    const std::string text = m_table->item(row, column)->text().toStdString();
    emit editRequested(tr("Edit auth step %1").arg(row + 1), {JsonEdit::set(pointer, text)},
                       QString::fromStdString(pointer));
}

void AuthStepsEditor::addStep()
{
    m_focusRowAfterAdd = m_table->rowCount();
    Json step = Json::object();
    step["name"] = "";
    step["url"] = "";
    emit editRequested(tr("Add auth step"), {JsonEdit::append(kPointer, step)}, {});
}

void AuthStepsEditor::removeStep()
{
    const int row = m_table->currentRow();
    if (row < 0)
        return;
    emit editRequested(tr("Remove auth step %1").arg(row + 1), {JsonEdit::remove(stepPointer(row))},
                       {});
}

void AuthStepsEditor::moveStep(int delta)
{
    const int row = m_table->currentRow();
    const int target = row + delta;
    if (row < 0 || target < 0 || target >= m_table->rowCount())
        return;
    const int column = std::max(0, m_table->currentColumn());
    emit editRequested(tr("Move auth step %1").arg(row + 1),
                       {JsonEdit::swap(stepPointer(row), static_cast<std::size_t>(target))}, {});
    m_table->setCurrentCell(target, column);
}

void AuthStepsEditor::updateButtons()
{
    const int row = m_table->currentRow();
    m_remove->setEnabled(row >= 0);
    m_up->setEnabled(row > 0);
    m_down->setEnabled(row >= 0 && row + 1 < m_table->rowCount());
}

} // namespace studio
