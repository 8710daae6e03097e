#include "CliCommand.h"

#include "document/DocumentSource.h"
#include "io/ShellQuoting.h"
#include "manifest/PluginManifest.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QStandardPaths>
#include <QStringList>

namespace studio {

namespace {

QString joined(const QStringList &arguments)
{
    QStringList words{CliCommand::program()};
    for (const QString &argument : arguments)
        words << CliCommand::quoted(argument);
    return words.join(u' ');
}

} // namespace

QString CliCommand::validate(const DocumentSource &source)
{
    if (source.filePath.isEmpty())
        return {};
    QStringList arguments{QStringLiteral("validate"), source.filePath};
    if (source.kind == DocumentSource::Kind::ManifestFile && source.hasRepository())
        arguments << QStringLiteral("--repo") << source.repositoryRoot;
    return joined(arguments);
}

QString CliCommand::simulate(const DocumentSource &source, const PluginManifest &manifest,
                             const QString &sampleTranscript)
{
    if (source.filePath.isEmpty() || !manifest.externalIntegration)
        return {};
    const std::string &trigger = manifest.externalIntegration->triggersOn;
    QStringList arguments{QStringLiteral("simulate")};
    if (trigger == "memory_creation")
        arguments << QStringLiteral("memory");
    else if (trigger == "transcript_processed" && !sampleTranscript.isEmpty())
        arguments << QStringLiteral("transcript");
    else
        return {};
    arguments << QStringLiteral("--manifest") << source.filePath;
    if (source.isIndexEntry()) {
        // A new entry is looked up by the id it will be saved with.
        const std::string id = source.entryId.value_or(manifest.id);
        if (id.empty())
            return {};
        arguments << QStringLiteral("--entry") << QString::fromStdString(id);
    }
    if (arguments.at(1) == u"transcript")
        arguments << QStringLiteral("--transcript") << sampleTranscript << QStringLiteral("--fast");
    return joined(arguments);
}

QString CliCommand::program()
{
    const QString self = QCoreApplication::applicationFilePath();
    if (QFileInfo(self).fileName() != u"plugin-studio")
        return QStringLiteral("plugin-studio");
    const QString onPath = QStandardPaths::findExecutable(QStringLiteral("plugin-studio"));
    if (!onPath.isEmpty() &&
        QFileInfo(onPath).canonicalFilePath() == QFileInfo(self).canonicalFilePath())
        return QStringLiteral("plugin-studio");
    return quoted(self);
}

QString CliCommand::quoted(const QString &argument)
{
    return shellQuoted(argument);
}

} // namespace studio
