#pragma once

#include <QLabel>

class QTextLayout;

#include <array>

namespace studio {

// A word-wrapped label that remembers its height for the last few widths. QLabel lays the
// whole text out again on every heightForWidth call, and one relayout of the scrolling
// preview asks for five or six widths per label: with long prompts that cost ~10 ms a
// keystroke. Plain text breaks inside a word wider than the line, as the app's does,
// where QLabel would cut it off (a long name beside the logo in a narrow preview).
class WrappingLabel : public QLabel
{
    Q_OBJECT

public:
    explicit WrappingLabel(QWidget *parent = nullptr);

    int heightForWidth(int width) const override;
    // QLabel wraps the whole text at every word to find its narrowest width; in a column
    // that stretches it to the card's width anyway, a few characters' width is enough.
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    int plainHeight(int width) const;
    qreal layOut(QTextLayout &layout, int width) const;

    struct Entry
    {
        int width = -1;
        int height = 0;
    };

    mutable QString m_cachedText;
    mutable QFont m_cachedFont;
    mutable Qt::TextFormat m_cachedFormat = Qt::AutoText;
    mutable std::array<Entry, 8> m_cache;
    mutable std::size_t m_next = 0;
};

} // namespace studio
