#include "LogoLoader.h"

#include "contract/Contract.h"
#include "image/ImageFacts.h"

#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

namespace studio {

namespace {

constexpr int kCachedLogos = 32;

QString quotedPath(const std::string &repositoryPath)
{
    return QLatin1Char('\'') + QString::fromStdString(repositoryPath) + QLatin1Char('\'');
}

// The file the image names, or why none can be read, before looking at the disk.
LogoLocation locate(const Contract &contract, const QString &folder, const std::string &image)
{
    if (image.empty())
        return {{}, LogoLoader::tr("The entry has no image: the store shows a placeholder.")};
    const ImageFormat format = imageFormatForExtension(pathExtension(image));
    if (!isStoreImageFormat(format))
        return {{},
                LogoLoader::tr("The image %1 is not a PNG, JPEG or WebP file, which the "
                               "store cannot show: it shows a placeholder.")
                    .arg(quotedPath(image))};
    LogoLocation location = contract.logoFile(image, folder);
    if (location.path.isEmpty())
        location.problem = LogoLoader::tr("The image %1 %2: the store shows a placeholder.")
                               .arg(quotedPath(image), location.problem);
    return location;
}

} // namespace

LogoLoader::LogoLoader(QObject *parent)
    : QObject(parent)
    , m_contract(&Contract::plugins2024())
    , m_cache(kCachedLogos)
{
    connect(&m_watcher, &QFutureWatcher<DecodedLogo>::finished, this, &LogoLoader::finished);
    connect(&m_fileWatcher, &QFileSystemWatcher::fileChanged, this, &LogoLoader::reload);
    connect(&m_fileWatcher, &QFileSystemWatcher::directoryChanged, this, &LogoLoader::reload);
}

void LogoLoader::setContract(const Contract &contract)
{
    m_contract = &contract;
}

void LogoLoader::show(const QString &folder, const std::string &image)
{
    const QString key =
        QString::fromUtf8(m_contract->name().data(), qsizetype(m_contract->name().size())) +
        QLatin1Char('\n') + folder + QLatin1Char('\n') + QString::fromStdString(image);
    if (key == m_key)
        return;
    m_key = key;
    m_repositoryPath = image;

    const LogoLocation location = locate(*m_contract, folder, image);
    if (location.path.isEmpty()) {
        m_absolutePath.clear();
        watch({}, false);
        publish(LogoImage::placeholder(location.problem));
        return;
    }
    m_absolutePath = location.path;
    // Show what is known at once; the worker confirms it or replaces it.
    if (const CachedLogo *cached = m_cache.object(m_absolutePath))
        publish(LogoImage::loaded(cached->image, summaryFor(cached->originalSize)));
    else
        publish(LogoImage::loading());
    schedule(m_absolutePath);
}

void LogoLoader::reload()
{
    if (!m_absolutePath.isEmpty())
        schedule(m_absolutePath);
}

void LogoLoader::publish(LogoImage logo)
{
    m_current = std::move(logo);
    emit logoChanged(m_current);
}

void LogoLoader::schedule(const QString &absolutePath)
{
    if (m_watcher.isRunning())
        m_pending = absolutePath; // only the latest request matters
    else
        start(absolutePath);
}

void LogoLoader::start(const QString &absolutePath)
{
    m_busy = true;
    std::optional<FileStamp> known;
    if (const CachedLogo *cached = m_cache.object(absolutePath))
        known = cached->stamp;
    m_watcher.setFuture(QtConcurrent::run(&LogoDecoder::decode, absolutePath, known));
}

void LogoLoader::finished()
{
    const DecodedLogo result = m_watcher.result();
    if (result.unchanged && !m_cache.contains(result.path)) {
        // The cached image was evicted while the file was checked: decode it after all.
        if (!m_pending)
            m_pending = result.path;
    } else if (!result.unchanged) {
        if (result.image.isNull())
            m_cache.remove(result.path);
        else
            m_cache.insert(result.path,
                           new CachedLogo{result.stamp, result.image, result.originalSize});
    }

    // A result for a path no longer shown is stale: it only fed the cache.
    if (result.path == m_absolutePath) {
        watch(result.path, result.stamp.size >= 0);
        if (const CachedLogo *cached = m_cache.object(result.path))
            publish(LogoImage::loaded(cached->image, summaryFor(cached->originalSize)));
        else if (!result.unchanged)
            publish(LogoImage::placeholder(tr("The image %1 %2: the store shows a placeholder.")
                                               .arg(quotedPath(m_repositoryPath), result.error)));
    }

    if (m_pending) {
        const QString next = *m_pending;
        m_pending.reset();
        start(next);
    } else {
        m_busy = false;
        emit idle();
    }
}

void LogoLoader::watch(const QString &absolutePath, bool fileExists)
{
    const QStringList previous = m_fileWatcher.files() + m_fileWatcher.directories();
    QStringList wanted;
    if (!absolutePath.isEmpty()) {
        if (fileExists)
            wanted << absolutePath;
        // The folder too: an atomic save replaces the file, and a missing logo may appear.
        const QString folder = QFileInfo(absolutePath).absolutePath();
        if (QFileInfo(folder).isDir())
            wanted << folder;
    }
    for (const QString &path : previous) {
        if (!wanted.contains(path))
            m_fileWatcher.removePath(path);
    }
    for (const QString &path : wanted) {
        if (!previous.contains(path))
            m_fileWatcher.addPath(path);
    }
}

QString LogoLoader::summaryFor(const QSize &size) const
{
    return QStringLiteral("%1, %2x%3 px")
        .arg(QString::fromStdString(m_repositoryPath))
        .arg(size.width())
        .arg(size.height());
}

} // namespace studio
