#pragma once

#include <QObject>
#include <QTextObjectInterface>

namespace studio {

// Draws a page's images through Qt's own image handler with smooth scaling turned on: the
// preview scales wide screenshots down to the page, and nearest-neighbour scaling would make
// their text unreadable.
class SmoothImageHandler : public QObject, public QTextObjectInterface
{
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)

public:
    // Installs itself on `document`'s layout in place of the handler that is there.
    static void install(QTextDocument *document);

    QSizeF intrinsicSize(QTextDocument *document, int position, const QTextFormat &format) override;
    void drawObject(QPainter *painter, const QRectF &rect, QTextDocument *document, int position,
                    const QTextFormat &format) override;

private:
    SmoothImageHandler(QTextObjectInterface *original, QObject *parent);

    QTextObjectInterface *m_original; // owned by the layout, like this handler
};

} // namespace studio
