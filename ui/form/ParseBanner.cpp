#include "ParseBanner.h"

#include "problems/SeverityIcon.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace studio {

ParseBanner::ParseBanner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_jump(new QPushButton(tr("Go to Error"), this))
{
    setObjectName(QStringLiteral("parseBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_icon->setPixmap(SeverityIcon::icon(Severity::Error).pixmap(18, 18));
    m_icon->setAlignment(Qt::AlignTop);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->addWidget(m_icon);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_jump, 0, Qt::AlignTop);
    connect(m_jump, &QPushButton::clicked, this, &ParseBanner::jumpRequested);
    applyColours();
    hide();
}

void ParseBanner::showMessage(const QString &message, bool canJump)
{
    m_text->setText(message);
    m_jump->setVisible(canJump);
    setVisible(!message.isEmpty());
}

QString ParseBanner::message() const
{
    return isVisibleTo(parentWidget()) ? m_text->text() : QString();
}

void ParseBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyColours();
    QFrame::changeEvent(event);
}

void ParseBanner::applyColours()
{
    const bool dark = parentWidget()
                          ? parentWidget()->palette().color(QPalette::Window).lightness() < 128
                          : palette().color(QPalette::Window).lightness() < 128;
    QPalette colours = palette();
    colours.setColor(QPalette::Window, dark ? QColor(0x4a, 0x22, 0x22) : QColor(0xfd, 0xec, 0xea));
    colours.setColor(QPalette::WindowText,
                     dark ? QColor(0xff, 0xdc, 0xdc) : QColor(0x7a, 0x18, 0x18));
    const QSignalBlocker blocker(this);
    setPalette(colours);
    m_text->setPalette(colours);
}

} // namespace studio
