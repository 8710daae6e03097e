#include "PreviewBrowser.h"

#include "SmoothImageHandler.h"
#include "markdown/QtRichText.h"

#include <QAbstractTextDocumentLayout>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QPainter>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextList>

namespace studio {

PreviewBrowser::PreviewBrowser(QWidget *parent)
    : QTextBrowser(parent)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setReadOnly(true);
    document()->setDocumentMargin(12);
    document()->setUndoRedoEnabled(false); // image sizes are adjusted in place
    SmoothImageHandler::install(document());
    connect(this, &QTextBrowser::anchorClicked, this, &PreviewBrowser::onAnchorClicked);
}

void PreviewBrowser::showRendered(const QString &html, const std::vector<int> &anchorLines)
{
    const int scrolled = verticalScrollBar()->value();
    setHtml(html);
    m_authoredSizes.clear();
    fitImagesToWidth();
    document()->documentLayout()->documentSize(); // lays the page out: the scroll range is known
    verticalScrollBar()->setValue(scrolled);
    indexAnchors(anchorLines);
}

void PreviewBrowser::indexAnchors(const std::vector<int> &anchorLines)
{
    m_blockOfLine.clear();
    QHash<QString, int> lineOfName;
    for (const int line : anchorLines)
        lineOfName.insert(QtRichText::anchorName(line), line);
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QStringList names = it.fragment().charFormat().anchorNames();
            for (const QString &name : names) {
                if (const auto line = lineOfName.constFind(name); line != lineOfName.cend())
                    m_blockOfLine.emplace(*line, block.blockNumber());
            }
        }
    }
}

void PreviewBrowser::scrollToSourceLine(int line)
{
    if (m_blockOfLine.empty())
        return;
    auto after = m_blockOfLine.upper_bound(line);
    if (after == m_blockOfLine.begin()) {
        verticalScrollBar()->setValue(0);
        return;
    }
    const auto before = std::prev(after);
    QAbstractTextDocumentLayout *layout = document()->documentLayout();
    const double top =
        layout->blockBoundingRect(document()->findBlockByNumber(before->second)).top();
    double y = top;
    if (after != m_blockOfLine.end()) {
        // Between two anchored blocks, move in proportion to the source lines.
        const double next =
            layout->blockBoundingRect(document()->findBlockByNumber(after->second)).top();
        const double fraction = double(line - before->first) / double(after->first - before->first);
        y = top + fraction * (next - top);
    }
    // The block's top at the page's margin, as the first block sits when not scrolled.
    verticalScrollBar()->setValue(
        static_cast<int>(std::max(0.0, y - document()->documentMargin())));
}

void PreviewBrowser::addImage(const QString &url, const QImage &image)
{
    m_images.insert(url, image);
    // The page may have asked already and got a placeholder: replace it and lay out again.
    document()->addResource(QTextDocument::ImageResource, QUrl(url), image);
    document()->markContentsDirty(0, document()->characterCount());
    fitImagesToWidth();
}

void PreviewBrowser::resizeEvent(QResizeEvent *event)
{
    QTextBrowser::resizeEvent(event);
    fitImagesToWidth();
}

// Each image keeps the size its page gave it (or its own) unless that is wider than the
// room its block leaves; then it is scaled down, keeping its aspect.
void PreviewBrowser::fitImagesToWidth()
{
    const qreal pageWidth = viewport()->width() - 2 * document()->documentMargin();
    if (pageWidth <= 0)
        return;
    QTextCursor cursor(document());
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next()) {
        qreal room = pageWidth - block.blockFormat().leftMargin() -
                     block.blockFormat().rightMargin() -
                     block.blockFormat().indent() * document()->indentWidth();
        if (const QTextList *list = block.textList())
            room -= list->format().indent() * document()->indentWidth();
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (!fragment.charFormat().isImageFormat())
                continue;
            QTextImageFormat format = fragment.charFormat().toImageFormat();
            const auto authored = m_authoredSizes.constFind(fragment.position());
            const QSizeF asked = authored != m_authoredSizes.cend()
                                     ? *authored
                                     : QSizeF(format.width(), format.height());
            m_authoredSizes.insert(fragment.position(), asked);
            const QImage image = m_images.value(format.name());
            QSizeF size = asked;
            if (size.width() <= 0 && !image.isNull())
                size = size.height() > 0
                           ? QSizeF(image.width() * size.height() / image.height(), size.height())
                           : QSizeF(image.size());
            if (size.width() <= 0)
                continue; // not decoded yet: fitted when it arrives
            if (size.width() > room && room > 0) {
                const qreal height = size.height() > 0 ? size.height() : 0;
                size = QSizeF(room, height * room / size.width()); // a 0 height stays natural
            }
            if (qFuzzyCompare(format.width(), size.width()) &&
                qFuzzyCompare(format.height(), size.height()))
                continue;
            format.setWidth(size.width());
            format.setHeight(size.height());
            cursor.setPosition(fragment.position());
            cursor.setPosition(fragment.position() + fragment.length(), QTextCursor::KeepAnchor);
            cursor.setCharFormat(format);
        }
    }
}

