#include "ContractOption.h"

namespace studio::cli {

const char *const kContractHelp =
    "  --contract NAME       the app whose contract applies: plugins-2024 (the plugin index\n"
    "                        the guide describes) or apps-2026 (today's apps); default: told\n"
    "                        by the document (an index or an entry with id and deleted:\n"
    "                        plugins-2024; an object with a category and no id: apps-2026)\n";

void addContractOption(OptionParser &parser)
{
    parser.addOption({QStringLiteral("contract"), QStringLiteral("Contract."),
                      QStringLiteral("NAME")});
}

const Contract *namedContract(const OptionParser &parser, const CliIo &io, bool *usageError)
{
    if (!parser.isSet(QStringLiteral("contract")))
        return nullptr;
    const QString name = parser.value(QStringLiteral("contract"));
    if (const Contract *contract = Contract::named(name.toStdString()))
        return contract;
    io.fail("--contract must be " + Contract::names().toStdString() + ", not '" +
            name.toStdString() + "'");
    *usageError = true;
    return nullptr;
}

const Contract &contractFor(const Contract *named, const JsonParseResult &document)
{
    return named ? *named : Contract::detect(document);
}

std::string usageWithContract(std::string_view usage)
{
    std::string text(usage);
    text.insert(text.find("  -h, --help"), kContractHelp);
    return text;
}

std::optional<ContractDocument> loadUnderContract(const OptionParser &parser, const CliIo &io)
{
    bool usageError = false;
    const Contract *named = namedContract(parser, io, &usageError);
    if (usageError)
        return std::nullopt;
    std::optional<DocumentInput> input = DocumentInput::load(parser.positional().first(), io);
    if (!input)
        return std::nullopt;
    const Contract *contract = &contractFor(named, input->parsed);
    return ContractDocument{std::move(*input), contract};
}

} // namespace studio::cli
