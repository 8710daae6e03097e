#include "StudioApplication.h"

#include <QApplication>
#include <QLabel>
#include <QMainWindow>

namespace studio {

int runStudio(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Plugin Studio"));
    QApplication::setOrganizationName(QStringLiteral("Plugin Studio"));
    QApplication::setApplicationVersion(QStringLiteral(STUDIO_VERSION));

    QMainWindow window;
    window.setWindowTitle(QStringLiteral("Plugin Studio"));
    window.setCentralWidget(new QLabel(QStringLiteral("Plugin Studio"), &window));
    window.resize(1280, 800);
    window.show();
    return QApplication::exec();
}

} // namespace studio
