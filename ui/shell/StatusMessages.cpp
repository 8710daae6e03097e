#include "StatusMessages.h"

#include <QLabel>
#include <QStatusBar>
#include <QTimer>

#include <algorithm>

namespace studio {

StatusMessages::StatusMessages(QStatusBar *bar)
    : QObject(bar)
    , m_label(new QLabel(bar))
{
    m_label->setObjectName(QStringLiteral("statusMessage"));
    m_label->setContentsMargins(4, 0, 4, 0);
    m_label->setTextFormat(Qt::PlainText);
    // A long message is cut at the bar's edge rather than widening the window.
    m_label->setMinimumWidth(0);
    m_label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    bar->addWidget(m_label, 1);
}

void StatusMessages::notice(const QString &text, int milliseconds)
{
    const QString cause = QStringLiteral("notice:%1").arg(++m_notices);
    show(cause, text);
    QTimer::singleShot(milliseconds, this, [this, cause] { clear(cause); });
}

void StatusMessages::show(const QString &cause, const QString &text)
{
    std::erase_if(m_messages, [&](const Message &message) { return message.cause == cause; });
    m_messages.push_back({cause, text});
    refresh();
}

void StatusMessages::clear(const QString &cause)
{
    if (std::erase_if(m_messages, [&](const Message &message) { return message.cause == cause; }))
        refresh();
}

bool StatusMessages::has(const QString &cause) const
{
    return std::any_of(m_messages.begin(), m_messages.end(),
                       [&](const Message &message) { return message.cause == cause; });
}

QString StatusMessages::text(const QString &cause) const
{
    const auto it = std::find_if(m_messages.begin(), m_messages.end(),
                                 [&](const Message &message) { return message.cause == cause; });
    return it == m_messages.end() ? QString() : it->text;
}

QString StatusMessages::currentText() const
{
    return m_messages.empty() ? QString() : m_messages.back().text;
}

void StatusMessages::refresh()
{
    m_label->setText(currentText());
    m_label->setToolTip(currentText());
}

} // namespace studio
