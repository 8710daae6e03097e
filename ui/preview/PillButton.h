#pragma once

#include <QAbstractButton>

namespace studio {

// The store's rounded buttons: filled with the accent ("Install") or outlined (an auth step).
class PillButton : public QAbstractButton
{
    Q_OBJECT

public:
    enum class Style
    {
        Filled,
        Outlined
    };

    explicit PillButton(Style style, QWidget *parent = nullptr);

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    Style m_style;
};

} // namespace studio