void PreviewBrowser::addUnavailableImage(const QString &url, const QString &reason)
{
    addImage(url, placeholder(tr("image not shown (%1): %2").arg(reason, url)));
}

bool PreviewBrowser::isInsideRepository(const QString &path) const
{
    if (m_repositoryRoot.isEmpty())
        return false;
    const QString root = QFileInfo(m_repositoryRoot).canonicalFilePath();
    const QString file = QFileInfo(path).canonicalFilePath();
    return !root.isEmpty() && !file.isEmpty() && file.startsWith(root + QLatin1Char('/'));
}

QVariant PreviewBrowser::loadResource(int type, const QUrl &name)
{
    if (type != QTextDocument::ImageResource)
        return {}; // style sheets are inline; nothing else is fetched
    const QString key = name.toString(QUrl::FullyEncoded);
    if (const auto image = m_images.constFind(key); image != m_images.cend())
        return *image;
    const QString scheme = name.scheme();
    if (scheme == u"http" || scheme == u"https") {
        // Never fetched here (that would block the GUI thread); when remote images are
        // allowed, the editor fetches them and hands them in with addImage().
        if (!m_remoteAllowed && !m_refusedRemote.contains(key))
            m_refusedRemote.append(key);
        return placeholder(m_remoteAllowed ? tr("loading %1").arg(key)
                                           : tr("remote image not loaded: %1").arg(key));
    }
    return placeholder(tr("image not shown: %1").arg(key));
}

QImage PreviewBrowser::placeholder(const QString &text) const
{
    const QFontMetrics metrics(font());
    const int width = std::min(metrics.horizontalAdvance(text) + 16, 560);
    QImage image(width, metrics.height() + 12, QImage::Format_ARGB32_Premultiplied);
    image.fill(QColor(0xff, 0xf4, 0xd6));
    QPainter painter(&image);
    painter.setPen(QColor(0x6b, 0x4f, 0x00));
    painter.setFont(font());
    painter.drawRect(image.rect().adjusted(0, 0, -1, -1));
    painter.drawText(image.rect().adjusted(8, 0, -8, 0), Qt::AlignVCenter | Qt::AlignLeft,
                     metrics.elidedText(text, Qt::ElideMiddle, width - 16));
    return image;
}

void PreviewBrowser::onAnchorClicked(const QUrl &url)
{
    // setOpenLinks(false) already keeps the page; this decides where the link goes. (Links
    // the app cannot open are rendered without a target, so they never get here.)
    if (url.scheme().isEmpty() && url.hasFragment() && url.path().isEmpty()) {
        scrollToAnchor(url.fragment());
        return;
    }
    const QString scheme = url.scheme();
    if (scheme == u"file") {
        if (!isInsideRepository(url.toLocalFile())) {
            emit linkRefused(url, tr("the file is outside the plugin repository"));
            return;
        }
    } else if (scheme != u"http" && scheme != u"https" && scheme != u"mailto" && scheme != u"tel") {
        emit linkRefused(url, tr("the app does not open %1: links").arg(scheme));
        return;
    }
    QDesktopServices::openUrl(url);
    emit linkOpened(url);
}

} // namespace studio
