#include "RequestLogTable.h"

#include <QHeaderView>
#include <QTableView>

namespace studio::request_log_table {

void setUp(QTableView *table, QAbstractItemModel *model)
{
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setHighlightSections(false);
    table->setWordWrap(false);
}

int widthFor(const QTableView *table, const char *sample)
{
    return table->fontMetrics().horizontalAdvance(QString::fromLatin1(sample)) + 16;
}

} // namespace studio::request_log_table
