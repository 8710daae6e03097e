#include "ProblemsModel.h"

#include "SeverityIcon.h"

#include <algorithm>

namespace studio {

ProblemsModel::ProblemsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ProblemsModel::setReport(const ValidationReport &report)
{
    beginResetModel();
    m_diagnostics = report.diagnostics;
    endResetModel();
}

const Diagnostic *ProblemsModel::diagnostic(int row) const
{
    if (row < 0 || row >= rowCount())
        return nullptr;
    return &m_diagnostics[static_cast<std::size_t>(row)];
}

std::size_t ProblemsModel::count(Severity severity) const
{
    return static_cast<std::size_t>(std::count_if(
        m_diagnostics.begin(), m_diagnostics.end(),
        [severity](const Diagnostic &diagnostic) { return diagnostic.severity() == severity; }));
}

QString ProblemsModel::countsText(std::size_t errors, std::size_t warnings, std::size_t infos)
{
    const auto counted = [](std::size_t count, const QString &one, const QString &many) -> QString {
        return QString::number(count) + u' ' + (count == 1 ? one : many);
    };
    return counted(errors, tr("error"), tr("errors")) + QStringLiteral(", ") +
           counted(warnings, tr("warning"), tr("warnings")) + QStringLiteral(", ") +
           counted(infos, tr("note"), tr("notes"));
}

int ProblemsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_diagnostics.size());
}

int ProblemsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProblemsModel::data(const QModelIndex &index, int role) const
{
    const Diagnostic *item = diagnostic(index.row());
    if (!item)
        return {};
    const RuleInfo &rule = ruleInfo(item->rule);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case CodeColumn:
            return QString::fromUtf8(rule.code.data(), static_cast<qsizetype>(rule.code.size()));
        case MessageColumn:
            return QString::fromStdString(item->message);
        case EntryColumn:
            return QString::fromStdString(item->entryLabel());
        case LocationColumn: {
            const QString position =
                item->start.isValid()
                    ? QStringLiteral("%1:%2").arg(item->start.line).arg(item->start.column)
                    : QString();
            if (item->file.empty())
                return position;
            const QString file = QString::fromStdString(item->file).section(u'/', -1);
            return position.isEmpty() ? file : file + u':' + position;
        }
        default:
            return {};
        }
    case Qt::DecorationRole:
        return index.column() == CodeColumn ? QVariant(SeverityIcon::icon(item->severity()))
                                            : QVariant();
    case Qt::ToolTipRole:
        return QString(
            SeverityIcon::name(item->severity()) + QStringLiteral(" ") +
            QString::fromUtf8(rule.code.data(), static_cast<qsizetype>(rule.code.size())) +
            QStringLiteral(": ") +
            QString::fromUtf8(rule.title.data(), static_cast<qsizetype>(rule.title.size())) +
            QStringLiteral("\n") + QString::fromStdString(item->message));
    default:
        return {};
    }
}

QVariant ProblemsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case CodeColumn:
        return tr("Code");
    case MessageColumn:
        return tr("Message");
    case EntryColumn:
        return tr("Entry");
    case LocationColumn:
        return tr("Line");
    default:
        return {};
    }
}

} // namespace studio
