#pragma once

#include "DiskBaseline.h"
#include "DiskVersion.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>
#include <string>

namespace studio {

class TextDocument;

// Follows the file of an open document when other programs change it. It remembers what
// the studio last read from the file or wrote to it (DiskBaseline), reads the file again
// off the GUI thread when asked, and then: an unmodified document takes another program's
// change as one undoable step (views keep what is around it); a modified one raises
// changedOnDisk for the caller to ask, then reloadFromDisk or keepEditsOverDisk; a
// deleted file leaves the text as unsaved work, until it is saved or comes back as it was.
class FileFollower : public QObject
{
    Q_OBJECT

public:
    // Reads the document's file as it is now; runs on a worker thread.
    using Reader = std::function<DiskVersion()>;
    // The reader for the document's current file, asked for at each read.
    using ReaderSource = std::function<Reader()>;
    // Sees each version read, before it is compared (the session lists the index from it).
    using Inspector = std::function<void(DiskVersion &)>;

    FileFollower(TextDocument &document, ReaderSource readerSource, QObject *parent = nullptr);

    void setInspector(Inspector inspector) { m_inspector = std::move(inspector); }

    // The text the studio just read from the file or wrote to it; nothing: no file to follow.
    // A read under way for an older baseline is read again.
    void setBaseline(std::optional<std::string> text);
    bool isFollowing() const { return m_baseline.isFollowing(); }

    // Reads the file again, off the GUI thread, and follows what another program did to it.
    void check();
    // While the studio writes the file itself, what a read finds is neither the old text
    // nor yet the new baseline: checks wait, and one is made once the write has ended.
    void holdWhileWriting(bool writing);
    // After changedOnDisk: the text on disk replaces the edits (Undo brings them back) ...
    void reloadFromDisk();
    // ... or the edits stay, unsaved, to replace the file at the next Save.
    void keepEditsOverDisk();
    // The text on disk that differs from the edits, while changedOnDisk awaits an answer.
    const std::optional<std::string> &changedDiskText() const { return m_pending; }
    bool isMissingOnDisk() const { return m_baseline.isMissing(); }
    // Why the file has no text, from the last read: "x.json was deleted on disk".
    const QString &missingReason() const { return m_missingReason; }

signals:
    // Another program changed the file of a document with unsaved edits.
    void changedOnDisk();
    // An unmodified document took another program's change.
    void reloadedFromDisk();
    // The file disappeared (true) or is there again (false).
    void missingOnDiskChanged(bool missing);
    // A check compared the file, whatever it found.
    void checked();

private:
    void read();
    void apply(DiskVersion version);

    TextDocument &m_document;
    ReaderSource m_readerSource;
    Inspector m_inspector;
    DiskBaseline m_baseline;
    QFutureWatcher<DiskVersion> m_read;
    quint64 m_generation = 0; // moves on when the baseline does: older reads are stale
    quint64 m_readGeneration = 0;
    bool m_recheck = false;
    bool m_writing = false;
    bool m_checkAfterWrite = false;
    std::optional<std::string> m_pending;
    QString m_missingReason;
};

} // namespace studio
