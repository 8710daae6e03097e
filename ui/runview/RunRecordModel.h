#pragma once

#include "simulation/report/RunRecord.h"

#include <QAbstractTableModel>
#include <QList>

namespace studio {

// The requests of a run, one row each, in the order they completed: the list beside the
// inspector, and the one store of the records the run views show.
class RunRecordModel : public QAbstractTableModel
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
        ColumnCount
    };

    explicit RunRecordModel(QObject *parent = nullptr);

    void clear();
    // One insertion for the whole batch, so a view relays out once.
    void append(const QList<RunRecord> &records);
    const QList<RunRecord> &records() const { return m_records; }
    const RunRecord &record(int row) const { return m_records.at(row); }

    // "200", "500", the transport error's name when no answer came ("timeout"), or
    // "not sent" when the app held the request back.
    static QString statusText(const RunRecord &record);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant display(const RunRecord &record, int column) const;

    QList<RunRecord> m_records;
};

} // namespace studio
