#pragma once

#include "PreviewItem.h"

#include <QAbstractListModel>

namespace studio {

struct RunRecord;

// The phone preview's lines, in two sections: the notifications (and the answers the app
// did not show) in the order the user would get them, then the chat thread they became.
class NotificationPreviewModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        KindRole = Qt::UserRole + 1,
        TitleRole,
        TextRole,
        DetailRole,
        TimeRole,
        RecordIndexRole,
    };

    explicit NotificationPreviewModel(QObject *parent = nullptr);

    void setPluginName(const QString &name);
    QString pluginName() const { return m_pluginName; }
    void clear();
    void append(const QList<RunRecord> &records, int firstIndex);
    // Lines that come from elsewhere than a run's records (the app's calls to its API).
    void appendItems(const QList<PreviewItem> &alerts, const QList<PreviewItem> &chat);

    const PreviewItem &item(int row) const;
    int notificationCount() const { return m_shownCount; }
    int suppressedCount() const { return m_suppressedCount; }
    int conversationCount() const { return m_conversationCount; }
    int chatCount() const { return int(m_chat.size()); }
    // The row of the chat section's header.
    int chatHeaderRow() const { return 1 + int(m_alerts.size()); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    void updateHeaders();

    QString m_pluginName;
    PreviewItem m_alertsHeader;
    PreviewItem m_chatHeader;
    QList<PreviewItem> m_alerts;
    QList<PreviewItem> m_chat;
    int m_shownCount = 0;
    int m_suppressedCount = 0;
    int m_conversationCount = 0;
};

} // namespace studio
