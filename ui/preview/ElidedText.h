#pragma once

#include <QWidget>

#include <array>

namespace studio {

// Text wrapped over at most `maxLines` lines, the last one ending in "…" when the text is
// longer, as the app's Text(maxLines: n) shows it. Paints with its foreground role.
class ElidedText : public QWidget
{
    Q_OBJECT

public:
    explicit ElidedText(int maxLines, QWidget *parent = nullptr);

    void setText(const QString &text);
    const QString &text() const { return m_text; }
    // Whether the last line shown had to be cut at the current width.
    bool isElided() const;

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Lines
    {
        QStringList lines;
        bool elided = false;
    };
    const Lines &layoutLines(int width) const;

    int m_maxLines;
    QString m_text;
    // One relayout asks for the same few widths again and again; cleared on text or font
    // changes.
    struct CachedLayout
    {
        int width = -1;
        Lines lines;
    };
    mutable std::array<CachedLayout, 8> m_cache;
    mutable std::size_t m_next = 0;
};

} // namespace studio
