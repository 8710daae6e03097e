#pragma once

#include <QImage>
#include <QWidget>

namespace studio {

// A logo as the store shows it: cropped to a circle, or the neutral placeholder disc when
// there is no image.
class RoundLogoPreview : public QWidget
{
    Q_OBJECT

public:
    explicit RoundLogoPreview(int diameter, QWidget *parent = nullptr);

    void setImage(const QImage &image);
    QSize sizeHint() const override { return {m_diameter, m_diameter}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    int m_diameter;
    QImage m_image;
};

} // namespace studio
