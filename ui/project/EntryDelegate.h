#pragma once

#include <QStyledItemDelegate>

namespace studio {

// Draws an entry of the picker as the store's list tile does, with the problem counts on
// the right: round logo (or the initial on a neutral disc), name, then id and author.
class EntryDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The name as a row `width` pixels wide shows it: shortened in the middle, as names of
    // one family share their start ("Meeting Notes for X", "... for Y"); the row's tooltip
    // has it whole.
    static QString shownName(const QString &name, const QFontMetrics &metrics, int width);
};

} // namespace studio
