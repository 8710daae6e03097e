#include "EntryListModel.h"

#include "imaging/BoundedImageReader.h"
#include "repository/RepositoryFiles.h"

#include <QDateTime>
#include <QFileInfo>
#include <QtConcurrent>

#include <unordered_map>

namespace studio {

namespace {

constexpr int kThumbnailSize = 72; // twice the drawn size, for high-density screens

} // namespace

EntryListModel::EntryListModel(QObject *parent)
    : QAbstractListModel(parent)
{
    connect(&m_logoWatcher, &QFutureWatcher<Logos>::finished, this, &EntryListModel::logosLoaded);
}

EntryListModel::~EntryListModel()
{
    m_logoWatcher.waitForFinished();
}

void EntryListModel::setEntries(const std::vector<IndexEntry> &entries, const QString &root)
{
    // Keep what is known until the new results arrive, so the list does not flicker.
    std::unordered_map<std::string, std::pair<int, int>> known;
    for (const auto &old : m_rows) {
        if (old.onDisk)
            known[old.entry.id] = *old.onDisk;
    }
    beginResetModel();
    m_rows.clear();
    m_root = root;
    // Each logo file is looked at once, however many entries share it.
    QHash<QString, QString> keys;                    // image path -> cache key
    std::vector<std::pair<QString, QString>> wanted; // key, absolute path
    const RepositoryFiles files(root);
    for (const auto &entry : entries) {
        Row row{entry, {}, 0, 0, false, std::nullopt, false};
        if (const auto it = known.find(entry.id); it != known.end()) {
            row.errors = it->second.first;
            row.warnings = it->second.second;
            row.checked = true;
        }
        const QString image = QString::fromStdString(entry.image);
        auto key = keys.find(image);
        if (key == keys.end()) {
            key = keys.insert(image, logoKey(image));
            if (!key->isEmpty() && !m_logoCache.contains(*key))
                wanted.emplace_back(*key, files.absolutePath(entry.image));
        }
        row.logo = m_logoCache.value(*key);
        m_rows.push_back(std::move(row));
    }
    m_livePosition.reset();
    const quint64 generation = ++m_generation;
    endResetModel();

    if (!wanted.empty()) {
        m_logoWatcher.setFuture(QtConcurrent::run([generation, wanted] {
            Logos logos{generation, {}};
            for (const auto &[key, path] : wanted) {
                const DecodedImage decoded =
                    BoundedImageReader::read(path, {QSize(kThumbnailSize, kThumbnailSize),
                                                    Qt::KeepAspectRatioByExpanding, false});
                logos.images.emplace_back(key, decoded.ok() ? decoded.image : QImage());
            }
            return logos;
        }));
    }
}

void EntryListModel::setLiveCounts(int row, int errors, int warnings)
{
    if (row < 0 || row >= rowCount())
        return;
    Row &target = m_rows[static_cast<std::size_t>(row)];
    if (m_livePosition != target.entry.position)
        clearLiveCounts();
    m_livePosition = target.entry.position;
    target.errors = errors;
    target.warnings = warnings;
    target.checked = true;
    emit dataChanged(index(row), index(row), {ErrorsRole, WarningsRole, CheckedRole});
}

void EntryListModel::clearLiveCounts()
{
    if (!m_livePosition)
        return;
    const int row = rowOfPosition(*m_livePosition);
    m_livePosition.reset();
    if (row < 0)
        return;
    Row &previous = m_rows[static_cast<std::size_t>(row)];
    previous.checked = previous.onDisk.has_value();
    previous.errors = previous.onDisk ? previous.onDisk->first : 0;
    previous.warnings = previous.onDisk ? previous.onDisk->second : 0;
    emit dataChanged(index(row), index(row), {ErrorsRole, WarningsRole, CheckedRole});
}

void EntryListModel::setUnsavedEntry(std::optional<IndexEntry> entry)
{
    const bool listed = !m_rows.empty() && m_rows.back().unsaved;
    if (listed && entry && m_rows.back().entry.position == entry->position) {
        m_rows.back().entry = std::move(*entry); // its name or id was edited
        const QModelIndex changed = index(rowCount() - 1);
        emit dataChanged(changed, changed);
        return;
    }
    if (listed) {
        beginRemoveRows({}, rowCount() - 1, rowCount() - 1);
        m_rows.pop_back();
        endRemoveRows();
    }
    if (!entry)
        return;
    beginInsertRows({}, rowCount(), rowCount());
    m_rows.push_back({std::move(*entry), {}, 0, 0, false, std::nullopt, true});
    endInsertRows();
}

int EntryListModel::rowOfPosition(std::size_t position) const
{
    for (std::size_t row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].entry.position == position)
            return static_cast<int>(row);
    }
    return -1;
}

int EntryListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant EntryListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Row &row = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return row.entry.name.empty() ? QString::fromStdString(row.entry.id)
                                      : QString::fromStdString(row.entry.name);
    case Qt::ToolTipRole: // the whole name, which the list may shorten
        return QString(
            data(index, Qt::DisplayRole).toString() + u'\n' +
            QString::fromStdString(row.entry.id) + QStringLiteral(" by ") +
            QString::fromStdString(row.entry.author) +
            (row.unsaved ? tr(" (not saved yet: Save adds it to the index)") : QString()));
    case IdRole:
        return QString::fromStdString(row.entry.id);
    case AuthorRole:
        return QString::fromStdString(row.entry.author);
    case LogoRole:
        return row.logo;
    case ErrorsRole:
        return row.errors;
    case WarningsRole:
        return row.warnings;
    case CheckedRole:
        return row.checked;
    case UnsavedRole:
        return row.unsaved;
    case PositionRole:
        return static_cast<qulonglong>(row.entry.position);
    case SearchTextRole:
        return QString::fromStdString(row.entry.name + ' ' + row.entry.id + ' ' + row.entry.author);
    default:
        return {};
    }
}

QString EntryListModel::logoKey(const QString &path) const
{
    if (path.isEmpty() || m_root.isEmpty() ||
        !RepositoryFiles::pathProblem(path.toStdString()).empty())
        return {};
    const QFileInfo info(RepositoryFiles(m_root).absolutePath(path.toStdString()));
    if (!info.isFile())
        return {};
    return info.absoluteFilePath() + u'|' + QString::number(info.size()) + u'|' +
           QString::number(info.lastModified().toMSecsSinceEpoch());
}

void EntryListModel::logosLoaded()
{
    const Logos logos = m_logoWatcher.result();
    for (const auto &[key, image] : logos.images)
        m_logoCache.insert(key, image);
    if (logos.generation != m_generation)
        return;
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        const QImage logo =
            m_logoCache.value(logoKey(QString::fromStdString(m_rows[i].entry.image)));
        if (logo.cacheKey() != m_rows[i].logo.cacheKey()) {
            m_rows[i].logo = logo;
            const QModelIndex changed = index(static_cast<int>(i));
            emit dataChanged(changed, changed, {LogoRole});
        }
    }
}

void EntryListModel::setCounts(const std::vector<EntryCounts> &byPosition)
{
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        const std::size_t position = m_rows[i].entry.position;
        if (position >= byPosition.size())
            continue;
        const EntryCounts &counts = byPosition[position];
        m_rows[i].onDisk = {static_cast<int>(counts.errors), static_cast<int>(counts.warnings)};
        if (position == m_livePosition)
            continue;
        m_rows[i].errors = m_rows[i].onDisk->first;
        m_rows[i].warnings = m_rows[i].onDisk->second;
        m_rows[i].checked = true;
    }
    if (!m_rows.empty())
        emit dataChanged(index(0), index(rowCount() - 1), {ErrorsRole, WarningsRole, CheckedRole});
}

} // namespace studio
