#pragma once

#include "LogoDecoder.h"
#include "LogoImage.h"

#include <QCache>
#include <QFileSystemWatcher>
#include <QFutureWatcher>
#include <QObject>

#include <optional>
#include <string>

namespace studio {

class Contract;

// Loads the logo the preview shows, off the GUI thread. Asking again for the same logo
// costs nothing, so the preview can ask on every keystroke; a new path shows its cached
// image at once when there is one, and results for a path no longer asked for are dropped.
// The file is watched, so replacing the logo on disk updates the preview.
class LogoLoader : public QObject
{
    Q_OBJECT

public:
    explicit LogoLoader(QObject *parent = nullptr);

    // Where a document's logo is: a repository path of the 2024 index, a file beside an app.
    void setContract(const Contract &contract);
    // `image` is the document's "image" value; `folder` the one its files resolve against
    // (DocumentSession::filesFolder: the repository's root, or an app document's folder).
    void show(const QString &folder, const std::string &image);
    // Reads the current logo again, e.g. after it was edited outside the studio.
    void reload();

    const LogoImage &current() const { return m_current; }
    // Until the last result is published: the watcher stops running before its result
    // reaches this thread.
    bool isBusy() const { return m_busy; }

signals:
    void logoChanged(const studio::LogoImage &logo);
    void idle();

private:
    struct CachedLogo
    {
        FileStamp stamp;
        QImage image;
        QSize originalSize;
    };

    void publish(LogoImage logo);
    void schedule(const QString &absolutePath);
    void start(const QString &absolutePath);
    void finished();
    void watch(const QString &absolutePath, bool fileExists);
    QString summaryFor(const QSize &size) const;

    const Contract *m_contract;
    QString m_key;          // contract, folder and image last asked for
    QString m_absolutePath; // the file being shown; empty when no file can be
    std::string m_repositoryPath;
    LogoImage m_current;
    QFutureWatcher<DecodedLogo> m_watcher;
    std::optional<QString> m_pending; // asked for while a decode was running
    bool m_busy = false;
    QCache<QString, CachedLogo> m_cache;
    QFileSystemWatcher m_fileWatcher;
};

} // namespace studio
