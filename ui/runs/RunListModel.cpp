#include "RunListModel.h"

#include <QColor>
#include <QLocale>

namespace studio {

namespace {

qint64 count(const Json &summary, const char *key)
{
    const auto found = summary.find(key);
    return found != summary.end() && found->is_number() ? found->get<qint64>() : 0;
}

// A latency figure, or a dash when no request got an answer.
QString milliseconds(const Json &summary, const char *key)
{
    const auto found = summary.find(key);
    if (found == summary.end() || !found->is_number())
        return QStringLiteral("–");
    const double ms = found->get<double>();
    // Loopback answers take well under a millisecond: keep a decimal below 10 ms.
    return ms < 10 ? QStringLiteral("%1 ms").arg(ms, 0, 'f', 1)
                   : QStringLiteral("%1 ms").arg(qRound64(ms));
}

qint64 failures(const Json &summary)
{
    return count(summary, "errors") + count(summary, "invalid_answers");
}

} // namespace

RunListModel::RunListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void RunListModel::setRuns(const QList<RunListing> &runs)
{
    beginResetModel();
    m_runs = runs;
    endResetModel();
}

int RunListModel::rowOf(qint64 id) const
{
    for (int row = 0; row < m_runs.size(); ++row) {
        if (m_runs.at(row).id == id)
            return row;
    }
    return -1;
}

int RunListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int RunListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_runs.size())
        return {};
    const RunListing &run = m_runs.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(run, index.column());
    case Qt::ToolTipRole:
        if (index.column() == Url || index.column() == Plugin)
            return index.column() == Url
                       ? run.url
                       : QStringLiteral("%1 (%2)").arg(run.pluginName, run.pluginId);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Id || (index.column() >= Requests && index.column() <= Notifications))
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (index.column() == Failed && failures(run.summary) > 0)
            return QColor(0xd0, 0x3a, 0x2f);
        return {};
    case Qt::UserRole:
        return run.id;
    default:
        return {};
    }
}

QVariant RunListModel::display(const RunListing &run, int column) const
{
    switch (column) {
    case Id:
        return run.id;
    case Plugin:
        return run.pluginName.isEmpty() ? run.pluginId : run.pluginName;
    case Kind:
        return RunKinds::name(run.kind);
    case Started:
        return QLocale().toString(run.startedAt.toLocalTime(), QLocale::ShortFormat);
    case Requests:
        return count(run.summary, "count");
    case Failed:
        return failures(run.summary);
    case P50:
        return milliseconds(run.summary, "p50_ms");
    case P95:
        return milliseconds(run.summary, "p95_ms");
    case Notifications:
        return count(run.summary, "notifications");
    case Url:
        return run.url;
    default:
        return {};
    }
}

QVariant RunListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Id:
        return tr("Run");
    case Plugin:
        return tr("Plugin");
    case Kind:
        return tr("Kind");
    case Started:
        return tr("Started");
    case Requests:
        return tr("Requests");
    case Failed:
        return tr("Failed");
    case P50:
        return tr("p50");
    case P95:
        return tr("p95");
    case Notifications:
        return tr("Notifications");
    case Url:
        return tr("URL");
    default:
        return {};
    }
}

} // namespace studio
