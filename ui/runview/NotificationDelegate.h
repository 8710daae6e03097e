#pragma once

#include <QHash>
#include <QImage>
#include <QPixmap>
#include <QStyledItemDelegate>

namespace studio {

// Paints the phone preview's lines as the app shows them: notification cards with the
// plugin's round logo, "<name> says", the message and when it came; greyed cards for
// answers the app did not show, with the reason; chat bubbles from the plugin.
class NotificationDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    // The phone's own colours for the light or dark palette.
    struct Colours
    {
        QColor screen;
        QColor card;
        QColor bubble;
        QColor text;
        QColor secondary;
        QColor warning;
        static Colours forPalette(const QPalette &palette);
    };

    explicit NotificationDelegate(QObject *parent = nullptr);

    // The plugin's logo; a null image paints the placeholder with the name's initial.
    void setLogo(const QImage &logo, const QString &pluginName);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    struct Fonts
    {
        QFont title;
        QFont body;
        QFont small;
    };

    Fonts fonts(const QStyleOptionViewItem &option) const;
    int availableWidth(const QStyleOptionViewItem &option) const;
    void paintLogo(QPainter *painter, const QRect &circle, const QPalette &palette) const;
    void paintHeader(QPainter *painter, const QStyleOptionViewItem &option,
                     const QModelIndex &index) const;
    void paintCard(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index,
                   bool suppressed) const;
    void paintBubble(QPainter *painter, const QStyleOptionViewItem &option,
                     const QModelIndex &index) const;

    QImage m_logo;
    QString m_initial;
    mutable QHash<int, QPixmap> m_roundLogos; // by side in device pixels
};

} // namespace studio
