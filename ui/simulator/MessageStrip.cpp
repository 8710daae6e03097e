#include "MessageStrip.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace studio {

MessageStrip::MessageStrip(QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
    , m_action(new QToolButton(this))
    , m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("simulatorMessage"));
    setFrameShape(QFrame::NoFrame);
    setAutoFillBackground(true);
    m_text->setObjectName(QStringLiteral("simulatorMessageText"));
    m_text->setWordWrap(true);
    // Long URLs wrap or are cut; they never widen the window.
    m_text->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_text->setMinimumWidth(1);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_close->setText(QStringLiteral("\u2715"));
    m_close->setAutoRaise(true);
    m_close->setToolTip(tr("Dismiss"));
    connect(m_close, &QToolButton::clicked, this, &MessageStrip::clear);
    m_action->setObjectName(QStringLiteral("simulatorMessageAction"));
    m_action->setVisible(false);
    connect(m_action, &QToolButton::clicked, this, [this] {
        const std::function<void()> action = std::move(m_onAction);
        clear();
        if (action)
            action();
    });
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_action, 0, Qt::AlignTop);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    setVisible(false);
}

void MessageStrip::show(Level level, const QString &message)
{
    m_level = level;
    m_text->setText(message);
    m_onAction = {};
    m_action->setVisible(false);
    applyColours();
    setVisible(true);
}

void MessageStrip::showWithAction(Level level, const QString &message, const QString &actionText,
                                  std::function<void()> action)
{
    show(level, message);
    m_onAction = std::move(action);
    m_action->setText(actionText);
    m_action->setVisible(true);
}

void MessageStrip::clear()
{
    m_text->clear();
    m_onAction = {};
    m_action->setVisible(false);
    setVisible(false);
}

QString MessageStrip::message() const
{
    return isVisible() ? m_text->text() : QString();
}

void MessageStrip::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::ApplicationPaletteChange)
        applyColours(); // the theme changed: tint the new window colour
}

void MessageStrip::applyColours()
{
    // Tinted over the window colour, so it reads in the light and the dark theme.
    QColor tint;
    switch (m_level) {
    case Level::Info:
        tint = QColor(0x3d, 0x8b, 0xfd);
        break;
    case Level::Warning:
        tint = QColor(0xe0, 0xa0, 0x00);
        break;
    case Level::Error:
        tint = QColor(0xd9, 0x36, 0x36);
        break;
    }
    QPalette colours = palette();
    const QColor base = parentWidget() ? parentWidget()->palette().color(QPalette::Window)
                                       : colours.color(QPalette::Window);
    tint.setAlpha(60);
    const qreal alpha = tint.alphaF();
    const QColor mixed = QColor::fromRgbF(base.redF() * (1 - alpha) + tint.redF() * alpha,
                                          base.greenF() * (1 - alpha) + tint.greenF() * alpha,
                                          base.blueF() * (1 - alpha) + tint.blueF() * alpha);
    colours.setColor(QPalette::Window, mixed);
    setPalette(colours);
}

} // namespace studio
