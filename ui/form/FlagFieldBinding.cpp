#include "FlagFieldBinding.h"

#include <QCheckBox>
#include <QSignalBlocker>

namespace studio {

FlagFieldBinding::FlagFieldBinding(QString label, std::string pointer, QCheckBox *box,
                                   QObject *parent)
    : FieldBinding(std::move(label), std::move(pointer), parent)
    , m_box(box)
{
    connect(m_box, &QCheckBox::clicked, this,
            [this](bool checked) { requestSet(checked, Merge::Never); });
}

QWidget *FlagFieldBinding::widget() const
{
    return m_box;
}

void FlagFieldBinding::show(const Json *value)
{
    const QSignalBlocker blocker(m_box);
    m_box->setChecked(value && value->is_boolean() && value->get<bool>());
}

} // namespace studio
