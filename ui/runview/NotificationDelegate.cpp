#include "NotificationDelegate.h"

#include "NotificationPreviewModel.h"
#include "RecordOutcome.h"

#include <QAbstractItemView>
#include <QPainter>
#include <QPainterPath>

namespace studio {

namespace {

constexpr int kOuter = 8;    // between the screen's edge and a card
constexpr int kPadding = 10; // inside a card or bubble
constexpr int kLogo = 32;
constexpr int kChatLogo = 24;
constexpr int kGap = 4;

int wrappedHeight(const QFont &font, int width, const QString &text)
{
    if (text.isEmpty())
        return 0;
    return QFontMetrics(font)
        .boundingRect(QRect(0, 0, std::max(20, width), 1 << 20), Qt::TextWordWrap, text)
        .height();
}

PreviewItem::Kind kindOf(const QModelIndex &index)
{
    return PreviewItem::Kind(index.data(NotificationPreviewModel::KindRole).toInt());
}

} // namespace

NotificationDelegate::Colours NotificationDelegate::Colours::forPalette(const QPalette &palette)
{
    if (isDarkPalette(palette))
        return {QColor(0x14, 0x15, 0x18), QColor(0x2a, 0x2c, 0x31), QColor(0x33, 0x36, 0x3d),
                QColor(0xe8, 0xea, 0xed), QColor(0x9a, 0xa0, 0xa8), QColor(0xf0, 0xb4, 0x3c)};
    return {QColor(0xec, 0xee, 0xf2), QColor(Qt::white),        QColor(0xe1, 0xe5, 0xec),
            QColor(0x1c, 0x1d, 0x20), QColor(0x5f, 0x65, 0x6d), QColor(0xa3, 0x5f, 0x00)};
}

NotificationDelegate::NotificationDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

void NotificationDelegate::setLogo(const QImage &logo, const QString &pluginName)
{
    m_logo = logo;
    m_initial = pluginName.trimmed().left(1).toUpper();
    m_roundLogos.clear();
}

NotificationDelegate::Fonts NotificationDelegate::fonts(const QStyleOptionViewItem &option) const
{
    Fonts result{option.font, option.font, option.font};
    result.title.setBold(true);
    result.small.setPointSizeF(option.font.pointSizeF() * 0.88);
    return result;
}

int NotificationDelegate::availableWidth(const QStyleOptionViewItem &option) const
{
    if (const auto *view = qobject_cast<const QAbstractItemView *>(option.widget))
        return view->viewport()->width();
    return option.rect.width();
}

QSize NotificationDelegate::sizeHint(const QStyleOptionViewItem &option,
                                     const QModelIndex &index) const
{
    const Fonts f = fonts(option);
    const int width = availableWidth(option);
    const QString text = index.data(NotificationPreviewModel::TextRole).toString();
    const QString detail = index.data(NotificationPreviewModel::DetailRole).toString();
    switch (kindOf(index)) {
    case PreviewItem::Kind::Header:
        return {width, QFontMetrics(f.title).height() + 18};
    case PreviewItem::Kind::Notification:
    case PreviewItem::Kind::Conversation:
    case PreviewItem::Kind::Suppressed: {
        const int textWidth = width - 2 * kOuter - 3 * kPadding - kLogo;
        int height = QFontMetrics(f.title).height() + kGap + wrappedHeight(f.body, textWidth, text);
        if (!detail.isEmpty())
            height += kGap + wrappedHeight(f.small, textWidth, detail);
        return {width, 2 * kPadding + std::max(kLogo, height) + 2 * kGap};
    }
    case PreviewItem::Kind::ChatMessage: {
        const int bubbleWidth = int((width - 2 * kOuter - kChatLogo - kGap * 2) * 0.85);
        const int height = wrappedHeight(f.body, bubbleWidth - 2 * kPadding, text);
        return {width, height + 2 * kPadding + QFontMetrics(f.small).height() + 3 * kGap};
    }
    }
    return {width, 20};
}

void NotificationDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::SmoothPixmapTransform);
    switch (kindOf(index)) {
    case PreviewItem::Kind::Header:
        paintHeader(painter, option, index);
        break;
    case PreviewItem::Kind::Notification:
    case PreviewItem::Kind::Conversation:
        paintCard(painter, option, index, false);
        break;
    case PreviewItem::Kind::Suppressed:
        paintCard(painter, option, index, true);
        break;
    case PreviewItem::Kind::ChatMessage:
        paintBubble(painter, option, index);
        break;
    }
    painter->restore();
}

