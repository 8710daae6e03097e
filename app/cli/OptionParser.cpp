#include "OptionParser.h"

namespace studio::cli {

OptionParser::OptionParser(std::string_view usage)
    : m_usage(usage)
{
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    m_parser.addOption(
        {{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")});
}

void OptionParser::addFlag(const QString &name, const QString &description)
{
    m_parser.addOption({name, description});
}

std::optional<int> OptionParser::parse(const QStringList &arguments, const CliIo &io,
                                       int minPositional, int maxPositional)
{
    QStringList withProgram = arguments;
    withProgram.prepend(QStringLiteral("plugin-studio"));
    if (!m_parser.parse(withProgram)) {
        io.err << m_usage;
        return io.fail(m_parser.errorText().toStdString());
    }
    if (m_parser.isSet(QStringLiteral("help"))) {
        io.out << m_usage;
        return kSuccess;
    }
    const auto count = m_parser.positionalArguments().size();
    if (count < minPositional || count > maxPositional) {
        io.err << m_usage;
        if (count < minPositional)
            return io.fail("missing argument");
        return io.fail("unexpected argument '" +
                       m_parser.positionalArguments().at(maxPositional).toStdString() + "'");
    }
    return std::nullopt;
}

void OptionParser::addTextOrJsonFormat()
{
    m_parser.addOption({QStringLiteral("format"), QStringLiteral("text or json."),
                        QStringLiteral("FORMAT"), QStringLiteral("text")});
}

std::optional<bool> OptionParser::jsonFormat(const CliIo &io) const
{
    const QString format = value(QStringLiteral("format"));
    if (format == u"text" || format == u"json")
        return format == u"json";
    io.fail("--format must be text or json, not '" + format.toStdString() + "'");
    return std::nullopt;
}

std::optional<double> OptionParser::number(const QString &name, const CliIo &io,
                                           double minimum) const
{
    bool ok = false;
    const double value = m_parser.value(name).toDouble(&ok);
    if (!ok || value < minimum) {
        io.fail("--" + name.toStdString() + " expects a number of at least " +
                std::to_string(minimum) + ", not '" + m_parser.value(name).toStdString() + "'");
        return std::nullopt;
    }
    return value;
}

} // namespace studio::cli
