#pragma once

#include "http/HttpExchange.h"

#include <QTableWidget>

namespace studio {

// HTTP headers as a two-column table (name, value), in the order they went over the wire.
class HeaderTable : public QTableWidget
{
    Q_OBJECT

public:
    explicit HeaderTable(QWidget *parent = nullptr);

    void setHeaders(const HttpHeaders &headers);
    QString headerName(int row) const;
    QString headerValue(int row) const;

    QSize sizeHint() const override;
};

} // namespace studio
