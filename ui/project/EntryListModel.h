#pragma once

#include "diagnostics/IndexFindings.h"
#include "edit/IndexEntries.h"

#include <QAbstractListModel>
#include <QFutureWatcher>
#include <QHash>
#include <QImage>

#include <optional>
#include <vector>

namespace studio {

// The entries of the open index for the entry picker: logo, name, id, author and how many
// errors and warnings each has (from the whole index's validation, which the session runs).
// Logos are decoded on a worker; results for a listing since replaced are dropped.
class EntryListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        AuthorRole,
        LogoRole,
        ErrorsRole,
        WarningsRole,
        PositionRole,
        SearchTextRole,
        CheckedRole, // the problem counts are known
        UnsavedRole, // a new entry that is not in the index file yet
    };

    explicit EntryListModel(QObject *parent = nullptr);
    ~EntryListModel() override;

    // A new listing of the index, whose paths resolve against `root`. Rows keep the counts
    // of the entry with the same id until setCounts brings the new ones.
    void setEntries(const std::vector<IndexEntry> &entries, const QString &root);
    // The counts of every entry as the index on disk has it, by position in the index.
    void setCounts(const std::vector<EntryCounts> &byPosition);
    // The counts of the entry being edited, from the live validation of its text. The
    // entry edited before goes back to its counts on disk.
    void setLiveCounts(int row, int errors, int warnings);
    // No entry is being edited: every row shows its counts on disk.
    void clearLiveCounts();
    // The new entry being written, not yet in the file: listed last and marked unsaved,
    // so it shows at once; empty when there is none. A new listing of the file drops it.
    void setUnsavedEntry(std::optional<IndexEntry> entry);
    int rowOfPosition(std::size_t position) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        IndexEntry entry;
        QImage logo;
        int errors = 0; // as shown: live for the edited entry, else as on disk
        int warnings = 0;
        bool checked = false;
        std::optional<std::pair<int, int>> onDisk; // the index file's own counts
        bool unsaved = false;
    };
    struct Logos
    {
        quint64 generation;
        std::vector<std::pair<QString, QImage>> images; // by cache key
    };

    QString logoKey(const QString &path) const;
    void logosLoaded();

    std::vector<Row> m_rows;
    std::optional<std::size_t> m_livePosition; // the edited entry: its counts are live
    QString m_root;
    quint64 m_generation = 0;
    QHash<QString, QImage> m_logoCache; // path + size + mtime -> thumbnail
    QFutureWatcher<Logos> m_logoWatcher;
};

} // namespace studio
