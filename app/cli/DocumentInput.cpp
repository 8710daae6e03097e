#include "DocumentInput.h"

#include "repository/RepositoryFiles.h"
#include "io/TextFile.h"

#include <QDir>
#include <QFileInfo>

namespace studio::cli {

std::optional<DocumentInput> DocumentInput::load(const QString &argument, const CliIo &io)
{
    DocumentInput input;
    input.path = argument;
    input.display = argument.toStdString();
    const QFileInfo info(argument);
    if (info.isDir()) {
        const QString index =
            QDir(argument).filePath(QString::fromLatin1(RepositoryFiles::kIndexFileName));
        if (!QFileInfo(index).isFile()) {
            io.fail("'" + input.display +
                    "' is a directory without a community-plugins.json; "
                    "give a manifest or an index file");
            return std::nullopt;
        }
        input.path = index;
        input.display = index.toStdString();
    }
    TextFileRead read = TextFile::read(input.path);
    if (!read.ok) {
        io.fail(read.error);
        return std::nullopt;
    }
    input.text = std::move(read.bytes);
    input.parsed = parseJson(input.text);
    return input;
}

std::optional<QString> repositoryRootFor(const DocumentInput &input, const QString &repoOption,
                                         const CliIo &io, bool &usageError)
{
    usageError = false;
    if (!repoOption.isEmpty()) {
        if (!QFileInfo(repoOption).isDir()) {
            io.fail("--repo '" + repoOption.toStdString() + "' is not a directory");
            usageError = true;
            return std::nullopt;
        }
        return QDir(repoOption).absolutePath();
    }
    if (input.parsed.ok() && input.parsed.value.is_array())
        return QFileInfo(input.path).absolutePath();
    return RepositoryFiles::findRootAbove(input.path);
}

} // namespace studio::cli

namespace studio::cli {

std::optional<QString> filesRootFor(const Contract &contract, const DocumentInput &input,
                                    const QString &repoOption, const CliIo &io, bool &usageError)
{
    if (contract.indexed())
        return repositoryRootFor(input, repoOption, io, usageError);
    usageError = false;
    return QFileInfo(input.path).absolutePath();
}

} // namespace studio::cli
