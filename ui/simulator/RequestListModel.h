#pragma once

#include "simulation/report/RunRecord.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include <optional>

namespace studio {

// Every request of a run as a row, from the moment it goes out: waiting, then answered
// with its status, latency and what the app does with the answer; batches a seek or a stop
// passed over show as skipped, and requests the app's circuit breaker held back as not sent. The
// stand-in results view until the run views take over.
class RequestListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Number,
        Label,
        Status,
        Latency,
        Verdict,
        Reason,
        ColumnCount
    };

    explicit RequestListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void clear();
    void addSent(int batch, const QString &label);
    void addSkipped(int batch, const QString &label, const QString &reason);
    void addRecord(const RunRecord &record);

    // The completed record shown at `row`, if it has one yet.
    std::optional<RunRecord> record(int row) const;
    int rowOfBatch(int batch) const { return m_rows.value(batch, -1); }
    // The verdict column's word for a row: "waiting", "skipped", "not sent", "failed" or the
    // verdict.
    QString verdictText(int row) const;

private:
    struct Row
    {
        int batch = 0;
        QString label;
        std::optional<RunRecord> record;
        QString skipReason; // not empty: never sent
    };

    int rowFor(int batch, const QString &label);
    QVariant display(const Row &row, int column) const;
    QVariant foreground(const Row &row) const;

    QList<Row> m_list;
    QHash<int, int> m_rows; // batch index -> row
};

} // namespace studio
