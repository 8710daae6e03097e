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
};

} // namespace studio
