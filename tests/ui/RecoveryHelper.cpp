// A studio that edits and then waits to be killed, for tst_recovery: it opens PATH in
// the real window, types TEXT at the end of the name field, and prints "ready" once the
// autosave has written the recovery file.
#include "form/ManifestForm.h"
#include "project/DocumentSession.h"
#include "project/RecoveryStore.h"
#include "shell/MainWindow.h"

#include <QApplication>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTest>

#include <iostream>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Plugin Studio"));
    QApplication::setOrganizationName(QStringLiteral("Plugin Studio"));
    QStandardPaths::setTestModeEnabled(true);
    if (argc != 3) {
        std::cerr << "usage: recovery_helper PATH TEXT\n";
        return 2;
    }
    studio::MainWindow window;
    window.show();
    const QString error = window.session()->openPath(QString::fromLocal8Bit(argv[1]));
    if (!error.isEmpty()) {
        std::cerr << error.toStdString() << '\n';
        return 2;
    }
    QObject::connect(window.recovery(), &studio::RecoveryStore::written, &app,
                     [](const QString &path) {
                         if (!path.isEmpty())
                             std::cout << "ready " << path.toStdString() << std::endl;
                     });
    auto *name = qobject_cast<QLineEdit *>(window.form()->fieldWidget("/name"));
    name->end(false);
    QTest::keyClicks(name, QString::fromLocal8Bit(argv[2]));
    return QApplication::exec();
}
