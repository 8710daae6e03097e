#include "EntryDelegate.h"

#include "EntryListModel.h"
#include "problems/SeverityIcon.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace studio {

namespace {

constexpr int kLogo = 36;
constexpr int kPadding = 8;

// A count on a small rounded badge; returns the badge's left edge.
int drawBadge(QPainter *painter, int right, int centerY, int count, const QColor &colour,
              const QFont &font)
{
    const QString text = QString::number(count);
    const QFontMetrics metrics(font);
    const int width = std::max(20, metrics.horizontalAdvance(text) + 10);
    const QRect badge(right - width, centerY - 9, width, 18);
    painter->setPen(Qt::NoPen);
    painter->setBrush(colour);
    painter->drawRoundedRect(badge, 9, 9);
    painter->setPen(Qt::white);
    painter->setFont(font);
    painter->drawText(badge, Qt::AlignCenter, text);
    return badge.left();
}

} // namespace

void EntryDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const
{
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    background.icon = {};
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRect rect = option.rect.adjusted(kPadding, 0, -kPadding, 0);
    const QRect logo(rect.left(), rect.center().y() - kLogo / 2, kLogo, kLogo);
    QPainterPath circle;
    circle.addEllipse(QRectF(logo));
    const QImage image = index.data(EntryListModel::LogoRole).value<QImage>();
    if (!image.isNull()) {
        painter->setClipPath(circle);
        const QImage square =
            image.scaled(logo.size() * painter->device()->devicePixelRatioF(),
                         Qt::KeepAspectRatioByExpanding, Qt::SmoothTransformation);
        const QRect source(
            (square.width() - logo.width() * painter->device()->devicePixelRatioF()) / 2,
            (square.height() - logo.height() * painter->device()->devicePixelRatioF()) / 2,
            logo.width() * painter->device()->devicePixelRatioF(),
            logo.height() * painter->device()->devicePixelRatioF());
        painter->drawImage(logo, square, source);
        painter->setClipping(false);
    } else {
        painter->fillPath(circle, option.palette.color(QPalette::Mid));
        QFont initial = option.font;
        initial.setBold(true);
        painter->setFont(initial);
        painter->setPen(option.palette.color(QPalette::Base));
        const QString name = index.data(Qt::DisplayRole).toString();
        painter->drawText(logo, Qt::AlignCenter, name.left(1).toUpper());
    }

    const bool selected = option.state & QStyle::State_Selected;
    const QColor text = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    QColor dim = text;
    dim.setAlphaF(0.65f);

    // Counts first, so the texts know how much room is left.
    QFont badgeFont = option.font;
    badgeFont.setPointSizeF(std::max(7.0, option.font.pointSizeF() - 1.5));
    badgeFont.setBold(true);
    int right = rect.right();
    if (index.data(EntryListModel::CheckedRole).toBool()) {
        const int errors = index.data(EntryListModel::ErrorsRole).toInt();
        const int warnings = index.data(EntryListModel::WarningsRole).toInt();
        if (warnings > 0)
            right = drawBadge(painter, right, rect.center().y(), warnings,
                              SeverityIcon::color(Severity::Warning).darker(115), badgeFont) -
                    4;
        if (errors > 0)
            right = drawBadge(painter, right, rect.center().y(), errors,
                              SeverityIcon::color(Severity::Error), badgeFont) -
                    4;
    } else {
        // Not checked yet: a quiet mark where the counts will be.
        const QFontMetrics metrics(badgeFont);
        const QString pending = QStringLiteral("\u2026");
        QColor quiet = text;
        quiet.setAlphaF(0.4f);
        painter->setPen(quiet);
        painter->setFont(badgeFont);
        const int width = metrics.horizontalAdvance(pending) + 6;
        painter->drawText(QRect(right - width, rect.top(), width, rect.height()), Qt::AlignCenter,
                          pending);
        right -= width + 4;
    }

    const int textLeft = logo.right() + 10;
    const QRect textRect(textLeft, rect.top() + 6, std::max(0, right - textLeft - 4),
                         rect.height() - 12);
    const bool unsaved = index.data(EntryListModel::UnsavedRole).toBool();
    QFont nameFont = option.font;
    nameFont.setBold(true);
    nameFont.setItalic(unsaved);
    painter->setFont(nameFont);
    painter->setPen(text);
    const QFontMetrics nameMetrics(nameFont);
    painter->drawText(
        textRect, Qt::AlignLeft | Qt::AlignTop,
        shownName(index.data(Qt::DisplayRole).toString(), nameMetrics, textRect.width()));
    painter->setFont(option.font);
    painter->setPen(dim);
    const QString detail = unsaved ? EntryDelegate::tr("unsaved  \u00b7  %1")
                                         .arg(index.data(EntryListModel::IdRole).toString())
                                   : index.data(EntryListModel::IdRole).toString() +
                                         QStringLiteral("  \u00b7  ") +
                                         index.data(EntryListModel::AuthorRole).toString();
    painter->drawText(textRect, Qt::AlignLeft | Qt::AlignBottom,
                      option.fontMetrics.elidedText(detail, Qt::ElideRight, textRect.width()));
    painter->restore();
}

QString EntryDelegate::shownName(const QString &name, const QFontMetrics &metrics, int width)
{
    return metrics.elidedText(name, Qt::ElideMiddle, width);
}

QSize EntryDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const int textHeight = option.fontMetrics.height() * 2 + 16;
    // As narrow as a logo and a few letters: the list's width decides, never a scroll bar.
    return {kLogo + 2 * kPadding + 6 * option.fontMetrics.averageCharWidth(),
            std::max(kLogo + 14, textHeight)};
}

} // namespace studio
