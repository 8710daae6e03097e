#include "UiTestSupport.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

namespace studio::test {

namespace {

// Polls for the modal box instead of guessing when exec() starts its event loop.
void answerWhenShown(std::function<QAbstractButton *(QMessageBox *)> pick)
{
    auto *timer = new QTimer(qApp);
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, clock, pick] {
        if (clock->elapsed() > 10000) {
            timer->deleteLater();
            return;
        }
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || !box->isVisible())
            return;
        timer->stop();
        timer->deleteLater();
        if (QAbstractButton *button = pick(box))
            button->click();
        else
            box->reject();
    });
    timer->start();
}

} // namespace

IsolatedHome::IsolatedHome()
{
    qputenv("HOME", m_dir.path().toUtf8());
    qputenv("XDG_CONFIG_HOME", (m_dir.path() + QStringLiteral("/config")).toUtf8());
    qputenv("XDG_DATA_HOME", (m_dir.path() + QStringLiteral("/data")).toUtf8());
    QStandardPaths::setTestModeEnabled(true);
}

void whenModalShown(std::function<bool(QWidget *)> act)
{
    auto *timer = new QTimer(qApp);
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, clock, act] {
        QWidget *modal = QApplication::activeModalWidget();
        if (clock->elapsed() > 10000 || (modal && modal->isVisible() && act(modal))) {
            timer->stop();
            timer->deleteLater();
        }
    });
    timer->start();
}

void answerNextMessageBox(QMessageBox::StandardButton button)
{
    answerWhenShown([button](QMessageBox *box) { return box->button(button); });
}

void answerNextMessageBox(const QString &buttonText)
{
    answerWhenShown([buttonText](QMessageBox *box) -> QAbstractButton * {
        for (QAbstractButton *button : box->buttons()) {
            if (button->text() == buttonText)
                return button;
        }
        return nullptr;
    });
}

QString copySampleRepository(const QString &folder)
{
    const QString samples = QStringLiteral(STUDIO_SAMPLES_DIR "/repo");
    QDirIterator files(samples, QDir::Files, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString source = files.next();
        const QString target = folder + u'/' + QDir(samples).relativeFilePath(source);
        QDir().mkpath(QFileInfo(target).absolutePath());
        QFile::copy(source, target);
        QFile::setPermissions(target, QFile::permissions(target) | QFileDevice::WriteOwner);
    }
    return folder;
}

bool showActive(QWidget *window)
{
    window->show();
    if (!QTest::qWaitForWindowExposed(window))
        return false;
    window->activateWindow();
    QApplication::setActiveWindow(window);
    return QTest::qWaitForWindowActive(window);
}

} // namespace studio::test
