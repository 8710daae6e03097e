#pragma once

#include "HistoryJobs.h"
#include "RunExport.h"

#include <QFutureWatcher>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QSplitter;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace studio {

class ActionRegistry;
class MessageStrip;
class RunListModel;
class RunRecorder;
class RunView;
class SimulationController;

// The run history in the window: every run of the studio and of the command line, newest
// first with its summary, filtered by plugin; the selected run opens below in the run
// views (timeline, chart, inspector, phone preview). A run can be re-run, one of its
// requests re-sent (both through the controller, so they are new runs), exported as HAR,
// JSON report or JUnit, or deleted.
//
// Every database access and every export runs on a worker thread (HistoryJobs, RunExport)
// and comes back through a QFutureWatcher; a result for a list or run the user has moved
// on from is dropped. A history that cannot be read says so (path and reason) in the
// panel; the simulator goes on without it.
class RunsPanel : public QWidget
{
    Q_OBJECT

public:
    RunsPanel(RunRecorder *recorder, SimulationController *controller, ActionRegistry *actions,
              QWidget *parent = nullptr);
    ~RunsPanel() override;

    // The plugin open in the window, offered first in the filter.
    // The plugin open in the window; its runs show its logo (a kept run knows no logo).
    void setOpenPlugin(const QString &id, const QString &name, const QString &logoPath = {});
    // Shows only this plugin's runs; empty for all.
    void setPluginFilter(const QString &pluginId);
    QString pluginFilter() const;

    RunListModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QComboBox *pluginCombo() const { return m_plugins; }
    RunView *runView() const { return m_view; }
    MessageStrip *messageStrip() const { return m_message; }
    QString emptyText() const;
    bool isEmptyShown() const;
    // The run shown below, once loaded.
    const std::optional<StoredRun> &currentRun() const { return m_current; }
    bool isLoading() const { return m_listWatcher.isRunning() || m_loadWatcher.isRunning(); }

    void selectRun(qint64 id);

public slots:
    void refresh();
    void rerun();
    void exportAs(RunExport::Format format); // asks where, then exportTo()
    void exportTo(RunExport::Format format, const QString &path);
    void removeSelected(); // asks first
    void removeRun(qint64 id);

signals:
    void listed(int runs);
    void runOpened(qint64 id);
    void exported(const QString &path);
    void removed(qint64 id);
    // A rerun or re-send went to the controller.
    void sent();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void connectActions(ActionRegistry *actions);
    void listingReady();
    void applyFilter();
    void rebuildPluginChoices();
    void selectionChanged();
    void runLoaded();
    void resend(const RunRecord &record);
    void recorded(qint64 id);
    void updateActions();
    void showEmpty(const QString &text);
    qint64 selectedId() const;

    RunRecorder *m_recorder;
    SimulationController *m_controller;
    QString m_path;
    MessageStrip *m_message;
    QComboBox *m_plugins;
    QLabel *m_count;
    QToolButton *m_rerunButton;
    QToolButton *m_exportButton;
    QToolButton *m_deleteButton;
    QToolButton *m_refreshButton;
    QStackedWidget *m_listStack;
    QTableView *m_table;
    QLabel *m_empty;
    QSplitter *m_splitter;
    RunListModel *m_model;
    RunView *m_view;
    QAction *m_rerunAction = nullptr;
    QList<QAction *> m_runActions; // need a loaded run
    QFutureWatcher<HistoryResult<QList<RunListing>>> m_listWatcher;
    QFutureWatcher<HistoryResult<StoredRun>> m_loadWatcher;
    QList<RunListing> m_all;
    std::optional<StoredRun> m_current;
    QString m_openPluginId;
    QString m_openPluginName;
    QString m_openPluginLogo;
    QString m_filter;
    qint64 m_loadingId = 0;
    qint64 m_wantedId = 0; // select this run when the next listing has it
    bool m_selectNextRecorded = false;
    bool m_refreshAgain = false;
    bool m_shownOnce = false;
};

} // namespace studio
