#include "WindowLayout.h"

#include <QDockWidget>
#include <QEvent>
#include <QLayout>
#include <QMainWindow>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>

#include <algorithm>

namespace studio {

namespace {

constexpr int kEntriesWidth = 230;
constexpr int kNarrowSideWidth = 300; // the entries, the store preview's phone, the image
constexpr int kPreviewWidth = 310;
constexpr int kProblemsHeight = 170;

} // namespace

WindowLayout::WindowLayout(QMainWindow &window, QSplitter &formAndText, Docks docks,
                           StudioSettings &settings)
    : QObject(&window)
    , m_window(window)
    , m_splitter(formAndText)
    , m_docks(docks)
    , m_settings(settings)
{
}

LayoutWidth WindowLayout::widthFor(int pixels)
{
    return pixels < kNarrowWidth ? LayoutWidth::Narrow : LayoutWidth::Wide;
}

void WindowLayout::sizeToCurrentPage(QTabWidget &tabs)
{
    const auto follow = [&tabs] {
        for (int i = 0; i < tabs.count(); ++i) {
            const auto policy = i == tabs.currentIndex() ? QSizePolicy::Preferred
                                                         : QSizePolicy::Ignored;
            tabs.widget(i)->setSizePolicy(policy, policy);
        }
    };
    QObject::connect(&tabs, &QTabWidget::currentChanged, &tabs, follow);
    follow();
}

void WindowLayout::restore(const std::function<void()> &sizeWindow)
{
    // The docks' places decide how small the window may be: it is sized with them in their
    // narrow places, then they go where its width wants them, their saved sizes applied at
    // the size the window has.
    m_width = LayoutWidth::Narrow;
    placeDocks();
    m_window.layout()->activate();
    // The window's narrowest is that of the narrow arrangement, whatever the arrangement of
    // the moment: a window snapped from a large screen to a small one in one step is not
    // held at the three columns' minimum until the docks move.
    m_window.setMinimumWidth(m_window.minimumSizeHint().width());
    sizeWindow();
    apply(widthFor(m_window.width()));
    m_window.layout()->activate();
    m_window.installEventFilter(this);
    for (QDockWidget *dock : {m_docks.entries, m_docks.preview, m_docks.image, m_docks.problems})
        dock->installEventFilter(this);
}

void WindowLayout::save()
{
    m_settings.setWindowState(m_window.saveState(), m_width);
    m_settings.setSplitterState(m_splitter.saveState(), m_width);
}

bool WindowLayout::eventFilter(QObject *watched, QEvent *event)
{
    const bool shown = event->type() == QEvent::Show || event->type() == QEvent::Hide;
    // A dock closed or opened belongs to the arrangement of the width it happened at, even
    // when the window crosses over before the next settle (not while the window goes).
    if (shown && watched != &m_window && m_window.isVisible() &&
        widthFor(m_window.width()) == m_width)
        m_lastState = m_window.saveState();
    if ((shown || event->type() == QEvent::Resize) && !m_settlePending) {
        // Not inside the resize itself: the docks move once the window has its size.
        m_settlePending = true;
        QTimer::singleShot(0, this, &WindowLayout::settle);
    }
    return QObject::eventFilter(watched, event);
}

void WindowLayout::settle()
{
    m_settlePending = false;
    const LayoutWidth width = widthFor(m_window.width());
    if (width != m_width) {
        // Kept as it was before the window crossed over: squeezed into the new width, the
        // docks have lost the sizes the user gave them. Never shown: nothing to keep.
        if (!m_lastState.isEmpty()) {
            m_settings.setWindowState(m_lastState, m_width);
            m_settings.setSplitterState(m_lastSplit, m_width);
        }
        m_lastState.clear();
        m_lastSplit.clear();
        apply(width);
    }
    if (!m_window.isVisible())
        return; // sizes are only known once shown
    // Lay the docks out where they are now before measuring.
    m_window.layout()->activate();
    if (m_sizeDocks) {
        m_sizeDocks = false;
        sizeDocks();
        m_window.layout()->activate();
    }
    if (m_splitEvenly) {
        m_splitEvenly = false;
        splitFormAndText();
    }
    m_lastState = m_window.saveState();
    m_lastSplit = m_splitter.saveState();
}

void WindowLayout::apply(LayoutWidth width)
{
    m_width = width;
    const QByteArray state = m_settings.windowState(width);
    if (state.isEmpty() || !m_window.restoreState(state)) {
        placeDocks();
        m_sizeDocks = true;
    }
    const QByteArray split = m_settings.splitterState(width);
    m_splitEvenly = split.isEmpty() || !m_splitter.restoreState(split);
}

// The default places of the docks for the width; docks the user closed stay closed.
void WindowLayout::placeDocks()
{
    const bool previewHidden = m_docks.preview->isHidden();
    const bool imageHidden = m_docks.image->isHidden();
    if (m_width == LayoutWidth::Narrow) {
        m_window.addDockWidget(Qt::LeftDockWidgetArea, m_docks.preview);
        m_window.tabifyDockWidget(m_docks.entries, m_docks.preview);
        m_window.tabifyDockWidget(m_docks.preview, m_docks.image);
        m_docks.entries->raise();
    } else {
        m_window.addDockWidget(Qt::RightDockWidgetArea, m_docks.preview);
        m_window.addDockWidget(Qt::RightDockWidgetArea, m_docks.image);
        m_window.tabifyDockWidget(m_docks.preview, m_docks.image);
        m_docks.preview->raise();
    }
    m_docks.preview->setHidden(previewHidden);
    m_docks.image->setHidden(imageHidden);
}

// The default sizes of the docks for the width, once the window has its size.
void WindowLayout::sizeDocks()
{
    const int height = m_window.height();
    if (m_width == LayoutWidth::Narrow) {
        m_window.resizeDocks({m_docks.entries}, {kNarrowSideWidth}, Qt::Horizontal);
        // The problems list shows a useful number of rows even on a short screen.
        m_window.resizeDocks({m_docks.problems}, {std::max(kProblemsHeight, height * 36 / 100)},
                             Qt::Vertical);
    } else {
        // A large screen gives the entries room for their ids and authors too.
        const int entries = std::clamp(m_window.width() * 3 / 20, kEntriesWidth, 300);
        m_window.resizeDocks({m_docks.entries, m_docks.preview}, {entries, kPreviewWidth},
                             Qt::Horizontal);
        m_window.resizeDocks({m_docks.problems},
                             {std::max(kProblemsHeight, height * 28 / 100)}, Qt::Vertical);
    }
}

// Form and text share the centre equally, unless the form would then scroll sideways while
// the text could give it room; the text never narrower than its minimum (a key line
// unbroken).
void WindowLayout::splitFormAndText()
{
    if (m_splitter.count() < 2)
        return;
    const int total = m_splitter.width() - m_splitter.handleWidth();
    const int formWants = m_splitter.widget(0)->sizeHint().width();
    const int text = std::max(std::min(total / 2, total - formWants),
                              m_splitter.widget(1)->minimumSizeHint().width());
    m_splitter.setSizes({total - text, text});
}

} // namespace studio
