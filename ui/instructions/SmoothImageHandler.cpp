#include "SmoothImageHandler.h"

#include <QAbstractTextDocumentLayout>
#include <QPainter>
#include <QTextDocument>

namespace studio {

SmoothImageHandler::SmoothImageHandler(QTextObjectInterface *original, QObject *parent)
    : QObject(parent)
    , m_original(original)
{}

void SmoothImageHandler::install(QTextDocument *document)
{
    QAbstractTextDocumentLayout *layout = document->documentLayout();
    QTextObjectInterface *original = layout->handlerForObject(QTextFormat::ImageObject);
    if (!original || dynamic_cast<SmoothImageHandler *>(original))
        return;
    layout->registerHandler(QTextFormat::ImageObject, new SmoothImageHandler(original, layout));
}

QSizeF SmoothImageHandler::intrinsicSize(QTextDocument *document, int position,
                                         const QTextFormat &format)
{
    return m_original->intrinsicSize(document, position, format);
}

void SmoothImageHandler::drawObject(QPainter *painter, const QRectF &rect, QTextDocument *document,
                                    int position, const QTextFormat &format)
{
    painter->save();
    painter->setRenderHint(QPainter::SmoothPixmapTransform, true);
    m_original->drawObject(painter, rect, document, position, format);
    painter->restore();
}

} // namespace studio
