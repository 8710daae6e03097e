#include "StudioApplication.h"

#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>

namespace studio {

int runStudio(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Plugin Studio"));
    QApplication::setOrganizationName(QStringLiteral("Plugin Studio"));
    QApplication::setApplicationVersion(QStringLiteral(STUDIO_VERSION));
    // The installed desktop entry's name (packaging/linux): Wayland compositors and docks
    // match the window to its entry, icon and name by it.
    QApplication::setDesktopFileName(QStringLiteral("io.github.plugin_studio.PluginStudio"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Plugin Studio"));
    parser.addPositionalArgument(
        QStringLiteral("path"),
        QStringLiteral("A plugin repository folder, a community-plugins.json or a manifest file."),
        QStringLiteral("[PATH]"));
    parser.process(app);
    const QStringList paths = parser.positionalArguments();

    MainWindow window;
    window.show();
    window.start(paths.isEmpty() ? QString() : paths.first());
    return QApplication::exec();
}

} // namespace studio
