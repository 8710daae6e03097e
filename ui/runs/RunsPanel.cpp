#include "RunsPanel.h"

#include "ResendPlan.h"
#include "RunListModel.h"
#include "RunRecorder.h"
#include "actions/ActionRegistry.h"
#include "history/RunReplay.h"
#include "runview/RunView.h"
#include "simulator/MessageStrip.h"
#include "simulator/SimulationController.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMap>
#include <QMenu>
#include <QMessageBox>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace studio {

namespace {

// How far the conversation of a run goes, for the timeline's axis.
double conversationLength(const StoredRun &run)
{
    double length = 0;
    for (const RunRecord &record : run.records)
        length = std::max(length, record.windowEnd);
    for (const TranscriptBatch &batch : run.settings.batches)
        length = std::max(length, batch.windowEnd);
    return length;
}

QToolButton *toolButton(QAction *action, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setAutoRaise(false);
    return button;
}

} // namespace

RunsPanel::RunsPanel(RunRecorder *recorder, SimulationController *controller,
                     ActionRegistry *actions, QWidget *parent)
    : QWidget(parent)
    , m_recorder(recorder)
    , m_controller(controller)
    , m_path(recorder->historyPath())
    , m_message(new MessageStrip(this))
    , m_plugins(new QComboBox(this))
    , m_count(new QLabel(this))
    , m_rerunButton(nullptr)
    , m_exportButton(new QToolButton(this))
    , m_deleteButton(nullptr)
    , m_refreshButton(nullptr)
    , m_listStack(new QStackedWidget(this))
    , m_table(new QTableView(m_listStack))
    , m_empty(new QLabel(m_listStack))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_model(new RunListModel(this))
    , m_view(new RunView(this))
{
    setObjectName(QStringLiteral("runsPanel"));
    m_plugins->setObjectName(QStringLiteral("runsPluginFilter"));
    m_plugins->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_plugins->setMinimumContentsLength(16);
    m_count->setObjectName(QStringLiteral("runsCount"));

    m_table->setObjectName(QStringLiteral("runsTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->setMinimumHeight(m_table->verticalHeader()->defaultSectionSize() * 3);
    m_empty->setObjectName(QStringLiteral("runsEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_empty->setContentsMargins(24, 12, 24, 12);
    m_listStack->addWidget(m_table);
    m_listStack->addWidget(m_empty);

    m_view->setObjectName(QStringLiteral("runsRunView"));
    m_splitter->setObjectName(QStringLiteral("runsSplitter"));
    m_splitter->addWidget(m_listStack);
    // The run views need more height than a small screen leaves under the list: they
    // scroll there rather than make the window taller than the screen.
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("runsRunViewScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(m_view);
    scroll->setMinimumHeight(120);
    m_splitter->addWidget(scroll);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setChildrenCollapsible(false);

    connectActions(actions);

    auto *bar = new QHBoxLayout;
    bar->setSpacing(6);
    bar->addWidget(new QLabel(tr("Plugin:"), this));
    bar->addWidget(m_plugins);
    bar->addWidget(m_count);
    bar->addStretch(1);
    bar->addWidget(m_rerunButton);
    bar->addWidget(m_exportButton);
    bar->addWidget(m_deleteButton);
    bar->addWidget(m_refreshButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(bar);
    layout->addWidget(m_message);
    layout->addWidget(m_splitter, 1);
    m_message->clear();

    connect(m_plugins, &QComboBox::currentIndexChanged, this, [this] {
        m_filter = m_plugins->currentData().toString();
        applyFilter();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RunsPanel::selectionChanged);
    connect(&m_listWatcher, &QFutureWatcherBase::finished, this, &RunsPanel::listingReady);
    connect(&m_loadWatcher, &QFutureWatcherBase::finished, this, &RunsPanel::runLoaded);
    connect(m_view, &RunView::resendRequested, this, &RunsPanel::resend);
    connect(m_recorder, &RunRecorder::recorded, this, &RunsPanel::recorded);
    rebuildPluginChoices();
    showEmpty(tr("Reading the history..."));
    updateActions();
}

RunsPanel::~RunsPanel() = default;

void RunsPanel::connectActions(ActionRegistry *actions)
{
    const auto on = [this, actions](ActionId id, QWidget *scope, auto slot) {
        QAction *action = actions->action(id);
        scope->addAction(action); // the keys act only inside the panel (or its list)
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    m_rerunAction = on(ActionId::HistoryRerun, this, [this] { rerun(); });
    QAction *har =
        on(ActionId::HistoryExportHar, this, [this] { exportAs(RunExport::Format::Har); });
    QAction *report =
        on(ActionId::HistoryExportReport, this, [this] { exportAs(RunExport::Format::Report); });
    QAction *junit =
        on(ActionId::HistoryExportJUnit, this, [this] { exportAs(RunExport::Format::JUnit); });
    // Del only where it cannot mean anything else: the list of runs.
    QAction *remove = on(ActionId::HistoryDelete, m_table, [this] { removeSelected(); });
    QAction *refreshAction = on(ActionId::HistoryRefresh, this, [this] { refresh(); });
    m_runActions = {har, report, junit, remove};

    m_rerunButton = toolButton(m_rerunAction, this);
    m_deleteButton = toolButton(remove, this);
    m_refreshButton = toolButton(refreshAction, this);
    auto *exportMenu = new QMenu(m_exportButton);
    exportMenu->addActions({har, report, junit});
    m_exportButton->setObjectName(QStringLiteral("runsExportButton"));
    m_exportButton->setText(tr("Export"));
    m_exportButton->setMenu(exportMenu);
    m_exportButton->setPopupMode(QToolButton::InstantPopup);
    m_exportButton->setToolTip(tr("Write the selected run as HAR, JSON report or JUnit XML"));
}

void RunsPanel::setOpenPlugin(const QString &id, const QString &name, const QString &logoPath)
{
    m_openPluginLogo = logoPath;
    if (id == m_openPluginId && name == m_openPluginName)
        return;
    m_openPluginId = id;
    m_openPluginName = name;
    rebuildPluginChoices();
    updateActions();
}

void RunsPanel::setPluginFilter(const QString &pluginId)
{
    m_filter = pluginId;
    rebuildPluginChoices();
    applyFilter();
}

QString RunsPanel::pluginFilter() const
{
    return m_filter;
}

QString RunsPanel::emptyText() const
{
    return m_empty->text();
}

bool RunsPanel::isEmptyShown() const
{
    return m_listStack->currentWidget() == m_empty;
}

void RunsPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Runs of the command line may have come in meanwhile.
    refresh();
    if (!std::exchange(m_shownOnce, true)) {
        const int height = m_splitter->height();
        m_splitter->setSizes({height / 4, height - height / 4});
    }
}

void RunsPanel::refresh()
{
    if (m_listWatcher.isRunning()) {
        m_refreshAgain = true; // one more when this one is in: it may predate a change
        return;
    }
    m_listWatcher.setFuture(QtConcurrent::run(&HistoryJobs::list, m_path, QString()));
}

void RunsPanel::listingReady()
{
    HistoryResult<QList<RunListing>> result = m_listWatcher.result();
    if (std::exchange(m_refreshAgain, false))
        refresh();
    if (!result.ok()) {
        m_all.clear();
        m_model->setRuns({});
        m_current.reset();
        m_view->clear();
        m_message->show(MessageStrip::Level::Error,
                        tr("Runs still go ahead, without the history: %1").arg(result.error()));
        showEmpty(tr("The run history cannot be read.\n\n%1").arg(result.error()));
        m_count->clear();
        updateActions();
        emit listed(0);
        return;
    }
    if (m_message->level() == MessageStrip::Level::Error)
        m_message->clear();
    m_all = std::move(result).value();
    rebuildPluginChoices();
    applyFilter();
}

void RunsPanel::rebuildPluginChoices()
{
    const QSignalBlocker blocker(m_plugins);
    m_plugins->clear();
    m_plugins->addItem(tr("All plugins"), QString());
    if (!m_openPluginId.isEmpty())
        m_plugins->addItem(tr("This plugin (%1)")
                               .arg(m_openPluginName.isEmpty() ? m_openPluginId : m_openPluginName),
                           m_openPluginId);
    // Every other plugin with a run, sorted by name.
    QMap<QString, std::pair<QString, QString>> seen;
    for (const RunListing &run : std::as_const(m_all)) {
        if (run.pluginId == m_openPluginId)
            continue;
        const QString name = run.pluginName.isEmpty() ? run.pluginId : run.pluginName;
        seen.insert(name.toLower() + u'\n' + run.pluginId, {run.pluginId, name});
    }
    for (const auto &[id, name] : std::as_const(seen))
        m_plugins->addItem(name == id ? id : QStringLiteral("%1 (%2)").arg(name, id), id);
    int index = m_plugins->findData(m_filter);
    if (index < 0) {
        // A plugin with no run (any more): still the filter chosen.
        m_plugins->addItem(m_filter, m_filter);
        index = m_plugins->count() - 1;
    }
    m_plugins->setCurrentIndex(index);
}

void RunsPanel::applyFilter()
{
    const qint64 keep = m_wantedId ? m_wantedId : selectedId();
    QList<RunListing> shown;
    for (const RunListing &run : std::as_const(m_all)) {
        if (m_filter.isEmpty() || run.pluginId == m_filter)
            shown << run;
    }
    m_model->setRuns(shown);
    m_count->setText(shown.size() == 1 ? tr("1 run") : tr("%1 runs").arg(shown.size()));
    if (shown.isEmpty()) {
        showEmpty(m_all.isEmpty()
                      ? tr("No runs yet.\n\nEvery memory sent, transcript played and setup "
                           "checked, here or with 'plugin-studio simulate' and 'check-setup', "
                           "is kept in the history:\n%1")
                            .arg(QDir::toNativeSeparators(m_path))
                      : tr("No runs of this plugin yet."));
    } else {
        m_listStack->setCurrentWidget(m_table);
        m_table->resizeColumnsToContents();
    }
    int row = m_model->rowOf(keep);
    if (row >= 0 && keep == m_wantedId)
        m_wantedId = 0;
    if (row < 0 && !shown.isEmpty() && (!m_current || m_model->rowOf(m_current->id) < 0))
        row = 0; // the newest run, rather than nothing
    if (row >= 0) {
        m_table->selectRow(row);
        m_table->scrollTo(m_model->index(row, 0));
    } else {
        m_current.reset();
        m_view->clear();
    }
    updateActions();
    emit listed(int(shown.size()));
}

void RunsPanel::selectRun(qint64 id)
{
    const int row = m_model->rowOf(id);
    if (row >= 0)
        m_table->selectRow(row);
}

qint64 RunsPanel::selectedId() const
{
    // The current row: selectRow() makes it current before it selects it.
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid())
        return 0;
    return m_model->run(current.row()).id;
}

void RunsPanel::selectionChanged()
{
    const qint64 id = selectedId();
    if (id == 0 || (m_current && m_current->id == id) ||
        (m_loadWatcher.isRunning() && m_loadingId == id))
        return;
    m_loadingId = id;
    m_loadWatcher.setFuture(QtConcurrent::run(&HistoryJobs::load, m_path, id));
    updateActions();
}

void RunsPanel::runLoaded()
{
    HistoryResult<StoredRun> result = m_loadWatcher.result();
    if (!result.ok()) {
        m_message->show(MessageStrip::Level::Error,
                        tr("Run %1 cannot be opened: %2").arg(m_loadingId).arg(result.error()));
        return;
    }
    StoredRun run = std::move(result).value();
    if (run.id != selectedId())
        return; // the user moved on; that run loads when selected
    m_view->clear();
    m_view->setPlugin(run.info.pluginName.isEmpty() ? run.info.pluginId : run.info.pluginName,
                      run.info.pluginId == m_openPluginId ? m_openPluginLogo : QString());
    m_view->setConversationLength(conversationLength(run));
    m_view->setRecords(run.records);
    m_current = std::move(run);
    updateActions();
    emit runOpened(m_current->id);
}

void RunsPanel::updateActions()
{
    const bool loaded = m_current.has_value() && m_current->id == selectedId();
    for (QAction *action : std::as_const(m_runActions))
        action->setEnabled(loaded);
    m_runActions.last()->setEnabled(selectedId() != 0); // delete needs no loaded run
    m_exportButton->setEnabled(loaded);
    // A setup check runs again only for the open plugin: its check uses the manifest's URL.
    const bool setup = loaded && m_current->kind == RunKind::Setup;
    // A request the catcher received has nothing to send again; its fixture replays.
    // Neither has a chat tool's call: the Tools page calls the tool again.
    const bool caught =
        loaded && (m_current->kind == RunKind::Listen || m_current->kind == RunKind::Tool);
    m_rerunAction->setEnabled(loaded && !caught &&
                              (!setup || m_current->settings.plugin.id == m_openPluginId));
}

void RunsPanel::showEmpty(const QString &text)
{
    m_empty->setText(text);
    m_listStack->setCurrentWidget(m_empty);
}

void RunsPanel::rerun()
{
    if (!m_current || !m_rerunAction->isEnabled())
        return;
    if (m_current->kind == RunKind::Setup) {
        m_selectNextRecorded = true;
        m_controller->checkSetup();
        emit sent();
        return;
    }
    if (m_controller->start(RunReplay::plan(*m_current))) {
        m_selectNextRecorded = true;
        m_message->show(MessageStrip::Level::Info,
                        tr("Re-running run %1: the same bytes to %2; it opens here when done.")
                            .arg(m_current->id)
                            .arg(m_current->url()));
        emit sent();
    }
}

void RunsPanel::resend(const RunRecord &record)
{
    if (!m_current || m_current->kind == RunKind::Listen || m_current->kind == RunKind::Tool)
        return;
    if (m_current->kind == RunKind::Setup) {
        rerun();
        return;
    }
    if (m_controller->start(ResendPlan::of(*m_current, record))) {
        m_selectNextRecorded = true;
        m_message->show(MessageStrip::Level::Info,
                        tr("Re-sending request %1 of run %2; it opens here as a new run.")
                            .arg(record.index + 1)
                            .arg(m_current->id));
        emit sent();
    }
}

void RunsPanel::recorded(qint64 id)
{
    if (std::exchange(m_selectNextRecorded, false)) {
        m_wantedId = id;
        if (m_message->level() == MessageStrip::Level::Info)
            m_message->clear();
    }
    refresh();
}

void RunsPanel::exportAs(RunExport::Format format)
{
    if (!m_current)
        return;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Run %1 as %2").arg(m_current->id).arg(RunExport::title(format)),
        QDir::home().filePath(RunExport::suggestedName(format, m_current->id)),
        RunExport::fileFilter(format));
    if (!path.isEmpty())
        exportTo(format, path);
}

void RunsPanel::exportTo(RunExport::Format format, const QString &path)
{
    if (!m_current)
        return;
    auto *watcher = new QFutureWatcher<QString>(this);
    const qint64 id = m_current->id;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, format, path, id] {
        watcher->deleteLater();
        const QString error = watcher->result();
        if (!error.isEmpty()) {
            m_message->show(MessageStrip::Level::Error,
                            tr("Run %1 was not exported: %2").arg(id).arg(error));
            return;
        }
        m_message->show(MessageStrip::Level::Info,
                        tr("Run %1 exported as %2 to %3")
                            .arg(id)
                            .arg(RunExport::title(format), QDir::toNativeSeparators(path)));
        emit exported(path);
    });
    watcher->setFuture(QtConcurrent::run(&RunExport::write, format, path, *m_current));
}

void RunsPanel::removeSelected()
{
    const qint64 id = selectedId();
    if (id == 0)
        return;
    const RunListing &run = m_model->run(m_model->rowOf(id));
    const auto answer = QMessageBox::question(
        this, tr("Delete Run"),
        tr("Delete run %1 (%2 of %3, started %4) from the history? This cannot be undone.")
            .arg(id)
            .arg(RunKinds::name(run.kind), run.pluginName.isEmpty() ? run.pluginId : run.pluginName,
                 m_model->data(m_model->index(m_model->rowOf(id), RunListModel::Started))
                     .toString()),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes)
        removeRun(id);
}

void RunsPanel::removeRun(qint64 id)
{
    auto *watcher = new QFutureWatcher<HistoryStatus>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, id] {
        watcher->deleteLater();
        const HistoryStatus status = watcher->result();
        if (!status.ok()) {
            m_message->show(MessageStrip::Level::Error,
                            tr("Run %1 was not deleted: %2").arg(id).arg(status.error()));
            return;
        }
        if (m_current && m_current->id == id) {
            m_current.reset();
            m_view->clear();
        }
        emit removed(id);
        refresh();
    });
    watcher->setFuture(QtConcurrent::run(&HistoryJobs::remove, m_path, id));
}

} // namespace studio
