#include "PreviewItem.h"

#include "RecordOutcome.h"
#include "RunFormat.h"
#include "simulation/report/RunRecord.h"

namespace studio {

namespace {

// A message of megabytes is still one notification; the phone shows its beginning.
constexpr qsizetype kLongestText = 1200;

QString shortened(const QString &text)
{
    return text.size() <= kLongestText ? text : text.left(kLongestText) + QStringLiteral("…");
}

} // namespace

QString PreviewItem::timeText() const
{
    return QStringLiteral("at ") + runformat::conversationTime(atSeconds);
}

void PreviewItem::fromRecord(const RunRecord &record, int recordIndex, const QString &pluginName,
                             QList<PreviewItem> *notifications, QList<PreviewItem> *chat)
{
    // The user sees the answer once it arrived: the batch's send time plus the latency.
    const double at = record.windowEnd + record.latencyMs().value_or(0) / 1000.0;
    const QString title = pluginName + QStringLiteral(" says");
    const ResponseVerdict &verdict = record.verdict;
    for (const AppNotification &notification : verdict.notifications) {
        PreviewItem item{
            Kind::Notification, notification.title, shortened(notification.body), {}, at,
            recordIndex};
        if (notification.writtenByModel && verdict.proactive)
            item.detail = QStringLiteral("The app's model writes this message from the "
                                         "plugin's prompt: “%1”")
                              .arg(shortened(verdict.proactive->modelInput));
        notifications->append(item);
    }
    const RecordOutcome outcome = outcomeOf(record);
    if (outcome == RecordOutcome::NotSent) {
        notifications->append(PreviewItem{Kind::Suppressed, title,
                                          QStringLiteral("No notification: the app did not send "
                                                         "this request."),
                                          shortened(record.notSentReason), at, recordIndex});
    } else if (verdict.notifications.isEmpty() &&
               (outcome == RecordOutcome::Dropped || outcome == RecordOutcome::Failed)) {
        const QString text = outcome == RecordOutcome::Failed
                                 ? QStringLiteral("No notification: the request failed.")
                                 : QStringLiteral("No notification: the app drops this answer.");
        notifications->append(
            PreviewItem{Kind::Suppressed, title, text, shortened(verdict.reason), at, recordIndex});
    }
    if (verdict.chatMessage)
        chat->append(PreviewItem{
            Kind::ChatMessage, pluginName, shortened(*verdict.chatMessage), {}, at, recordIndex});
}

} // namespace studio
