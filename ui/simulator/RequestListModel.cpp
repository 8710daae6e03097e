#include "RequestListModel.h"

#include "runview/RecordOutcome.h"
#include "runview/RunFormat.h"
#include "runview/RunRecordModel.h"

#include <QApplication>
#include <QBrush>
#include <QPalette>

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
        return record ? RunRecordModel::statusText(*record) : QString();
    case Latency:
        if (const auto latency = record ? record->latencyMs() : std::nullopt)
            return runformat::duration(*latency);
        return QString();
    case Verdict:
        if (!row.skipReason.isEmpty())
            return tr("skipped");
        if (!record)
            return tr("waiting");
        if (!record->sent())
            return tr("not sent");
        if (record->requestFailed() && !record->result.succeeded())
            return tr("failed");
        return record->verdict.kindName();
    case Reason:
        if (!row.skipReason.isEmpty())
            return row.skipReason;
        if (!record)
            return tr("sent; waiting for the answer");
        if (record->sent() && !record->result.succeeded())
            return record->result.errorMessage;
        return record->outcomeReason();
    default:
        return {};
    }
}

QVariant RequestListModel::foreground(const Row &row) const
{
    // The run views' colours for what the app did, so the Schedule and the Results agree.
    const bool dark = isDarkPalette(QApplication::palette());
    if (!row.skipReason.isEmpty() || !row.record)
        return QBrush(QApplication::palette().color(QPalette::PlaceholderText));
    // Not sent takes the run views' colour of its own, apart from skipped and failed.
    const RecordOutcome outcome = outcomeOf(*row.record);
    if (outcome == RecordOutcome::Silent)
        return {};
    return QBrush(outcomeColour(outcome, dark));
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
