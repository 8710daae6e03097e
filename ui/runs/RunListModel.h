#pragma once

#include "history/RunListing.h"

#include <QAbstractTableModel>
#include <QList>

namespace studio {

// The runs of the history as a table, newest first: what each was and how it went (the
// summary of its report). Holds listings only, never requests or bodies, so a list of
// hundreds of runs stays small; the listing is read on a worker and handed in whole.
class RunListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Id,
        Plugin,
        Kind,
        Started,
        Requests,
        Failed,
        P50,
        P95,
        Notifications,
        Url,
        ColumnCount
    };

    explicit RunListModel(QObject *parent = nullptr);

    void setRuns(const QList<RunListing> &runs);
    const QList<RunListing> &runs() const { return m_runs; }
    const RunListing &run(int row) const { return m_runs.at(row); }
    int rowOf(qint64 id) const; // -1 when not listed

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant display(const RunListing &run, int column) const;

    QList<RunListing> m_runs;
};

} // namespace studio
