#include "FieldBinding.h"

#include <QWidget>

namespace studio {

FieldBinding::FieldBinding(QString label, std::string pointer, QObject *parent)
    : QObject(parent)
    , m_label(std::move(label))
    , m_pointer(std::move(pointer))
{}

void FieldBinding::focus(const std::string &)
{
    widget()->setFocus(Qt::OtherFocusReason);
}

void FieldBinding::requestSet(Json value, Merge merge)
{
    emit editRequested(tr("Edit %1").arg(m_label), {JsonEdit::set(m_pointer, std::move(value))},
                       merge == Merge::WithSameField ? QString::fromStdString(m_pointer)
                                                     : QString());
}

} // namespace studio
