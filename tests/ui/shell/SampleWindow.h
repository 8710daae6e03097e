#pragma once

#include "UiTestSupport.h"
#include "document/DocumentSession.h"
#include "shell/MainWindow.h"

#include <QSettings>
#include <QTemporaryDir>

#include <memory>

namespace studio::test {

// The real window on a fresh copy of the sample repository, shown and active, for the
// shell's widget tests: open() in init(), close() in cleanup(), under an IsolatedHome.
class SampleWindow
{
public:
    // False when the copy cannot be opened or the window shown. A valid `size` is the
    // window's before it is shown, as a screen that size gives it.
    bool open(QSize size = {})
    {
        QSettings().clear();
        m_repository = std::make_unique<QTemporaryDir>();
        copySampleRepository(m_repository->path());
        return reopen(size);
    }
    // A new window on the same copy and settings, as at the studio's next start: the one
    // before is closed first (saving its layout).
    bool reopen(QSize size = {})
    {
        if (m_window)
            m_window->close();
        m_window = std::make_unique<MainWindow>();
        if (size.isValid())
            m_window->resize(size);
        return m_window->session()->openRepository(m_repository->path()).isEmpty() &&
               showActive(m_window.get());
    }
    void close()
    {
        m_window.reset();
        m_repository.reset();
    }

    MainWindow *window() const { return m_window.get(); }
    QString root() const { return m_repository->path(); }

private:
    std::unique_ptr<QTemporaryDir> m_repository;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace studio::test
