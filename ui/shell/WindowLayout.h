#pragma once

#include "settings/StudioSettings.h"

#include <QObject>

#include <functional>

class QDockWidget;
class QMainWindow;
class QSplitter;
class QTabWidget;

namespace studio {

// How the window's panels share its size. Below kNarrowWidth (a 1024x640 screen, half of a
// large one) three columns do not fit: the store preview and the image join the entries'
// column as tabs, and the problems get a larger share of the height. Wider, they have their
// own column on the right. What the user makes of either arrangement (docks moved, resized,
// closed; the form and text split) is kept for its width, and comes back when the window
// crosses the threshold again or the studio starts at that width.
class WindowLayout : public QObject
{
    Q_OBJECT

public:
    static constexpr int kNarrowWidth = 1280;

    struct Docks
    {
        QDockWidget *entries = nullptr;
        QDockWidget *preview = nullptr;
        QDockWidget *image = nullptr;
        QDockWidget *problems = nullptr;
    };

    WindowLayout(QMainWindow &window, QSplitter &formAndText, Docks docks,
                 StudioSettings &settings);

    static LayoutWidth widthFor(int pixels);
    // The tabs ask for the room of the page shown, not of the largest one: a page that
    // needs much (Simulate) does not squeeze the problems below the form on a short screen.
    static void sizeToCurrentPage(QTabWidget &tabs);
    // Sizes the window by `sizeWindow` and gives it the arrangement saved for its width,
    // else the default one; from then on it follows the window's width. Call once every
    // dock exists.
    void restore(const std::function<void()> &sizeWindow);
    // Keeps the arrangement of the width the window has now.
    void save();
    LayoutWidth width() const { return m_width; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // After the window or a dock changed: the arrangement for the width, its default sizes.
    void settle();
    void apply(LayoutWidth width);
    void placeDocks();
    void sizeDocks();
    void splitFormAndText();

    QMainWindow &m_window;
    QSplitter &m_splitter;
    Docks m_docks;
    StudioSettings &m_settings;
    LayoutWidth m_width = LayoutWidth::Wide;
    bool m_settlePending = false;
    bool m_sizeDocks = false;   // the default arrangement waits for its sizes
    bool m_splitEvenly = false; // so does the default split of form and text
    // The arrangement as it last settled: what the width that is left keeps.
    QByteArray m_lastState;
    QByteArray m_lastSplit;
};

} // namespace studio
