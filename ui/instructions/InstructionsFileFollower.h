#pragma once

#include "document/DiskBaseline.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <optional>
#include <string>

namespace studio {

class InstructionsEditor;

// Follows the open setup instructions' file on disk, as DocumentSession follows the
// manifest's: another program's change reloads unmodified text in place (caret and
// scroll stay, Undo goes back), asks through changedOnDisk when there are unsaved edits,
// and a deleted file leaves its text in the editor as unsaved work.
class InstructionsFileFollower : public QObject
{
    Q_OBJECT

public:
    explicit InstructionsFileFollower(InstructionsEditor &editor);

    // Reads the file again off the GUI thread and compares it with what was last read or
    // saved here.
    void checkDisk();
    void reloadFromDisk();
    void keepEditsOverDisk();
    const std::optional<std::string> &changedDiskText() const { return m_pending; }
    bool isMissingOnDisk() const { return m_baseline.isMissing(); }
    QString fileName() const;

signals:
    void changedOnDisk();
    void reloadedFromDisk();
    void missingOnDiskChanged(bool missing);

private:
    struct DiskRead
    {
        QString path;
        std::optional<std::string> text;
    };

    void setBaseline(std::optional<std::string> text);
    void checked();

    InstructionsEditor &m_editor;
    DiskBaseline m_baseline;
    QFutureWatcher<DiskRead> m_read;
    quint64 m_generation = 0;
    quint64 m_readGeneration = 0;
    bool m_recheck = false;
    std::optional<std::string> m_pending;
};

} // namespace studio
