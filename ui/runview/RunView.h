#pragma once

#include "preview/LogoDecoder.h"
#include "simulation/report/RunRecord.h"

#include <QFutureWatcher>
#include <QList>
#include <QTimer>
#include <QWidget>

class QSplitter;
class QTabWidget;
class QTableView;

namespace studio {

class LatencyChart;
class NotificationPreview;
class RequestInspector;
class RunHeader;
class RunRecordModel;
class RunTimeline;

// A simulation run, whole or as it happens: the plugin and the run's figures on top, the
// conversation timeline and the latency chart, the list of requests, the inspector for the
// selected one and the phone preview of what the user would have seen.
//
// Records are addressed by their position in the order they were given (addRecord or
// setRecords), which is the list's row. addRecord is cheap: records are gathered and the
// views update together at most every kBatchMs, so a run sending as fast as it can never
// costs a repaint per request.
//
// At widths under kWideLayoutWidth the inspector and the phone preview share a tabbed pane;
// wider, the phone preview gets a column of its own.
class RunView : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kBatchMs = 40;
    static constexpr int kWideLayoutWidth = 1500;

    explicit RunView(QWidget *parent = nullptr);
    ~RunView() override;

    void clear();
    // The plugin whose run this is; a logo that is missing or unreadable shows the
    // placeholder. The logo is read off the GUI thread.
    void setPlugin(const QString &name, const QString &logoPath);
    void setConversationLength(double seconds);
    // Where the replay stands now (the timeline's cursor); negative hides it.
    void setPosition(double seconds);
    void addRecord(const studio::RunRecord &record);
    void setRecords(const QList<studio::RunRecord> &records);
    void selectRecord(int index);

    int recordCount() const;
    int selectedIndex() const { return m_selected; }
    const QList<RunRecord> &records() const;
    // Applies records gathered by addRecord now instead of at the next batch.
    void flushPending();
    bool isLogoLoading() const { return m_logoWatcher.isRunning(); }
    bool isWideLayout() const { return m_wide; }

    RunHeader *header() const { return m_header; }
    RunTimeline *timeline() const { return m_timeline; }
    LatencyChart *chart() const { return m_chart; }
    QTableView *requestList() const { return m_table; }
    RequestInspector *inspector() const { return m_inspector; }
    NotificationPreview *notificationPreview() const { return m_preview; }

signals:
    void resendRequested(const studio::RunRecord &record);
    void recordSelected(int index);
    // The plugin's logo was read (or found missing).
    void logoReady();

protected:
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void append(const QList<RunRecord> &records);
    void select(int index, bool fromList);
    void onLogoDecoded();
    void adaptLayout();
    void balanceSplitters();

    RunHeader *m_header;
    RunTimeline *m_timeline;
    LatencyChart *m_chart;
    RunRecordModel *m_model;
    QTableView *m_table;
    RequestInspector *m_inspector;
    NotificationPreview *m_preview;
    QTabWidget *m_details;
    QSplitter *m_vertical;
    QSplitter *m_bottom;
    QList<RunRecord> m_pending;
    QTimer m_batchTimer;
    QFutureWatcher<DecodedLogo> m_logoWatcher;
    QString m_pluginName;
    QString m_logoPath;
    int m_selected = -1;
    bool m_wide = false;
    bool m_balanced = false;
};

} // namespace studio
