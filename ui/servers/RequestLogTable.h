#pragma once

class QAbstractItemModel;
class QTableView;

namespace studio {

// The look of a server page's log of requests (the Listen page's, the App API page's): a
// row per request, one selected at a time, read-only, compact rows without numbers, the last
// column taking the rest of the width.
namespace request_log_table {

void setUp(QTableView *table, QAbstractItemModel *model);
// The width of a column that shows `sample` whole.
int widthFor(const QTableView *table, const char *sample);

} // namespace request_log_table

} // namespace studio
