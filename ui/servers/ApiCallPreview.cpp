#include "ApiCallPreview.h"

#include "integration/IntegrationCall.h"

#include <QObject>

namespace studio {

namespace {

constexpr qsizetype kLongestText = 600; // the phone shows a card's beginning

QString shortened(const QString &text)
{
    return text.size() <= kLongestText ? text : text.left(kLongestText) + QStringLiteral("…");
}

} // namespace

QList<PreviewItem> previewItemsOf(const IntegrationCall &call, const QString &appName)
{
    QList<PreviewItem> items;
    const QString clock = call.at.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
    if (call.notification) {
        PreviewItem item;
        item.kind = PreviewItem::Kind::Notification;
        item.title = appName;
        item.text = shortened(*call.notification);
        item.detail = QObject::tr("Sent by the app through its API");
        item.clock = clock;
        items.append(item);
    }
    if (call.conversation) {
        PreviewItem item;
        item.kind = PreviewItem::Kind::Conversation;
        item.title = QObject::tr("New conversation: %1").arg(call.conversation->title);
        item.text = shortened(call.conversation->overview);
        item.detail = QObject::tr("Made by %1 through its API; the app's model writes the "
                                  "title and summary from the text")
                          .arg(appName);
        item.clock = clock;
        items.append(item);
    }
    return items;
}

} // namespace studio
