#include "StringSetEditor.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QLabel>
#include <QSignalBlocker>

#include <algorithm>

namespace studio {

StringSetEditor::StringSetEditor(QString label, std::string pointer,
                                 std::vector<std::pair<std::string, QString>> options, int columns,
                                 QObject *parent)
    : FieldBinding(std::move(label), std::move(pointer), parent)
    , m_widget(new QWidget)
    , m_columns(columns)
    , m_unknown(new QLabel(m_widget))
{
    auto *layout = new QGridLayout(m_widget);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setHorizontalSpacing(18);
    m_unknown->setWordWrap(true);
    m_unknown->setVisible(false);
    setOptions(std::move(options));
}

void StringSetEditor::setOptions(std::vector<std::pair<std::string, QString>> options)
{
    auto *layout = static_cast<QGridLayout *>(m_widget->layout());
    for (auto &[value, box] : m_boxes)
        delete box;
    m_boxes.clear();
    layout->removeWidget(m_unknown);
    int index = 0;
    for (auto &[value, text] : options) {
        auto *box = new QCheckBox(text, m_widget);
        box->setToolTip(QString::fromStdString(value));
        box->setObjectName(QString::fromStdString(value));
        layout->addWidget(box, index / m_columns, index % m_columns);
        connect(box, &QCheckBox::clicked, this,
                [this, value = value](bool checked) { emit toggled(value, checked); });
        m_boxes.emplace_back(std::move(value), box);
        ++index;
    }
    layout->addWidget(m_unknown, (index + m_columns - 1) / m_columns, 0, 1, m_columns);
}

void StringSetEditor::show(const Json *value)
{
    std::vector<std::string> listed;
    if (value && value->is_array()) {
        for (const auto &element : *value) {
            const Json *held = &element;
            if (!m_elementKey.empty())
                held = element.is_object() && element.contains(m_elementKey)
                           ? &element.at(m_elementKey)
                           : nullptr;
            if (held && held->is_string())
                listed.push_back(held->get<std::string>());
        }
    }
    QStringList unknown;
    for (const auto &item : listed) {
        const bool known = std::any_of(m_boxes.begin(), m_boxes.end(),
                                       [&](const auto &box) { return box.first == item; });
        if (!known)
            unknown << QString::fromStdString(item);
    }
    for (auto &[option, box] : m_boxes) {
        const QSignalBlocker blocker(box);
        box->setChecked(std::find(listed.begin(), listed.end(), option) != listed.end());
    }
    m_unknown->setVisible(!unknown.isEmpty());
    m_unknown->setText(
        tr("Also listed, unknown to the app: %1").arg(unknown.join(QStringLiteral(", "))));
}

bool StringSetEditor::isChecked(const std::string &value) const
{
    const QCheckBox *found = box(value);
    return found && found->isChecked();
}

QCheckBox *StringSetEditor::box(const std::string &value) const
{
    const auto it = std::find_if(m_boxes.begin(), m_boxes.end(),
                                 [&](const auto &entry) { return entry.first == value; });
    return it == m_boxes.end() ? nullptr : it->second;
}

} // namespace studio
