#include "Cli.h"

#include "Commands.h"
#include "buildinfo/BuildInfo.h"

#include <QFileInfo>

#include <array>

namespace studio::cli {

namespace {

constexpr std::array kCommands{
    Command{"validate", "check a manifest or a whole community-plugins.json", runValidate},
    Command{"export", "write an entry's submission JSON or an app's app_data.json and logo",
            runExport},
    Command{"migrate", "make an entry of the 2024 plugin index into an app (apps-2026)",
            runMigrate},
    Command{"simulate", "call a plugin's webhook as the app does (memory or transcript)",
            runSimulate},
    Command{"load", "many users of the app calling a plugin at once, with latency and errors",
            runLoad},
    Command{"check-setup", "ask a plugin whether a user finished its setup, as the app does",
            runCheckSetup},
    Command{"runs", "list, show, export, rerun or delete the runs kept in the history", runRuns},
    Command{"serve", "run the built-in plugins locally, to simulate before deploying", runServe},
    Command{"listen", "record what the real app sends, as fixtures to replay", runListen},
    Command{"emulate-api", "run the app's integration API locally, for an app's calls back",
            runEmulateApi},
    Command{"schema", "print the JSON Schema of a manifest, the index or an app, for editors",
            runSchema},
    Command{"tools", "check an app's chat tools manifest, call a tool as the chat does",
            runTools},
    Command{"verify-signature", "tell whether a signed webhook (X-Omi-Signature) verifies",
            runVerifySignature},
};

void printUsage(std::ostream &out)
{
    out << "Usage: plugin-studio [PATH]            open the studio (on a repository or manifest)\n"
           "       plugin-studio COMMAND [OPTIONS]  run headless\n"
           "       plugin-studio --version          print the version and the git commit built\n\n"
           "Commands:\n";
    for (const auto &command : kCommands) {
        out << "  " << command.name;
        for (std::size_t i = command.name.size(); i < 18; ++i)
            out << ' ';
        out << command.summary << '\n';
    }
    out << "\nRun 'plugin-studio COMMAND --help' for a command's options.\n"
           "Exit status: 0 no errors, 1 errors found, 2 usage error or unreadable input.\n";
}

const Command *findCommand(const QString &name)
{
    for (const auto &command : kCommands) {
        if (name == QLatin1String(command.name.data(), static_cast<qsizetype>(command.name.size())))
            return &command;
    }
    return nullptr;
}

} // namespace

bool isCommandLineInvocation(const QStringList &arguments)
{
    if (arguments.isEmpty())
        return false;
    const QString &first = arguments.first();
    // A command word is always a command, even when a file of that name sits in the current
    // folder ('./validate' opens it). Options are the CLI's too.
    if (findCommand(first) || first == u"help" || first.startsWith(u'-'))
        return true;
    // The studio opens paths that exist; anything else is a mistyped command that deserves
    // the CLI's error rather than a window.
    return !QFileInfo::exists(first);
}

int run(const QStringList &arguments, std::ostream &out, std::ostream &err)
{
    const CliIo io{out, err};
    if (arguments.isEmpty() || arguments.first() == u"help" || arguments.first() == u"--help" ||
        arguments.first() == u"-h") {
        printUsage(out);
        return kSuccess;
    }
    if (arguments.first() == u"--version" || arguments.first() == u"-v") {
        out << "plugin-studio " << build_info::version() << " (" << build_info::commit() << ")\n";
        return kSuccess;
    }
    const Command *command = findCommand(arguments.first());
    if (!command) {
        printUsage(err);
        return io.fail("unknown command '" + arguments.first().toStdString() + "'");
    }
    return command->run(arguments.mid(1), io);
}

} // namespace studio::cli
