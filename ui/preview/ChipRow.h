#pragma once

#include <QStringList>
#include <QWidget>

namespace studio {

// Rounded chips ("Memories", "Chat" ...) that wrap onto more rows when the width runs out.
// Chips paint with AlternateBase and BrightText.
class ChipRow : public QWidget
{
    Q_OBJECT

public:
    explicit ChipRow(QWidget *parent = nullptr);

    void setLabels(const QStringList &labels);
    const QStringList &labels() const { return m_labels; }

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<QRect> chipRects(int width) const;

    QStringList m_labels;
};

} // namespace studio
