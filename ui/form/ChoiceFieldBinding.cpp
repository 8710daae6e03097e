#include "ChoiceFieldBinding.h"

#include <QComboBox>
#include <QSignalBlocker>

namespace studio {

ChoiceFieldBinding::ChoiceFieldBinding(QString label, std::string pointer, QComboBox *combo,
                                       std::vector<std::pair<QString, QString>> choices,
                                       QObject *parent)
    : FieldBinding(std::move(label), std::move(pointer), parent)
    , m_combo(combo)
{
    setChoices(std::move(choices));
    connect(m_combo, &QComboBox::activated, this, [this](int index) {
        const QString value = m_combo->itemData(index).toString();
        if (!value.isNull())
            requestSet(value.toStdString(), Merge::Never);
    });
}

QWidget *ChoiceFieldBinding::widget() const
{
    return m_combo;
}

void ChoiceFieldBinding::setChoices(std::vector<std::pair<QString, QString>> choices)
{
    const QSignalBlocker blocker(m_combo);
    m_combo->clear();
    for (const auto &[value, text] : choices)
        m_combo->addItem(text, value);
    m_knownCount = static_cast<int>(choices.size());
}

void ChoiceFieldBinding::show(const Json *value)
{
    const QSignalBlocker blocker(m_combo);
    while (m_combo->count() > m_knownCount)
        m_combo->removeItem(m_combo->count() - 1);
    if (!value || !value->is_string()) {
        m_combo->setCurrentIndex(-1);
        return;
    }
    const QString current = QString::fromStdString(value->get<std::string>());
    int index = m_combo->findData(current);
    if (index < 0) {
        m_combo->addItem(tr("%1 (unknown to the app)").arg(current), current);
        index = m_combo->count() - 1;
    }
    m_combo->setCurrentIndex(index);
}

} // namespace studio
