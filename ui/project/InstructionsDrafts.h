#pragma once

#include "RecoveryRecord.h"

#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>
#include <optional>
#include <vector>

namespace studio {

// Autosave of unsaved setup-instructions edits, the markdown's counterpart of RecoveryStore:
// a short while after the user stops typing, the snapshot (the file, the plugin it belongs
// to, the text) is written atomically to a folder of its own; when the edits are saved or
// dropped, the draft goes. Drafts left by a studio that did not close properly stay until
// the user restores or discards them.
class InstructionsDrafts : public QObject
{
    Q_OBJECT

public:
    // The unsaved instructions right now, or nothing when there are none.
    using Snapshot = std::function<std::optional<RecoveryRecord>()>;

    InstructionsDrafts(QString directory, Snapshot snapshot, QObject *parent = nullptr);

    // The default folder: "recovery/instructions" in the application's data location.
    static QString defaultDirectory();

    void setDelay(int milliseconds) { m_timer.setInterval(milliseconds); }
    const QString &directory() const { return m_directory; }

    // The text changed: write a draft once typing pauses.
    void edited() { m_timer.start(); }
    // Writes the snapshot now, or removes this studio's drafts when there is nothing unsaved.
    void flush();

    // Drafts left by studios that are no longer running, newest first.
    std::vector<RecoveryRecord> pending() const;
    std::optional<RecoveryRecord> pendingFor(const QString &instructionsFile) const;
    void discard(const QString &instructionsFile);
    QString draftPath(const QString &instructionsFile) const;

signals:
    // A draft was written or removed; `path` is empty when it was removed.
    void written(const QString &path);
    void failed(const QString &reason);

private:
    void removeOwnExcept(const QString &keep);

    QString m_directory;
    Snapshot m_snapshot;
    QSet<QString> m_ownDrafts; // drafts this studio wrote
    QTimer m_timer;
};

} // namespace studio
