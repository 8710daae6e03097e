#pragma once

#include "LogoImage.h"

#include <QPixmap>
#include <QWidget>

namespace studio {

// A plugin logo cropped to a circle as the store shows it, or the store's placeholder (a
// neutral circle with a picture icon) with the reason in its tooltip.
class LogoAvatar : public QWidget
{
    Q_OBJECT

public:
    explicit LogoAvatar(int diameter, QWidget *parent = nullptr);

    void setLogo(const LogoImage &logo);
    LogoImage::State state() const { return m_logo.state; }
    const LogoImage &logo() const { return m_logo; }

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void paintPlaceholder(QPainter &painter, const QRectF &circle) const;
    const QPixmap &croppedPixmap();

    int m_diameter;
    LogoImage m_logo;
    QPixmap m_cropped; // the logo scaled to cover the circle, at the screen's pixel ratio
};

} // namespace studio
