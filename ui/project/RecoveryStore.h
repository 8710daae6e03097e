#pragma once

#include "RecoveryRecord.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <vector>

namespace studio {

class DocumentSession;

// Autosave of unsaved edits to a recovery file, so a crash or a kill loses nothing: a
// short while after the user stops typing, the modified document's text is written
// (atomically) to the recovery folder; saving or discarding the edits deletes it. On the
// next start, pending() lists what a studio that did not close properly left behind.
class RecoveryStore : public QObject
{
    Q_OBJECT

public:
    // `directory` is created when first written to.
    explicit RecoveryStore(QString directory, QObject *parent = nullptr);

    // The default folder: "recovery" in the application's data location.
    static QString defaultDirectory();

    void watch(DocumentSession *session);
    void setDelay(int milliseconds) { m_timer.setInterval(milliseconds); }
    const QString &directory() const { return m_directory; }

    // Records left by studios that are no longer running, newest first.
    std::vector<RecoveryRecord> pending() const;
    // Deletes the record of `source`: its edits were saved or deliberately dropped.
    void discard(const DocumentSource &source);
    QString recordPath(const DocumentSource &source) const;

    // Writes the recovery file now if the document has unsaved edits (else removes it).
    void flush();

signals:
    // A recovery file was written or removed; `path` is empty when it was removed.
    void written(const QString &path);
    void failed(const QString &reason);

private:
    void sourceChanged();

    QString m_directory;
    QPointer<DocumentSession> m_session;
    QString m_lastIdentityPath; // the file of the document watched until now
    // Records this studio wrote. Only these go away on their own (when the edits are saved);
    // one left by a crashed studio stays until the user restores or discards it.
    QSet<QString> m_ownRecords;
    QTimer m_timer;
};

} // namespace studio
