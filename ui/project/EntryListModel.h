#pragma once

#include "edit/IndexEntries.h"

#include <QAbstractListModel>
#include <QFutureWatcher>
#include <QHash>
#include <QImage>

#include <optional>
#include <vector>

namespace studio {

// The entries of the open index for the entry picker: logo, name, id, author and how many
// errors and warnings each has. Logos are decoded and the whole index validated on worker
// threads; results for a listing that has since been replaced are dropped.
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

    // A new listing of the index at `indexText`, whose paths resolve against `root`.
    void setEntries(const std::vector<IndexEntry> &entries, const std::string &indexText,
                    const QString &root);
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
    struct Counts
    {
        quint64 generation;
        std::vector<std::pair<int, int>> byPosition; // errors, warnings
    };

    QString logoKey(const QString &path) const;
    void logosLoaded();
    void countsReady();

    std::vector<Row> m_rows;
    std::optional<std::size_t> m_livePosition; // the edited entry: its counts are live
    QString m_root;
    quint64 m_generation = 0;
    QHash<QString, QImage> m_logoCache; // path + size + mtime -> thumbnail
    QFutureWatcher<Logos> m_logoWatcher;
    QFutureWatcher<Counts> m_countWatcher;
};

} // namespace studio
