#pragma once

#include "diagnostics/ValidationReport.h"

#include <QAbstractTableModel>

namespace studio {

// The diagnostics of the latest validation as a table: severity (icon) and code, message,
// entry, line:column. Rows keep the validator's document order.
class ProblemsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        CodeColumn,
        MessageColumn,
        EntryColumn,
        LocationColumn,
        ColumnCount
    };

    explicit ProblemsModel(QObject *parent = nullptr);

    void setReport(const ValidationReport &report);
    const Diagnostic *diagnostic(int row) const;
    std::size_t count(Severity severity) const;
    // "2 errors, 1 warning, 0 notes"
    static QString countsText(std::size_t errors, std::size_t warnings, std::size_t infos);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<Diagnostic> m_diagnostics;
};

} // namespace studio
