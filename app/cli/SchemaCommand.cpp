#include "AppJsonSchema.h"
#include "Commands.h"
#include "ContractOption.h"
#include "OptionParser.h"

#include <QFile>

namespace studio::cli {

namespace {

constexpr std::string_view kUsage =
    "Usage: plugin-studio schema [--contract plugins-2024|apps-2026] [--index]\n\n"
    "Prints the JSON Schema of a document, for editors and other validators. It refers to\n"
    "nothing outside itself. It holds the errors a schema can express; validate adds the\n"
    "warnings and the checks of files, images and the whole index.\n\n"
    "Options:\n"
    "  --contract NAME       plugins-2024 (default: a plugin manifest, an entry of\n"
    "                        community-plugins.json) or apps-2026 (an app, app_data.json)\n"
    "  --index               the whole community-plugins.json (plugins-2024 only)\n"
    "  -h, --help            show this help\n\n"
    "Exit status: 0 printed, 2 usage error.\n";

// The schemas kept as files in resources/schema (the index's generated from the manifest's
// at build time), built into the executable.
std::string resourceSchema(const char *name)
{
    QFile file(QStringLiteral(":/schema/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll().toStdString();
}

} // namespace

int runSchema(const QStringList &arguments, const CliIo &io)
{
    OptionParser options(kUsage);
    addContractOption(options);
    options.addFlag(QStringLiteral("index"), QStringLiteral("The whole index."));
    if (const auto exit = options.parse(arguments, io, 0, 0))
        return *exit;
    bool usageError = false;
    const Contract *named = namedContract(options, io, &usageError);
    if (usageError)
        return kUsageError;
    const bool index = options.isSet(QStringLiteral("index"));
    if (named && named->name() == "apps-2026") {
        if (index)
            return io.fail("--index: apps-2026 has no index; an app is one document");
        io.out << appJsonSchema();
        return kSuccess;
    }
    const std::string schema =
        resourceSchema(index ? "community-plugins.schema.json" : "plugin-manifest.schema.json");
    if (schema.empty())
        return io.fail("the schema is missing from this build");
    io.out << schema;
    return kSuccess;
}

} // namespace studio::cli
