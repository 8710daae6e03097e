#include "RequestListModel.h"

#include <QBrush>
#include <QColor>

namespace studio {

RequestListModel::RequestListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int RequestListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_list.size());
}

int RequestListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RequestListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Number:
        return tr("#");
    case Label:
        return tr("Request");
    case Status:
        return tr("Status");
    case Latency:
        return tr("Latency");
    case Verdict:
        return tr("The app");
    case Reason:
        return tr("Why");
    default:
        return {};
    }
}

QVariant RequestListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_list.size())
        return {};
    const Row &row = m_list.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case Qt::ToolTipRole:
        return index.column() == Reason ? display(row, Reason) : QVariant();
    case Qt::ForegroundRole:
        return index.column() == Verdict ? foreground(row) : QVariant();
    case Qt::TextAlignmentRole:
        if (index.column() == Number || index.column() == Latency || index.column() == Status)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QString RequestListModel::verdictText(int row) const
{
    return display(m_list.at(row), Verdict).toString();
}

QVariant RequestListModel::display(const Row &row, int column) const
{
    const RunRecord *record = row.record ? &*row.record : nullptr;
    switch (column) {
    case Number:
        return row.batch + 1;
    case Label:
        return row.label;
    case Status:
        if (!record)
            return QString();
        if (record->result.status > 0)
            return record->result.status;
        return record->errorCode();
    case Latency:
        if (const auto latency = record ? record->latencyMs() : std::nullopt)
            return tr("%1 ms").arg(*latency, 0, 'f', 0);
        return QString();
    case Verdict:
        if (!row.skipReason.isEmpty())
            return tr("skipped");
        if (!record)
            return tr("waiting");
        if (record->requestFailed() && !record->result.succeeded())
            return tr("failed");
        return record->verdict.kindName();
    case Reason:
        if (!row.skipReason.isEmpty())
            return row.skipReason;
        if (!record)
            return tr("sent; waiting for the answer");
        if (!record->result.succeeded())
            return record->result.errorMessage;
        return record->verdict.reason;
    default:
        return {};
    }
}

QVariant RequestListModel::foreground(const Row &row) const
{
    if (!row.skipReason.isEmpty() || !row.record)
        return QBrush(QColor(0x80, 0x80, 0x80));
    const RunRecord &record = *row.record;
    if (!record.result.succeeded())
        return QBrush(QColor(0xd9, 0x36, 0x36));
    switch (record.verdict.kind) {
    case ResponseVerdict::Kind::Notification:
        return QBrush(QColor(0x2e, 0x9d, 0x4f));
    case ResponseVerdict::Kind::Silent:
        return {};
    case ResponseVerdict::Kind::Dropped:
        return QBrush(QColor(0xc7, 0x8a, 0x12));
    case ResponseVerdict::Kind::Ignored:
        return QBrush(QColor(0xd9, 0x36, 0x36));
    }
    return {};
}

void RequestListModel::clear()
{
    beginResetModel();
    m_list.clear();
    m_rows.clear();
    endResetModel();
}

int RequestListModel::rowFor(int batch, const QString &label)
{
    const int existing = m_rows.value(batch, -1);
    if (existing >= 0)
        return existing;
    const int row = int(m_list.size());
    beginInsertRows({}, row, row);
    m_list.append(Row{batch, label, std::nullopt, {}});
    m_rows.insert(batch, row);
    endInsertRows();
    return row;
}

void RequestListModel::addSent(int batch, const QString &label)
{
    rowFor(batch, label);
}

void RequestListModel::addSkipped(int batch, const QString &label, const QString &reason)
{
    const int row = rowFor(batch, label);
    m_list[row].skipReason = reason;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void RequestListModel::addRecord(const RunRecord &record)
{
    const int row = rowFor(record.index, record.label);
    m_list[row].record = record;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

std::optional<RunRecord> RequestListModel::record(int row) const
{
    if (row < 0 || row >= m_list.size())
        return std::nullopt;
    return m_list.at(row).record;
}

} // namespace studio
