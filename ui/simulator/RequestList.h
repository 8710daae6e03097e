#pragma once

#include "simulation/engine/SimulationPlan.h"
#include "simulation/report/RunSummary.h"

#include <QWidget>

class QLabel;
class QTableView;

namespace studio {

class RequestListModel;

// The stand-in results view: one line about the run, then a row per request from the
// moment it goes out (waiting, answered, skipped) with status, latency and what the app
// does with the answer. The run views replace it inside the workspace's results host.
class RequestList : public QWidget
{
    Q_OBJECT

public:
    explicit RequestList(QWidget *parent = nullptr);

    RequestListModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QString summary() const;

    void begin(const SimulationPlan &plan);
    void addSent(int batch, const QString &label);
    void addSkipped(int batch, const QString &label, const QString &reason);
    void addRecord(const RunRecord &record);
    void finish(const RunSummary &summary);

    // "3 requests · 2 notifications · 0 failed · p50 12 ms · p95 40 ms"
    static QString describe(const RunSummary &summary);

private:
    QLabel *m_summary;
    RequestListModel *m_model;
    QTableView *m_view;
};

} // namespace studio
