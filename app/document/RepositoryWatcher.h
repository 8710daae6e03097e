#pragma once

#include <QElapsedTimer>
#include <QFileSystemWatcher>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>

namespace studio {

// Follows the files the open plugin depends on and the files open in editors, whoever
// changes them (the studio, an editor, git checkout). Files that do not exist yet are
// followed through their nearest existing folder, re-armed as folders appear. A burst of
// changes (a checkout touches many files) is reported once, when it settles.
class RepositoryWatcher : public QObject
{
    Q_OBJECT

public:
    // Quiet time that ends a burst, and the longest a steady stream of changes is held back.
    static constexpr int kDefaultSettleMs = 250;
    static constexpr int kMaxHoldMs = 2000;

    explicit RepositoryWatcher(QObject *parent = nullptr);

    // Files whose state validation reports on (ReferencedFiles), absolute paths.
    void setDependencies(const QStringList &files);
    // Files open in editors, whose text may need reloading.
    void setDocuments(const QStringList &files);
    void setSettleDelay(int milliseconds) { m_settle.setInterval(milliseconds); }

    const QStringList &dependencies() const { return m_dependencies; }
    const QStringList &documents() const { return m_documents; }
    // What the system is asked to watch now: files that exist, folders for the rest.
    QStringList armedPaths() const;

signals:
    // Some dependency appeared, changed or vanished.
    void dependenciesChanged();
    // These open documents (as given to setDocuments) may differ from what was read.
    void documentsChanged(const QStringList &files);

private:
    void rearm();
    void noticed(const QString &path);
    void settle();

    QFileSystemWatcher m_watcher;
    QTimer m_settle;
    QElapsedTimer m_burst;
    QStringList m_dependencies;
    QStringList m_documents;
    // For each followed file, what is armed for it: itself and its folder, or an ancestor.
    QHash<QString, QStringList> m_arms;
    bool m_dependencyTouched = false;
    QSet<QString> m_touchedDocuments;
};

} // namespace studio
