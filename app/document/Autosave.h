#pragma once

#include "RecoveryRecord.h"

#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>
#include <optional>
#include <vector>

namespace studio {

// Autosave of unsaved edits, for any document, so a crash or a kill loses nothing: a short
// while after the user stops typing, the snapshot of the unsaved edits is written
// (atomically) to a recovery folder, one file per document; when the edits are saved or
// dropped, or the user moves to another document, this studio's old records go. Records
// left by a studio that did not close properly stay until the user restores or discards
// them. The manifest and the setup instructions each have one, in folders of their own.
class Autosave : public QObject
{
    Q_OBJECT

public:
    // The unsaved edits right now, or nothing when there are none.
    using Snapshot = std::function<std::optional<RecoveryRecord>()>;

    // `directory` is created when first written to.
    Autosave(QString directory, Snapshot snapshot, QObject *parent = nullptr);

    // "recovery" in the studio's data folder (DataFolder), or its subfolder `kind`.
    static QString defaultDirectory(const QString &kind = {});

    void setDelay(int milliseconds) { m_timer.setInterval(milliseconds); }
    const QString &directory() const { return m_directory; }

    // The text changed: write the snapshot once typing pauses.
    void edited() { m_timer.start(); }
    // Writes the snapshot now, or removes this studio's records when nothing is unsaved.
    void flush();

    // Records left by studios that are no longer running, newest first.
    std::vector<RecoveryRecord> pending() const;
    std::optional<RecoveryRecord> pendingFor(const QString &key) const;
    // Deletes the record of `key` (RecoveryRecord::key()): its edits were saved or dropped.
    void discard(const QString &key);
    QString recordPath(const QString &key) const;

signals:
    // A record was written or removed; `path` is empty when it was removed.
    void written(const QString &path);
    void failed(const QString &reason);

private:
    void removeOwnExcept(const QString &keep);

    QString m_directory;
    Snapshot m_snapshot;
    QSet<QString> m_ownRecords; // records this studio wrote: only these go on their own
    QTimer m_timer;
};

} // namespace studio
