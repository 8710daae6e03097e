#pragma once

#include <QMessageBox>
#include <QString>
#include <QTemporaryDir>

#include <functional>

class QWidget;

namespace studio::test {

// Points HOME and the XDG folders at a fresh temporary folder and turns on
// QStandardPaths' test mode, so settings, recovery files and sample copies of the test
// never touch the user's own. Create it before anything reads a setting.
class IsolatedHome
{
public:
    IsolatedHome();
    QString path() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
};

// Answers the next modal message box that opens (within a few seconds) by pressing the
// button with `button`, or, for custom buttons, with the text `buttonText`.
void answerNextMessageBox(QMessageBox::StandardButton button);
void answerNextMessageBox(const QString &buttonText);

// Calls `act` with the active modal dialog each time it polls, until `act` returns true
// (it has done its part, e.g. clicked a button that became enabled).
void whenModalShown(std::function<bool(QWidget *)> act);

// Copies samples/repo into `folder` (a plugin repository the test may change).
QString copySampleRepository(const QString &folder);

// Shows the window and makes it the active one, so focus and shortcuts work offscreen.
bool showActive(QWidget *window);

} // namespace studio::test
