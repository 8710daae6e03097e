#include "FieldMark.h"

#include "problems/SeverityIcon.h"

namespace studio {

FieldMark::FieldMark(QWidget *parent)
    : QLabel(parent)
{
    setFixedSize(18, 18);
    setAlignment(Qt::AlignCenter);
    QSizePolicy policy = sizePolicy();
    policy.setRetainSizeWhenHidden(true);
    setSizePolicy(policy);
    hide();
}

void FieldMark::clear()
{
    m_severity.reset();
    m_messages.clear();
    setToolTip({});
    hide();
}

void FieldMark::add(const Diagnostic &diagnostic)
{
    if (!m_severity || diagnostic.severity() < *m_severity) {
        m_severity = diagnostic.severity();
        setPixmap(SeverityIcon::icon(*m_severity).pixmap(16, 16));
    }
    m_messages << QString::fromStdString(diagnostic.message);
    setToolTip(m_messages.join(u'\n'));
    show();
}

} // namespace studio
