#include "LoadPage.h"

#include "LoadChart.h"
#include "LoadSummaryText.h"
#include "actions/ActionRegistry.h"
#include "io/TextFile.h"
#include "runview/RecordOutcome.h"
#include "simulation/payload/AppUrls.h"
#include "simulator/MemoryDraft.h"
#include "simulator/SimulateWorkspace.h"
#include "simulator/SimulationController.h"
#include "simulator/TranscriptPanel.h"

#include <QAction>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRandomGenerator>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace studio {

namespace {

QLabel *wrappedLabel(QWidget *parent, const char *name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(name));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

LoadPage::LoadPage(SimulateWorkspace *workspace, ActionRegistry *actions, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_controller(new LoadController(this))
    , m_form(new LoadSettingsForm(this))
    , m_sent(wrappedLabel(this, "loadSent"))
    , m_start(new QPushButton(tr("&Start Load"), this))
    , m_stop(new QPushButton(tr("Sto&p"), this))
    , m_save(new QPushButton(tr("Save &Report..."), this))
    , m_status(wrappedLabel(this, "loadStatus"))
    , m_summary(wrappedLabel(this, "loadSummary"))
    , m_verdict(wrappedLabel(this, "loadVerdict"))
{
    setObjectName(QStringLiteral("loadPage"));
    m_start->setToolTip(tr("Start the load run (Ctrl+Return)"));
    m_stop->setToolTip(tr("Send nothing more and cancel what is in flight (Esc)"));
    m_save->setToolTip(tr("The run's JSON report, as `plugin-studio load --report` writes it"));
    // A long URL does not widen the page past the tab: it is cut, and whole in the tip.
    m_sent->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    QFont bold = m_verdict->font();
    bold.setBold(true);
    m_verdict->setFont(bold);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_stop);
    buttons->addWidget(m_save);
    buttons->addWidget(m_status, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_form);
    layout->addWidget(m_sent);
    layout->addLayout(buttons);
    layout->addWidget(buildCharts(), 1);
    layout->addWidget(m_verdict);
    layout->addWidget(m_summary);

    // Ctrl+Return starts a run from anywhere on the page; Esc, the tab's Stop, stops it.
    QAction *startAction = actions->action(ActionId::LoadStart);
    addAction(startAction);
    connect(startAction, &QAction::triggered, this, [this] {
        if (!m_controller->isRunning())
            start();
    });
    connect(actions->action(ActionId::SimulateStop), &QAction::triggered, this, [this] {
        if (isVisible())
            stop();
    });
    connect(m_start, &QPushButton::clicked, this, &LoadPage::start);
    connect(m_stop, &QPushButton::clicked, this, &LoadPage::stop);
    connect(m_save, &QPushButton::clicked, this, &LoadPage::chooseReportFile);
    connect(m_form, &LoadSettingsForm::changed, this, &LoadPage::describeSent);
    SimulationController *simulation = workspace->controller();
    connect(simulation, &SimulationController::targetChanged, this, &LoadPage::describeSent);
    connect(simulation, &SimulationController::manifestChanged, this, [this, simulation] {
        // What the plugin is called for, as the tab chooses its page.
        if (const auto trigger = simulation->declaredTrigger())
            m_form->setSource(*trigger == AppTrigger::TranscriptProcessed
                                  ? LoadSettingsForm::Source::Transcript
                                  : LoadSettingsForm::Source::Memory);
        describeSent();
    });
    connect(workspace->memoryDraft(), &MemoryDraft::checked, this, &LoadPage::describeSent);
    connect(m_controller, &LoadController::secondElapsed, this, &LoadPage::secondElapsed);
    connect(m_controller, &LoadController::finished, this, &LoadPage::finished);
    connect(m_controller, &LoadController::refused, this,
            [this](const QString &reason) { setStatus(reason, true); });
    connect(m_controller, &LoadController::stateChanged, this, &LoadPage::updateButtons);
    setStatus(tr("Not running"));
    updateButtons();
}

QWidget *LoadPage::buildCharts()
{
    auto *area = new QWidget(this);
    m_rate = new LoadChart(tr("Requests per second"), QStringLiteral("%.0f"),
                           LoadChart::Kind::Counts, area);
    m_latency = new LoadChart(tr("Latency of each second"), QStringLiteral("%.0f ms"),
                              LoadChart::Kind::Measures, area);
    m_inFlight = new LoadChart(tr("In flight and waiting"), QStringLiteral("%.0f"),
                               LoadChart::Kind::Counts, area);
    m_errors = new LoadChart(tr("Errors per second, by kind"), QStringLiteral("%.0f"),
                             LoadChart::Kind::Counts, area);
    m_rate->setObjectName(QStringLiteral("loadRateChart"));
    m_latency->setObjectName(QStringLiteral("loadLatencyChart"));
    m_inFlight->setObjectName(QStringLiteral("loadInFlightChart"));
    m_errors->setObjectName(QStringLiteral("loadErrorChart"));
    m_figures = wrappedLabel(area, "loadFigures");
    m_figures->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_figures->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('m')) * 16);
    m_figures->setText(tr("No run yet"));
    auto *grid = new QGridLayout(area);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_rate, 0, 0);
    grid->addWidget(m_latency, 0, 1);
    grid->addWidget(m_inFlight, 1, 0);
    grid->addWidget(m_errors, 1, 1);
    grid->addWidget(m_figures, 0, 2, 2, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    return area;
}

