#include "NotificationPreviewModel.h"

#include "RunFormat.h"
#include "simulation/report/RunRecord.h"

namespace studio {

NotificationPreviewModel::NotificationPreviewModel(QObject *parent)
    : QAbstractListModel(parent)
{
    m_alertsHeader.kind = PreviewItem::Kind::Header;
    m_chatHeader.kind = PreviewItem::Kind::Header;
    updateHeaders();
}

void NotificationPreviewModel::setPluginName(const QString &name)
{
    m_pluginName = name;
    updateHeaders();
}

void NotificationPreviewModel::clear()
{
    beginResetModel();
    m_alerts.clear();
    m_chat.clear();
    m_shownCount = 0;
    m_suppressedCount = 0;
    m_conversationCount = 0;
    endResetModel();
    updateHeaders();
}

void NotificationPreviewModel::append(const QList<RunRecord> &records, int firstIndex)
{
    QList<PreviewItem> alerts;
    QList<PreviewItem> chat;
    for (int i = 0; i < records.size(); ++i)
        PreviewItem::fromRecord(records[i], firstIndex + i, m_pluginName, &alerts, &chat);
    appendItems(alerts, chat);
}

void NotificationPreviewModel::appendItems(const QList<PreviewItem> &alerts,
                                           const QList<PreviewItem> &chat)
{
    if (!alerts.isEmpty()) {
        const int first = chatHeaderRow();
        beginInsertRows({}, first, first + int(alerts.size()) - 1);
        for (const PreviewItem &item : std::as_const(alerts)) {
            m_shownCount += item.kind == PreviewItem::Kind::Notification ? 1 : 0;
            m_suppressedCount += item.kind == PreviewItem::Kind::Suppressed ? 1 : 0;
            m_conversationCount += item.kind == PreviewItem::Kind::Conversation ? 1 : 0;
        }
        m_alerts.append(alerts);
        endInsertRows();
    }
    if (!chat.isEmpty()) {
        const int first = rowCount();
        beginInsertRows({}, first, first + int(chat.size()) - 1);
        m_chat.append(chat);
        endInsertRows();
    }
    if (!alerts.isEmpty() || !chat.isEmpty())
        updateHeaders();
}

void NotificationPreviewModel::updateHeaders()
{
    m_alertsHeader.title = tr("Notifications");
    m_alertsHeader.text =
        m_alerts.isEmpty() ? tr("none yet")
                           : tr("%1 shown, %2 not shown").arg(m_shownCount).arg(m_suppressedCount);
    if (m_conversationCount > 0)
        m_alertsHeader.text +=
            tr(", %1").arg(runformat::counted(m_conversationCount, tr("new conversation")));
    const QString name = m_pluginName.isEmpty() ? tr("the plugin") : m_pluginName;
    m_chatHeader.title = tr("Chat with %1").arg(name);
    m_chatHeader.text =
        m_chat.isEmpty() ? tr("no messages yet") : runformat::counted(m_chat.size(), tr("message"));
    if (rowCount() > 0)
        emit dataChanged(index(0), index(0));
    emit dataChanged(index(chatHeaderRow()), index(chatHeaderRow()));
}

const PreviewItem &NotificationPreviewModel::item(int row) const
{
    if (row == 0)
        return m_alertsHeader;
    if (row < chatHeaderRow())
        return m_alerts.at(row - 1);
    if (row == chatHeaderRow())
        return m_chatHeader;
    return m_chat.at(row - chatHeaderRow() - 1);
}

int NotificationPreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 2 + int(m_alerts.size() + m_chat.size());
}

QVariant NotificationPreviewModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const PreviewItem &line = item(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        return line.text;
    case KindRole:
        return int(line.kind);
    case TitleRole:
        return line.title;
    case DetailRole:
        return line.detail;
    case TimeRole:
        return line.kind == PreviewItem::Kind::Header ? QString() : line.timeText();
    case RecordIndexRole:
        return line.recordIndex;
    case Qt::ToolTipRole:
        return line.detail.isEmpty() ? QVariant() : QVariant(line.detail);
    case Qt::AccessibleTextRole:
        return QStringList{line.title, line.text, line.detail}.join(QLatin1Char('\n'));
    default:
        return {};
    }
}

} // namespace studio
