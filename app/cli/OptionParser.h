#pragma once

#include "CliIo.h"

#include <QCommandLineParser>

#include <optional>

namespace studio::cli {

// QCommandLineParser with the CLI's conventions: `--help` prints the command's own usage
// text and exits 0; an unknown option or a missing value is a usage error (exit 2).
class OptionParser
{
public:
    OptionParser(std::string_view usage);

    void addOption(const QCommandLineOption &option) { m_parser.addOption(option); }
    void addFlag(const QString &name, const QString &description);

    // Returns an exit code when the command must stop here (help shown, or usage error).
    std::optional<int> parse(const QStringList &arguments, const CliIo &io, int minPositional,
                             int maxPositional);

    const QCommandLineParser &parser() const { return m_parser; }
    bool isSet(const QString &name) const { return m_parser.isSet(name); }
    QString value(const QString &name) const { return m_parser.value(name); }
    QStringList positional() const { return m_parser.positionalArguments(); }

    // --format text|json, text by default.
    void addTextOrJsonFormat();
    // Whether --format asks for json; nullopt (and a usage message) when it is neither.
    std::optional<bool> jsonFormat(const CliIo &io) const;

    // Parses an option's value as a number; nullopt (and a usage message) when it is not one.
    std::optional<double> number(const QString &name, const CliIo &io, double minimum) const;

private:
    QCommandLineParser m_parser;
    std::string m_usage;
};

} // namespace studio::cli