QString LoadPage::statusText() const
{
    return m_status->text();
}

QString LoadPage::sentText() const
{
    return m_sent->text();
}

QString LoadPage::figuresText() const
{
    return m_figures->text();
}

QString LoadPage::summaryText() const
{
    return m_summary->text();
}

QString LoadPage::verdictText() const
{
    return m_verdict->text();
}

std::optional<SimulationPlan> LoadPage::basePlan(const LoadSettingsForm::Values &values,
                                                 QString *error) const
{
    const SimulationController *simulation = m_workspace->controller();
    SimulationPlan plan;
    if (values.source == LoadSettingsForm::Source::Memory) {
        const MemoryDraft *draft = m_workspace->memoryDraft();
        if (!draft->isChecked()) {
            *error = draft->text().isEmpty()
                         ? tr("There is no memory: write or open one on the Memory page.")
                         : tr("The memory is being checked; start again in a moment.");
            return std::nullopt;
        }
        if (!draft->result().ok()) {
            *error = tr("The Memory page's memory is not valid: %1")
                         .arg(draft->result().error->toString());
            return std::nullopt;
        }
        plan = simulation->memoryPlan(draft->result().memory, draft->source());
    } else {
        const QList<TranscriptSegment> &segments = m_workspace->segments();
        if (segments.isEmpty()) {
            *error = tr("There is no conversation: choose a transcript on the Transcript page.");
            return std::nullopt;
        }
        const TranscriptPanel *transcript = m_workspace->transcriptPanel();
        plan = simulation->transcriptPlan(segments, transcript->batching(),
                                          ReplaySpeed::times(values.speed),
                                          transcript->transcriptPath());
    }
    plan.speed = ReplaySpeed::times(values.speed);
    if (values.reuseConnections)
        plan.transport.reuseConnection = *values.reuseConnections;
    if (plan.webhookUrl.trimmed().isEmpty()) {
        *error = tr("There is no webhook URL to call: fill in the manifest's webhook_url or type "
                    "one above.");
        return std::nullopt;
    }
    return plan;
}

void LoadPage::describeSent()
{
    QString error;
    const std::optional<LoadSettingsForm::Values> values = m_form->values(&error);
    const std::optional<SimulationPlan> plan =
        values ? basePlan(*values, &error) : std::optional<SimulationPlan>();
    if (!plan) {
        m_sent->setText(error);
        return;
    }
    const QString users = values->users == 1 ? tr("1 user") : tr("%1 users").arg(values->users);
    QString what = plan->trigger == AppTrigger::MemoryCreation
                       ? tr("the memory (%1)").arg(plan->source)
                       : tr("the conversation %1 in %2 requests (%3), %4")
                             .arg(plan->source)
                             .arg(plan->requestCount())
                             .arg(plan->batching.describe(), plan->speed.describe());
    // The users' uids as a pattern, not percent-encoded as a real uid would be.
    const QString url = AppUrls::webhook(plan->webhookUrl, QString()) + u"load-<seed>-<n>";
    m_sent->setToolTip(url);
    m_sent->setText(
        tr("Sent: %1, each with its own uid and session (load-<seed>-<n>), POST %2 %3 with "
           "%4; %5%6; %7 connections.")
            .arg(users, url, PluginUnderTest::triggerName(plan->trigger), what,
                 QString::fromLatin1(plan->contract->name()),
                 plan->signingSecret.isEmpty() ? QString() : tr(", signed"),
                 plan->transport.reuseConnection ? tr("pooled") : tr("new")));
}

void LoadPage::start()
{
    QString error;
    const std::optional<LoadSettingsForm::Values> values = m_form->values(&error);
    std::optional<SimulationPlan> base =
        values ? basePlan(*values, &error) : std::optional<SimulationPlan>();
    if (!base) {
        setStatus(error, true);
        return;
    }
    LoadPlan plan;
    plan.base = std::move(*base);
    plan.users = values->users;
    plan.rampSeconds = values->rampSeconds;
    plan.durationSeconds = values->durationSeconds;
    plan.maxInFlight = values->maxInFlight;
    plan.seed = values->seed.value_or(QRandomGenerator::global()->generate());

    for (LoadChart *chart : {m_rate, m_latency, m_inFlight, m_errors})
        chart->clear();
    m_lastSecondAt = 0;
    m_summary->clear();
    m_verdict->clear();
    m_figures->setText(tr("Starting..."));
    if (m_controller->start(std::move(plan), values->thresholds))
        setStatus(
            tr("Running: %1 users, seed %2").arg(values->users).arg(m_controller->plan().seed));
}

