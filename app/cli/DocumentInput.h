#pragma once

#include "CliIo.h"
#include "contract/Contract.h"
#include "json/JsonParser.h"

#include <QString>

#include <optional>
#include <string>

namespace studio::cli {

// A document named on the command line, read and parsed. A folder stands for the
// community-plugins.json inside it.
struct DocumentInput
{
    QString path;        // the file actually read
    std::string display; // the path as the user gave it, for messages
    std::string text;
    JsonParseResult parsed;

    static std::optional<DocumentInput> load(const QString &argument, const CliIo &io);
};

// The repository root for file checks: --repo if given (it must be a folder), else the
// folder of an index, else the nearest folder above a manifest holding an index.
std::optional<QString> repositoryRootFor(const DocumentInput &input, const QString &repoOption,
                                         const CliIo &io, bool &usageError);

// Where the document's files are looked up under `contract`: the repository root above for
// an indexed contract (repositoryRootFor), else the document's own folder.
std::optional<QString> filesRootFor(const Contract &contract, const DocumentInput &input,
                                    const QString &repoOption, const CliIo &io, bool &usageError);

} // namespace studio::cli
