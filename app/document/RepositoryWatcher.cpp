#include "RepositoryWatcher.h"

#include <QDir>
#include <QFileInfo>

#include <utility>

namespace studio {

namespace {

QStringList cleaned(const QStringList &files)
{
    QStringList result;
    for (const QString &file : files) {
        const QString path = QDir::cleanPath(file);
        if (!path.isEmpty() && !result.contains(path))
            result.push_back(path);
    }
    return result;
}

// A file that exists is watched itself (its content) and through its folder (replaced by
// an atomic save, renamed, deleted); a missing one through its nearest existing folder.
QStringList armsFor(const QString &file)
{
    const QFileInfo info(file);
    if (info.exists())
        return {file, info.absolutePath()};
    QString folder = info.absolutePath();
    while (!QFileInfo(folder).isDir()) {
        const QString up = QFileInfo(folder).absolutePath();
        if (up == folder)
            return {};
        folder = up;
    }
    return {folder};
}

} // namespace

RepositoryWatcher::RepositoryWatcher(QObject *parent)
    : QObject(parent)
{
    m_settle.setSingleShot(true);
    m_settle.setInterval(kDefaultSettleMs);
    connect(&m_settle, &QTimer::timeout, this, &RepositoryWatcher::settle);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, &RepositoryWatcher::noticed);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &RepositoryWatcher::noticed);
}

void RepositoryWatcher::setDependencies(const QStringList &files)
{
    QStringList next = cleaned(files);
    if (next == m_dependencies)
        return;
    m_dependencies = std::move(next);
    rearm();
}

void RepositoryWatcher::setDocuments(const QStringList &files)
{
    QStringList next = cleaned(files);
    if (next == m_documents)
        return;
    m_documents = std::move(next);
    m_touchedDocuments.intersect(QSet<QString>(m_documents.begin(), m_documents.end()));
    rearm();
}

QStringList RepositoryWatcher::armedPaths() const
{
    return m_watcher.files() + m_watcher.directories();
}

void RepositoryWatcher::rearm()
{
    m_arms.clear();
    QSet<QString> wanted;
    for (const QStringList *list : {&m_dependencies, &m_documents}) {
        for (const QString &file : *list) {
            const QStringList arms = armsFor(file);
            m_arms.insert(file, arms);
            wanted.unite(QSet<QString>(arms.begin(), arms.end()));
        }
    }
    const QStringList armed = armedPaths();
    QStringList stale;
    for (const QString &path : armed) {
        if (!wanted.contains(path))
            stale.push_back(path);
    }
    if (!stale.isEmpty())
        m_watcher.removePaths(stale);
    QStringList fresh;
    for (const QString &path : std::as_const(wanted)) {
        if (!armed.contains(path))
            fresh.push_back(path);
    }
    if (!fresh.isEmpty())
        m_watcher.addPaths(fresh);
}

void RepositoryWatcher::noticed(const QString &path)
{
    QStringList replaced;
    for (auto it = m_arms.cbegin(); it != m_arms.cend(); ++it) {
        if (!it.value().contains(path))
            continue;
        const QString &file = it.key();
        if (m_dependencies.contains(file))
            m_dependencyTouched = true;
        if (m_documents.contains(file))
            m_touchedDocuments.insert(file);
        replaced.push_back(file);
    }
    // A file replaced by a rename is a new inode: watch it afresh. A folder that appeared
    // lets a missing file be followed closer.
    const QStringList watchedFiles = m_watcher.files();
    for (const QString &file : std::as_const(replaced)) {
        if (watchedFiles.contains(file))
            m_watcher.removePath(file);
    }
    rearm();
    if (replaced.isEmpty())
        return;
    // Each change extends the burst, unless it has already been held back for long.
    if (!m_burst.isValid())
        m_burst.start();
    if (!m_settle.isActive() || m_burst.elapsed() < kMaxHoldMs)
        m_settle.start();
}

void RepositoryWatcher::settle()
{
    m_burst.invalidate();
    QStringList documents;
    for (const QString &file : std::as_const(m_documents)) {
        if (m_touchedDocuments.contains(file))
            documents.push_back(file);
    }
    m_touchedDocuments.clear();
    const bool dependencies = std::exchange(m_dependencyTouched, false);
    if (dependencies)
        emit dependenciesChanged();
    if (!documents.isEmpty())
        emit documentsChanged(documents);
}

} // namespace studio
