#include "CaughtRequestModel.h"

#include <QColor>
#include <QDir>
#include <QFileInfo>

namespace studio {

CaughtRequestModel::CaughtRequestModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void CaughtRequestModel::add(const CaughtRequest &caught)
{
    if (m_rows.size() >= kMaxRows) {
        beginRemoveRows({}, 0, 0);
        m_rows.removeFirst();
        endRemoveRows();
    }
    Row row{caught, caught.request.body.size()};
    if (row.bodyBytes > kKeptBodyBytes)
        row.caught.request.body.truncate(kKeptBodyBytes);
    const int at = int(m_rows.size());
    beginInsertRows({}, at, at);
    m_rows.append(std::move(row));
    endInsertRows();
}

void CaughtRequestModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int CaughtRequestModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CaughtRequestModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CaughtRequestModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case Qt::ToolTipRole:
        if (index.column() == Fixture)
            return QDir::toNativeSeparators(row.caught.fixture);
        if (index.column() == Kind)
            return CaughtRequest::kindName(row.caught.kind);
        if (index.column() == Target || index.column() == Note)
            return display(row, index.column());
        return {};
    case Qt::ForegroundRole:
        // A request whose fixture could not be written is the one to look at.
        if (!row.caught.written && index.column() == Note)
            return QColor(0xd0, 0x3a, 0x2f); // the Failed colour of the run list
        return {};
    default:
        return {};
    }
}

QVariant CaughtRequestModel::display(const Row &row, int column) const
{
    const HttpServerRequest &request = row.caught.request;
    switch (column) {
    case Time:
        return request.receivedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
    case Method:
        return QString::fromLatin1(request.method);
    case Target:
        return QString::fromUtf8(request.target);
    case Kind:
        // Short, to leave the note room; the tooltip names the trigger.
        switch (row.caught.kind) {
        case CaughtRequest::Kind::Memory:
            return tr("memory");
        case CaughtRequest::Kind::Transcript:
            return tr("transcript");
        case CaughtRequest::Kind::Other:
            return tr("other");
        }
        return {};
    case Fixture:
        return row.caught.fixture.isEmpty() ? tr("not written")
                                            : QFileInfo(row.caught.fixture).fileName();
    case Note:
        return row.caught.note;
    default:
        return {};
    }
}

QVariant CaughtRequestModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Method:
        return tr("Method");
    case Target:
        return tr("Target");
    case Kind:
        return tr("Kind");
    case Fixture:
        return tr("Fixture");
    case Note:
        return tr("Note");
    default:
        return {};
    }
}

} // namespace studio