void NotificationDelegate::paintLogo(QPainter *painter, const QRect &circle,
                                     const QPalette &palette) const
{
    if (m_logo.isNull()) {
        // The placeholder: a neutral circle with the plugin's initial.
        painter->setPen(Qt::NoPen);
        painter->setBrush(palette.color(QPalette::Mid));
        painter->drawEllipse(circle);
        QFont font = painter->font();
        font.setBold(true);
        font.setPixelSize(circle.height() / 2);
        painter->setFont(font);
        painter->setPen(Qt::white);
        painter->drawText(circle, Qt::AlignCenter,
                          m_initial.isEmpty() ? QStringLiteral("?") : m_initial);
        return;
    }
    const qreal ratio = painter->device()->devicePixelRatioF();
    const int side = qRound(circle.width() * ratio);
    QPixmap &cached = m_roundLogos[side];
    if (cached.isNull()) {
        // Cover the circle, as the app crops logos.
        const QImage scaled =
            m_logo.scaled(side, side, Qt::KeepAspectRatioByExpanding, Qt::SmoothTransformation);
        QPixmap round(side, side);
        round.fill(Qt::transparent);
        QPainter roundPainter(&round);
        roundPainter.setRenderHint(QPainter::Antialiasing);
        QPainterPath clip;
        clip.addEllipse(QRectF(0, 0, side, side));
        roundPainter.setClipPath(clip);
        roundPainter.drawImage(
            QPointF((side - scaled.width()) / 2.0, (side - scaled.height()) / 2.0), scaled);
        roundPainter.end();
        round.setDevicePixelRatio(ratio);
        cached = round;
    }
    painter->drawPixmap(circle.topLeft(), cached);
}

