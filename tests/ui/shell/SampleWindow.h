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
    // False when the copy cannot be opened or the window shown.
    bool open()
    {
        QSettings().clear();
        m_repository = std::make_unique<QTemporaryDir>();
        copySampleRepository(m_repository->path());
        m_window = std::make_unique<MainWindow>();
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
