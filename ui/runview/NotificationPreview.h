#pragma once

#include <QImage>
#include <QWidget>

class QLabel;
class QListView;

namespace studio {

class NotificationDelegate;
class NotificationPreviewModel;
struct PreviewItem;
struct RunRecord;

// What the user of the app would have seen during the run, on a phone-shaped screen: the
// notifications titled "<name> says" with the plugin's round logo, in order, each with its
// time in the conversation; the answers the app dropped or ignored, greyed, with the
// reason; then the chat thread the messages became. Follows the application's light or
// dark palette. Clicking a line selects the request it came from.
class NotificationPreview : public QWidget
{
    Q_OBJECT

public:
    explicit NotificationPreview(QWidget *parent = nullptr);

    void setPlugin(const QString &name, const QImage &logo);
    void clear();
    void appendRecords(const QList<RunRecord> &records, int firstIndex);
    // What the user sees of the app's calls to its API: notifications, new conversations.
    void appendItems(const QList<PreviewItem> &alerts, const QList<PreviewItem> &chat);
    // Highlights the first line that came from request `index` and scrolls to it.
    void showRecord(int index);

    NotificationPreviewModel *model() const { return m_model; }
    QListView *view() const { return m_view; }

    QSize sizeHint() const override;

signals:
    void recordActivated(int index);

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void applyPalette();

    NotificationPreviewModel *m_model;
    NotificationDelegate *m_delegate;
    QLabel *m_caption;
    QListView *m_view;
};

} // namespace studio
