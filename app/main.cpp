#include "Cli.h"
#include "CliIo.h"

#include <QCoreApplication>

#include <iostream>

#ifdef STUDIO_WITH_GUI
#include "shell/StudioApplication.h"
#endif

// One executable: a command runs headless (no display needed); anything else opens the studio.
int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);

    if (studio::cli::isCommandLineInvocation(arguments)) {
        QCoreApplication app(argc, argv);
        // The studio window's identity (StudioApplication), so both find one data folder and
        // share the run history.
        QCoreApplication::setOrganizationName(QStringLiteral("Plugin Studio"));
        QCoreApplication::setApplicationName(QStringLiteral("Plugin Studio"));
        return studio::cli::run(arguments, std::cout, std::cerr);
    }
#ifdef STUDIO_WITH_GUI
    // Set but empty counts as unset: Qt aborts on an empty platform name.
    const bool hasDisplay = !qEnvironmentVariableIsEmpty("DISPLAY") ||
                            !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") ||
                            !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
    if (!hasDisplay) {
        std::cerr << "plugin-studio: error: no display to open the studio on; run a command "
                     "headless (see 'plugin-studio --help') or set QT_QPA_PLATFORM=offscreen\n";
        return studio::cli::kUsageError;
    }
    return studio::runStudio(argc, argv);
#else
    std::cerr
        << "plugin-studio: this build has no GUI; run 'plugin-studio --help' for the commands\n";
    return studio::cli::kUsageError;
#endif
}
