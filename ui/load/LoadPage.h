#pragma once

#include "LoadController.h"
#include "LoadSettingsForm.h"
#include "simulation/engine/SimulationPlan.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace studio {

class ActionRegistry;
class LoadChart;
class SimulateWorkspace;

// The Simulate tab's Load page: `plugin-studio load` in the window. Above, the run's
// settings and what each user sends (the Simulate tab's memory or transcript, to its target:
// URL, contract, signing secret), Start (Ctrl+Return) and Stop (Esc) and a status line; then
// the run's figures as live charts, a point a second: requests per second sent and completed,
// p50/p95/p99 of each second, in flight and waiting, errors per second by kind, with the run's
// totals beside them; at the end, the summary the command prints, whether it kept within the
// limits, and Save Report... (the JSON of `load --report`).
class LoadPage : public QWidget
{
    Q_OBJECT

public:
    LoadPage(SimulateWorkspace *workspace, ActionRegistry *actions, QWidget *parent = nullptr);

    LoadController *controller() const { return m_controller; }
    LoadSettingsForm *settings() const { return m_form; }
    QPushButton *startButton() const { return m_start; }
    QPushButton *stopButton() const { return m_stop; }
    QPushButton *saveButton() const { return m_save; }
    QString statusText() const;
    QString sentText() const;
    QString figuresText() const;
    QString summaryText() const;
    QString verdictText() const;
    LoadChart *rateChart() const { return m_rate; }
    LoadChart *latencyChart() const { return m_latency; }
    LoadChart *inFlightChart() const { return m_inFlight; }
    LoadChart *errorChart() const { return m_errors; }

public slots:
    // Starts a run with the settings typed, or says in the status line why it cannot.
    void start();
    void stop();
    // Writes the last run's JSON report to `path` off the GUI thread, whole or not at all;
    // reportSaved() says how it went.
    void saveReport(const QString &path);
    // The open document changed: a run going is stopped, the last run's figures stay.
    void documentChanged();

signals:
    // `error` is empty when the report was written.
    void reportSaved(const QString &path, const QString &error);

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *buildCharts();
    void chooseReportFile();
    // The plan one user follows, as the Simulate tab would send it; nullopt and why otherwise.
    std::optional<SimulationPlan> basePlan(const LoadSettingsForm::Values &values,
                                           QString *error) const;
    void describeSent();
    void secondElapsed(const LoadSecond &second, const LoadSummary &soFar);
    void finished(const LoadSummary &summary, const LoadAcceptance &acceptance);
    void updateButtons();
    void setStatus(const QString &text, bool problem = false);

    SimulateWorkspace *m_workspace;
    LoadController *m_controller;
    LoadSettingsForm *m_form;
    QLabel *m_sent;
    QPushButton *m_start;
    QPushButton *m_stop;
    QPushButton *m_save;
    QLabel *m_status;
    LoadChart *m_rate = nullptr;
    LoadChart *m_latency = nullptr;
    LoadChart *m_inFlight = nullptr;
    LoadChart *m_errors = nullptr;
    QLabel *m_figures = nullptr;
    QLabel *m_summary;
    QLabel *m_verdict;
    double m_lastSecondAt = 0;
    bool m_saving = false;
};

} // namespace studio
