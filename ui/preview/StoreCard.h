#pragma once

#include <QFrame>

namespace studio {

// A rounded card on the store's page, filled with the palette's Base colour.
class StoreCard : public QFrame
{
    Q_OBJECT

public:
    explicit StoreCard(QWidget *parent = nullptr);

protected:
    void paintEvent(QPaintEvent *event) override;
};

} // namespace studio
