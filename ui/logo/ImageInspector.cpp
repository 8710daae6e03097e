#include "ImageInspector.h"

#include "RoundLogoPreview.h"
#include "document/DocumentSession.h"
#include "document/ManifestDocument.h"
#include "image/ImageProbe.h"
#include "problems/SeverityIcon.h"

#include <QBuffer>
#include <QDateTime>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QMimeData>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <numeric>

namespace studio {

namespace {

QString aspectText(int width, int height)
{
    if (width <= 0 || height <= 0)
        return QObject::tr("unknown");
    if (width == height)
        return QObject::tr("1:1, square");
    const int divisor = std::gcd(width, height);
    const int w = width / divisor;
    const int h = height / divisor;
    const QString ratio =
        w <= 32 && h <= 32 ? QStringLiteral("%1:%2").arg(w).arg(h)
                           : QString::number(double(width) / height, 'f', 2) + QStringLiteral(":1");
    return QObject::tr("%1, not square: the store crops the sides").arg(ratio);
}

QString iconHtml(Severity severity)
{
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    SeverityIcon::icon(severity).pixmap(14, 14).save(&buffer, "PNG");
    return QStringLiteral("<img src='data:image/png;base64,%1' width='14' height='14'>")
        .arg(QString::fromLatin1(png.toBase64()));
}

} // namespace

ImageInspector::ImageInspector(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_tile(new RoundLogoPreview(48, this))
    , m_detail(new RoundLogoPreview(96, this))
    , m_facts(new QLabel(this))
    , m_diagnostics(new QLabel(this))
    , m_full(new QLabel)
    , m_fullArea(new QScrollArea(this))
{
    setAcceptDrops(true);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Messages wrap: a long one (a path, why the file cannot be read) must not widen the
    // column the image shares with the entries on a small screen.
    m_facts->setTextFormat(Qt::RichText);
    m_facts->setWordWrap(true);
    m_facts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_diagnostics->setTextFormat(Qt::RichText);
    m_diagnostics->setWordWrap(true);
    m_full->setAlignment(Qt::AlignCenter);
    m_full->setWordWrap(true);
    m_fullArea->setWidget(m_full);
    m_fullArea->setWidgetResizable(true);
    m_fullArea->setMinimumHeight(120);
    m_fullArea->setBackgroundRole(QPalette::Dark);

    auto *previews = new QGridLayout;
    previews->addWidget(m_tile, 0, 0, Qt::AlignCenter);
    previews->addWidget(m_detail, 0, 1, Qt::AlignCenter);
    previews->addWidget(new QLabel(tr("List tile"), this), 1, 0, Qt::AlignCenter);
    previews->addWidget(new QLabel(tr("Detail page"), this), 1, 1, Qt::AlignCenter);
    previews->setColumnStretch(2, 1);

    auto *import = new QPushButton(tr("Import Logo..."), this);
    import->setToolTip(
        tr("Any picture: cropped to a square, scaled, saved as the plugin's PNG logo"));
    auto *hint = new QLabel(tr("or drop a picture here"), this);
    hint->setForegroundRole(QPalette::PlaceholderText);
    auto *actions = new QHBoxLayout;
    actions->addWidget(import);
    actions->addWidget(hint, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(m_title);
    layout->addLayout(previews);
    layout->addWidget(m_facts);
    layout->addWidget(m_diagnostics);
    layout->addLayout(actions);
    layout->addWidget(new QLabel(tr("Full size"), this));
    layout->addWidget(m_fullArea, 1);

    connect(import, &QPushButton::clicked, this, &ImageInspector::importRequested);
    connect(&m_watcher, &QFutureWatcher<Inspection>::finished, this, &ImageInspector::finished);
    setImage({}, {});
}

ImageInspector::~ImageInspector()
{
    m_watcher.waitForFinished();
}

void ImageInspector::setImage(const std::string &imagePath, const QString &absolutePath,
                              const QString &problem)
{
    m_imagePath = imagePath;
    m_absolutePath = imagePath.empty() ? QString() : absolutePath;
    m_problem = problem;
    if (fileKey() != m_loadedKey || m_loadedKey.isEmpty())
        start();
}

void ImageInspector::showImageOf(const DocumentSession &session)
{
    const LogoLocation logo = session.logoFile();
    setImage(session.document()->manifest().image, logo.path, logo.problem);
}

void ImageInspector::setDiagnostics(const std::vector<Diagnostic> &diagnostics)
{
    QStringList lines;
    for (const auto &diagnostic : diagnostics) {
        if (diagnostic.pointer != "/image")
            continue;
        lines << iconHtml(diagnostic.severity()) + QStringLiteral("&nbsp;<b>") +
                     QString::fromUtf8(diagnostic.code().data(),
                                       static_cast<qsizetype>(diagnostic.code().size())) +
                     QStringLiteral("</b> ") +
                     QString::fromStdString(diagnostic.message).toHtmlEscaped();
    }
    m_diagnostics->setText(lines.join(QStringLiteral("<br>")));
    m_diagnostics->setVisible(!lines.isEmpty());
}

void ImageInspector::reload()
{
    start();
}

QString ImageInspector::factsText() const
{
    return m_facts->text();
}

QString ImageInspector::diagnosticsText() const
{
    return m_diagnostics->text();
}

void ImageInspector::dragEnterEvent(QDragEnterEvent *event)
{
    const QMimeData *mime = event->mimeData();
    if (mime->hasUrls() && mime->urls().size() == 1 && mime->urls().first().isLocalFile())
        event->acceptProposedAction();
}

void ImageInspector::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() != 1 || !urls.first().isLocalFile())
        return;
    event->acceptProposedAction();
    emit imageDropped(urls.first().toLocalFile());
}

QString ImageInspector::fileKey() const
{
    const QFileInfo info(m_absolutePath);
    if (m_absolutePath.isEmpty())
        return QStringLiteral("none:") + QString::fromStdString(m_imagePath) + u'|' + m_problem;
    return m_absolutePath + u'|' + QString::number(info.exists() ? info.size() : -1) + u'|' +
           QString::number(info.exists() ? info.lastModified().toMSecsSinceEpoch() : 0);
}

void ImageInspector::start()
{
    m_loadedKey = fileKey();
    m_title->setText(
        m_imagePath.empty()
            ? tr("<b>No image</b> is set in the manifest.")
            : QStringLiteral("<b>%1</b>").arg(QString::fromStdString(m_imagePath).toHtmlEscaped()));
    const quint64 generation = ++m_generation;
    const QString path = m_absolutePath;
    m_watcher.setFuture(QtConcurrent::run([generation, path] {
        Inspection inspection;
        inspection.generation = generation;
        if (path.isEmpty())
            return inspection;
        inspection.facts = ImageProbe::probeFile(path);
        inspection.decoded = BoundedImageReader::read(path);
        return inspection;
    }));
}

void ImageInspector::finished()
{
    const Inspection inspection = m_watcher.result();
    if (inspection.generation != m_generation)
        return;
    const QImage image = inspection.decoded.ok() ? inspection.decoded.image : QImage();
    m_tile->setImage(image);
    m_detail->setImage(image);
    m_full->setPixmap(QPixmap::fromImage(image));
    if (image.isNull())
        m_full->setText(m_absolutePath.isEmpty() ? tr("Nothing to show")
                                                 : inspection.decoded.error);
    showFacts(inspection);
    emit loaded();
}

void ImageInspector::showFacts(const Inspection &inspection)
{
    if (m_absolutePath.isEmpty()) {
        m_facts->setText(m_imagePath.empty() || m_problem.isEmpty()
                             ? QString()
                             : tr("The image %1, so the file cannot be looked at.")
                                   .arg(m_problem.toHtmlEscaped()));
        return;
    }
    const ImageFacts &facts = inspection.facts;
    if (!QFileInfo::exists(m_absolutePath)) {
        m_facts->setText(tr("The file %1 does not exist.")
                             .arg(QDir::toNativeSeparators(m_absolutePath).toHtmlEscaped()));
        return;
    }
    const auto row = [](const QString &name, const QString &value) {
        return QStringLiteral("<tr><td style='padding-right:12px'>%1</td><td><b>%2</b></td></tr>")
            .arg(name, value.toHtmlEscaped());
    };
    const std::string_view format = imageFormatName(facts.format);
    const bool alpha = facts.hasAlpha.value_or(inspection.decoded.ok() &&
                                               inspection.decoded.image.hasAlphaChannel());
    QString rows;
    rows += row(tr("Format"),
                facts.isImage()
                    ? QString::fromUtf8(format.data(), static_cast<qsizetype>(format.size()))
                    : tr("not an image"));
    if (facts.isImage()) {
        rows += row(tr("Pixel size"), tr("%1 x %2 px").arg(facts.width).arg(facts.height));
        rows += row(tr("Aspect"), aspectText(facts.width, facts.height));
        rows += row(tr("Transparency"), facts.hasAlpha ? (alpha ? tr("yes") : tr("no"))
                                                       : (alpha ? tr("yes") : tr("not declared")));
    }
    rows += row(tr("File size"), QLocale().formattedDataSize(facts.fileSize));
    m_facts->setText(QStringLiteral("<table>%1</table>").arg(rows));
}

} // namespace studio
