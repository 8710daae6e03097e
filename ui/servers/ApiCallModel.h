#pragma once

#include "integration/IntegrationCall.h"

#include <QAbstractTableModel>
#include <QList>

namespace studio {

// The App API page's calls, a row per call the app made, oldest first: when, the call,
// its status and what it did (or why it was refused). Bounded like the Listen page's
// requests: at most kMaxRows rows, the first kKeptBodyBytes of each body.
class ApiCallModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    static constexpr int kMaxRows = 1000;
    static constexpr qsizetype kKeptBodyBytes = 64 * 1024;

    enum Column
    {
        Time,
        Call,
        Status,
        What,
        ColumnCount
    };

    explicit ApiCallModel(QObject *parent = nullptr);

    void add(IntegrationCall call);
    void clear();
    const IntegrationCall &call(int row) const { return m_calls.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // "POST notification": the method and the call's route.
    static QString callText(const IntegrationCall &call);

private:
    QList<IntegrationCall> m_calls;
};

} // namespace studio
