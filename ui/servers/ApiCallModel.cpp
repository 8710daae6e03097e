#include "ApiCallModel.h"

#include <QBrush>
#include <QColor>

namespace studio {

namespace {

QByteArray kept(const QByteArray &body)
{
    return body.size() <= ApiCallModel::kKeptBodyBytes ? body
                                                       : body.left(ApiCallModel::kKeptBodyBytes);
}

} // namespace

ApiCallModel::ApiCallModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ApiCallModel::add(IntegrationCall call)
{
    if (m_calls.size() >= kMaxRows) {
        beginRemoveRows({}, 0, 0);
        m_calls.removeFirst();
        endRemoveRows();
    }
    call.requestBody = kept(call.requestBody);
    call.answerBody = kept(call.answerBody);
    const int row = int(m_calls.size());
    beginInsertRows({}, row, row);
    m_calls.append(std::move(call));
    endInsertRows();
}

void ApiCallModel::clear()
{
    beginResetModel();
    m_calls.clear();
    endResetModel();
}

int ApiCallModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_calls.size());
}

int ApiCallModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ApiCallModel::callText(const IntegrationCall &call)
{
    return QString::fromLatin1(call.method) + u' ' + call.route();
}

QVariant ApiCallModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const IntegrationCall &call = m_calls.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Time:
            return call.at.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
        case Call:
            return role == Qt::ToolTipRole ? QString::fromUtf8(call.target) : callText(call);
        case Status:
            return call.status;
        case What:
            return call.detail;
        }
    }
    if (role == Qt::ForegroundRole && index.column() == Status && call.status >= 400)
        return QBrush(QColor(call.status == 429 ? 0xc0 : 0xd0, call.status == 429 ? 0x7a : 0x3a,
                             call.status == 429 ? 0x00 : 0x2f));
    if (role == Qt::TextAlignmentRole && index.column() == Status)
        return int(Qt::AlignCenter);
    return {};
}

QVariant ApiCallModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Call:
        return tr("Call");
    case Status:
        return tr("Status");
    case What:
        return tr("What it did");
    }
    return {};
}

} // namespace studio
