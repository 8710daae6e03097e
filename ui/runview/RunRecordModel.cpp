#include "RunRecordModel.h"

#include "RecordOutcome.h"
#include "RunFormat.h"

#include <QApplication>
#include <QPalette>

namespace studio {

RunRecordModel::RunRecordModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void RunRecordModel::clear()
{
    beginResetModel();
    m_records.clear();
    endResetModel();
}

void RunRecordModel::append(const QList<RunRecord> &records)
{
    if (records.isEmpty())
        return;
    const int first = int(m_records.size());
    beginInsertRows({}, first, first + int(records.size()) - 1);
    m_records.append(records);
    endInsertRows();
}

QString RunRecordModel::statusText(const RunRecord &record)
{
    if (!record.sent())
        return QStringLiteral("not sent");
    if (record.result.status > 0)
        return QString::number(record.result.status);
    const QString error = record.errorCode();
    return error.isEmpty() ? QStringLiteral("no answer") : error;
}

int RunRecordModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int RunRecordModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunRecordModel::display(const RunRecord &record, int column) const
{
    switch (column) {
    case Number:
        return record.index + 1;
    case Label:
        return record.label;
    case Status:
        return statusText(record);
    case Latency:
        if (const std::optional<double> latency = record.latencyMs())
            return runformat::duration(*latency);
        return QStringLiteral("–");
    case Verdict:
        return outcomeShortName(outcomeOf(record));
    default:
        return {};
    }
}

QVariant RunRecordModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_records.size())
        return {};
    const RunRecord &record = m_records.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(record, index.column());
    case Qt::ToolTipRole:
        if (index.column() == Status && !record.result.errorMessage.isEmpty())
            return record.result.errorMessage;
        return record.outcomeReason();
    case Qt::DecorationRole:
        if (index.column() == Verdict)
            return outcomeColour(outcomeOf(record), isDarkPalette(QApplication::palette()));
        return {};
    case Qt::ForegroundRole:
        if (index.column() == Status && record.requestFailed())
            return outcomeColour(RecordOutcome::Failed, isDarkPalette(QApplication::palette()));
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Number || index.column() == Latency)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::UserRole:
        return record.index;
    default:
        return {};
    }
}

QVariant RunRecordModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Number:
        return QStringLiteral("#");
    case Label:
        return tr("Request");
    case Status:
        return tr("Status");
    case Latency:
        return tr("Latency");
    case Verdict:
        return tr("Verdict");
    default:
        return {};
    }
}

} // namespace studio