void NotificationDelegate::paintHeader(QPainter *painter, const QStyleOptionViewItem &option,
                                       const QModelIndex &index) const
{
    const Colours colours = Colours::forPalette(option.palette);
    const Fonts f = fonts(option);
    const QRect area = option.rect.adjusted(kOuter + 4, 10, -kOuter, -4);
    const QString title = index.data(NotificationPreviewModel::TitleRole).toString();
    painter->setFont(f.title);
    painter->setPen(colours.text);
    painter->drawText(area, Qt::AlignLeft | Qt::AlignVCenter, title);
    const int titleWidth = QFontMetrics(f.title).horizontalAdvance(title);
    painter->setFont(f.small);
    painter->setPen(colours.secondary);
    painter->drawText(area.adjusted(titleWidth + 8, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                      index.data(NotificationPreviewModel::TextRole).toString());
}

void NotificationDelegate::paintCard(QPainter *painter, const QStyleOptionViewItem &option,
                                     const QModelIndex &index, bool suppressed) const
{
    const Colours colours = Colours::forPalette(option.palette);
    const Fonts f = fonts(option);
    const QRect card = option.rect.adjusted(kOuter, kGap, -kOuter, -kGap);
    const bool selected = option.state & QStyle::State_Selected;
    painter->setPen(selected ? QPen(option.palette.color(QPalette::Highlight), 2)
                             : QPen(Qt::NoPen));
    painter->setBrush(suppressed ? colours.screen : colours.card);
    if (suppressed && !selected)
        painter->setPen(QPen(colours.secondary, 1, Qt::DashLine));
    painter->drawRoundedRect(QRectF(card).adjusted(0.5, 0.5, -0.5, -0.5), 14, 14);

    // Greyed: what the user does not get is drawn faded; the reason stays readable.
    painter->setOpacity(suppressed ? 0.5 : 1.0);
    const QRect logo(card.left() + kPadding, card.top() + kPadding, kLogo, kLogo);
    paintLogo(painter, logo, option.palette);

    const int left = logo.right() + 1 + kPadding;
    const int width = card.right() - kPadding - left;
    int top = card.top() + kPadding;
    const QString time = index.data(NotificationPreviewModel::TimeRole).toString();
    painter->setFont(f.small);
    painter->setPen(colours.secondary);
    const int timeWidth = QFontMetrics(f.small).horizontalAdvance(time);
    const int titleHeight = QFontMetrics(f.title).height();
    painter->drawText(QRect(card.right() - kPadding - timeWidth, top, timeWidth, titleHeight),
                      Qt::AlignRight | Qt::AlignVCenter, time);
    painter->setFont(f.title);
    painter->setPen(colours.text);
    const QString title = index.data(NotificationPreviewModel::TitleRole).toString();
    painter->drawText(
        QRect(left, top, width - timeWidth - 8, titleHeight), Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetrics(f.title).elidedText(title, Qt::ElideRight, width - timeWidth - 8));
    top += titleHeight + kGap;
    const QString text = index.data(NotificationPreviewModel::TextRole).toString();
    painter->setFont(f.body);
    const int textHeight = wrappedHeight(f.body, width, text);
    painter->drawText(QRect(left, top, width, textHeight), Qt::TextWordWrap, text);
    top += textHeight + kGap;

    const QString detail = index.data(NotificationPreviewModel::DetailRole).toString();
    if (!detail.isEmpty()) {
        painter->setOpacity(1.0);
        painter->setFont(f.small);
        painter->setPen(suppressed ? colours.warning : colours.secondary);
        painter->drawText(QRect(left, top, width, wrappedHeight(f.small, width, detail)),
                          Qt::TextWordWrap, detail);
    }
    painter->setOpacity(1.0);
}

void NotificationDelegate::paintBubble(QPainter *painter, const QStyleOptionViewItem &option,
                                       const QModelIndex &index) const
{
    const Colours colours = Colours::forPalette(option.palette);
    const Fonts f = fonts(option);
    const QRect area = option.rect.adjusted(kOuter, kGap, -kOuter, -kGap);
    const QString text = index.data(NotificationPreviewModel::TextRole).toString();
    const int maxBubble = int((option.rect.width() - 2 * kOuter - kChatLogo - kGap * 2) * 0.85);
    const QFontMetrics body(f.body);
    const int textWidth = std::min(
        maxBubble - 2 * kPadding,
        body.boundingRect(QRect(0, 0, maxBubble - 2 * kPadding, 1 << 20), Qt::TextWordWrap, text)
                .width() +
            2);
    const int textHeight = wrappedHeight(f.body, maxBubble - 2 * kPadding, text);
    const QRect bubble(area.left() + kChatLogo + kGap * 2, area.top(), textWidth + 2 * kPadding,
                       textHeight + 2 * kPadding);
    const bool selected = option.state & QStyle::State_Selected;
    painter->setPen(selected ? QPen(option.palette.color(QPalette::Highlight), 2)
                             : QPen(Qt::NoPen));
    painter->setBrush(colours.bubble);
    painter->drawRoundedRect(QRectF(bubble).adjusted(0.5, 0.5, -0.5, -0.5), 16, 16);
    paintLogo(painter, QRect(area.left(), bubble.bottom() - kChatLogo + 1, kChatLogo, kChatLogo),
              option.palette);
    painter->setFont(f.body);
    painter->setPen(colours.text);
    painter->drawText(bubble.adjusted(kPadding, kPadding, -kPadding, -kPadding), Qt::TextWordWrap,
                      text);
    painter->setFont(f.small);
    painter->setPen(colours.secondary);
    painter->drawText(QRect(bubble.left() + 4, bubble.bottom() + kGap, area.width(),
                            QFontMetrics(f.small).height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      index.data(NotificationPreviewModel::TimeRole).toString());
}

} // namespace studio