void LoadPage::stop()
{
    if (m_controller->state() != LoadController::State::Running)
        return;
    m_controller->stop();
    setStatus(tr("Stopping: cancelling the requests in flight..."));
}

void LoadPage::documentChanged()
{
    if (m_controller->isRunning()) {
        m_controller->stop();
        setStatus(tr("Stopped: the open document changed"));
    }
    describeSent();
}

void LoadPage::secondElapsed(const LoadSecond &second, const LoadSummary &soFar)
{
    const double at = second.atSeconds;
    const double length = std::max(0.001, at - m_lastSecondAt);
    m_lastSecondAt = at;
    m_rate->addPoint(tr("sent"), at, double(second.sent) / length);
    m_rate->addPoint(tr("completed"), at, second.requestsPerSecond);
    m_rate->endSecond(at);
    const std::pair<QString, std::optional<double>> percentiles[] = {
        {QStringLiteral("p50"), second.p50Ms},
        {QStringLiteral("p95"), second.p95Ms},
        {QStringLiteral("p99"), second.p99Ms}};
    for (const auto &[name, value] : percentiles) {
        if (value)
            m_latency->addPoint(name, at, *value);
    }
    m_latency->endSecond(at);
    m_inFlight->addPoint(tr("in flight"), at, second.inFlight);
    m_inFlight->addPoint(tr("waiting"), at, second.waiting);
    m_inFlight->endSecond(at);
    for (const auto &[kind, count] : second.errors)
        m_errors->addPoint(kind, at, double(count) / length);
    m_errors->endSecond(at);
    m_figures->setText(loadtext::figures(soFar, second));
    if (m_controller->state() == LoadController::State::Running) {
        const std::optional<double> &duration = m_controller->plan().durationSeconds;
        setStatus(duration ? tr("Running: %1 s of %2 s").arg(at, 0, 'f', 0).arg(*duration)
                           : tr("Running: %1 s").arg(at, 0, 'f', 0));
    }
}

void LoadPage::finished(const LoadSummary &summary, const LoadAcceptance &acceptance)
{
    const QString skipped = m_controller->skipReason();
    m_summary->setText(loadtext::summary(summary));
    m_figures->setText(loadtext::figures(summary, {}));
    if (!skipped.isEmpty()) {
        m_verdict->setText(tr("%1: the app calls nothing, so nothing was sent").arg(skipped));
        m_verdict->setPalette(palette());
    } else {
        m_verdict->setText(loadtext::verdict(acceptance));
        QPalette colours = m_verdict->palette();
        colours.setColor(
            QPalette::WindowText,
            outcomeColour(acceptance.passed ? RecordOutcome::Notification : RecordOutcome::Failed,
                          isDarkPalette(palette())));
        m_verdict->setPalette(colours);
    }
    setStatus(summary.left > 0 ? tr("Stopped after %1 s: %2 requests never sent")
                                     .arg(summary.wallSeconds, 0, 'f', 1)
                                     .arg(summary.left)
                               : tr("Finished in %1 s").arg(summary.wallSeconds, 0, 'f', 1));
}

void LoadPage::updateButtons()
{
    const bool running = m_controller->isRunning();
    m_start->setEnabled(!running);
    m_form->setEnabled(!running);
    m_stop->setEnabled(m_controller->state() == LoadController::State::Running);
    m_save->setEnabled(!running && !m_controller->reportJson().isEmpty() && !m_saving);
}

void LoadPage::setStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    QPalette colours = palette();
    if (problem)
        colours.setColor(QPalette::WindowText,
                         outcomeColour(RecordOutcome::Failed, isDarkPalette(colours)));
    m_status->setPalette(colours);
}

void LoadPage::chooseReportFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Load Report"),
                                                      QStringLiteral("load-report.json"),
                                                      tr("JSON reports (*.json)"));
    if (!path.isEmpty())
        saveReport(path);
}

void LoadPage::saveReport(const QString &path)
{
    const QByteArray report = m_controller->reportJson();
    if (report.isEmpty()) {
        emit reportSaved(path, tr("There is no finished run to report."));
        return;
    }
    m_saving = true;
    updateButtons();
    auto *watcher = new QFutureWatcher<std::string>(this);
    connect(watcher, &QFutureWatcher<std::string>::finished, this, [this, watcher, path] {
        const QString error = QString::fromStdString(watcher->result());
        watcher->deleteLater();
        m_saving = false;
        updateButtons();
        setStatus(error.isEmpty() ? tr("Report saved to %1").arg(path)
                                  : tr("The report was not saved: %1").arg(error),
                  !error.isEmpty());
        emit reportSaved(path, error);
    });
    watcher->setFuture(QtConcurrent::run([path, report] {
        return TextFile::writeAtomically(
            path, std::string_view(report.constData(), size_t(report.size())));
    }));
}

void LoadPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    describeSent();
}

} // namespace studio
