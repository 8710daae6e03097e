#pragma once

#include "listen/CaughtRequest.h"

#include <QAbstractTableModel>
#include <QList>

namespace studio {

// What the Listen page caught, a row per request, oldest first: when, method, target,
// kind, the fixture it went into and what happened. Bounded both ways: at most kMaxRows
// rows (the oldest go first) and the first kKeptBodyBytes of each body (the whole body is
// in the fixture), so a day of listening stays small.
class CaughtRequestModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    static constexpr int kMaxRows = 1000;
    static constexpr qsizetype kKeptBodyBytes = 256 * 1024;

    enum Column
    {
        Time,
        Method,
        Target,
        Kind,
        Fixture,
        Note,
        ColumnCount
    };

    struct Row
    {
        CaughtRequest caught;    // its body cut at kKeptBodyBytes
        qsizetype bodyBytes = 0; // the whole body's size
    };

    explicit CaughtRequestModel(QObject *parent = nullptr);

    void add(const CaughtRequest &caught);
    void clear();
    const Row &row(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant display(const Row &row, int column) const;

    QList<Row> m_rows;
};

} // namespace studio
