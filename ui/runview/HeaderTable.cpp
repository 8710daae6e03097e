#include "HeaderTable.h"

#include <QHeaderView>

namespace studio {

HeaderTable::HeaderTable(QWidget *parent)
    : QTableWidget(0, 2, parent)
{
    setHorizontalHeaderLabels({tr("Header"), tr("Value")});
    horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    horizontalHeader()->setStretchLastSection(true);
    verticalHeader()->setVisible(false);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    setEditTriggers(NoEditTriggers);
    setSelectionBehavior(SelectRows);
    setWordWrap(false);
    setAlternatingRowColors(true);
    setShowGrid(false);
}

void HeaderTable::setHeaders(const HttpHeaders &headers)
{
    setRowCount(int(headers.size()));
    for (int row = 0; row < headers.size(); ++row) {
        const QString name = QString::fromLatin1(headers[row].first);
        // Values are bytes on the wire; UTF-8 is what a server would mean by non-ASCII.
        const QString value = QString::fromUtf8(headers[row].second);
        auto *nameItem = new QTableWidgetItem(name);
        auto *valueItem = new QTableWidgetItem(value);
        valueItem->setToolTip(value);
        setItem(row, 0, nameItem);
        setItem(row, 1, valueItem);
    }
}

QString HeaderTable::headerName(int row) const
{
    return item(row, 0) ? item(row, 0)->text() : QString();
}

QString HeaderTable::headerValue(int row) const
{
    return item(row, 1) ? item(row, 1)->text() : QString();
}

QSize HeaderTable::sizeHint() const
{
    const int rows = std::clamp(rowCount(), 2, 8);
    return {400, horizontalHeader()->height() + rows * verticalHeader()->defaultSectionSize() + 4};
}

} // namespace studio
