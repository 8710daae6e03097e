#include "EntryRules.h"
#include "markdown/InstructionsChecker.h"
#include "markdown/InstructionsFile.h"
#include "repository/RepositoryFiles.h"

#include <algorithm>
#include <cctype>

namespace studio::rules {

namespace {

bool endsWithIgnoringCase(const std::string &text, std::string_view suffix)
{
    if (text.size() < suffix.size())
        return false;
    return std::equal(suffix.begin(), suffix.end(),
                      text.end() - static_cast<std::ptrdiff_t>(suffix.size()), [](char a, char b) {
                          return std::tolower(static_cast<unsigned char>(a)) ==
                                 std::tolower(static_cast<unsigned char>(b));
                      });
}

std::string parentFolderName(const std::string &path)
{
    const auto slash = path.rfind('/');
    if (slash == std::string::npos || slash == 0)
        return {};
    const auto previous = path.rfind('/', slash - 1);
    return path.substr(previous + 1, slash - previous - 1);
}

// The markdown itself, as the app renders it: its findings are located in the markdown.
void checkInstructionsMarkdown(const EntryContext &context, const std::string &path,
                               const std::string &pointer, DiagnosticSink &sink)
{
    const TextFileRead read = InstructionsFile::read(context.repository->absolutePath(path));
    if (!read.ok) {
        // Too big, a folder, no permission: nothing in it can be checked, and it must say so.
        sink.report(RuleId::InstructionsUnreadable, pointer,
                    read.error + "; nothing in the instructions was checked");
        return;
    }
    InstructionsContext instructions;
    instructions.pluginId = context.stringMember("id");
    instructions.instructionsPath = path;
    instructions.repositoryRoot = context.repository->root();
    for (Diagnostic &diagnostic : InstructionsChecker::check(read.bytes, instructions)) {
        diagnostic.pointer = pointer;
        sink.reportInFile(std::move(diagnostic));
    }
}

} // namespace

void checkInstructions(const EntryContext &context, DiagnosticSink &sink)
{
    const Json *integration = context.member("external_integration");
    if (!integration || !integration->is_object())
        return;
    const auto field = integration->find("setup_instructions_file_path");
    if (field == integration->end() || !field->is_string())
        return;
    const auto path = field->get<std::string>();
    if (path.empty())
        return; // no instructions: allowed
    const std::string pointer =
        context.at("external_integration") + "/setup_instructions_file_path";
    if (const auto problem = RepositoryFiles::pathProblem(path); !problem.empty()) {
        sink.report(RuleId::MalformedInstructionsPath, pointer,
                    "malformed instructions path: " + problem);
        return;
    }
    if (!endsWithIgnoringCase(path, ".md") && !endsWithIgnoringCase(path, ".markdown"))
        sink.report(RuleId::InstructionsNotMarkdown, pointer,
                    "the app renders the instructions as markdown; name the file README.md");

    const std::string id = context.stringMember("id");
    const std::string folder = parentFolderName(path);
    if (!id.empty() && folder != id)
        sink.report(RuleId::InstructionsFolderNotId, pointer,
                    "the instructions folder is '" + folder + "' but the id is '" + id +
                        "'; the app resolves relative assets/ links in /plugins/instructions/" +
                        id + "/, so they break. Use /plugins/instructions/" + id + "/README.md");

    if (context.repository && !context.repository->isFile(path)) {
        std::string message =
            "the instructions file '" + path + "' does not exist in the repository";
        const auto near = context.repository->nearestExisting(path);
        if (near)
            message += " (did you mean '" + *near + "'?)";
        sink.report(RuleId::MissingInstructions, pointer, message);
        if (near)
            sink.suggestReplacement("Replace with '" + *near + "'", Json(*near).dump());
        return;
    }
    if (context.repository)
        checkInstructionsMarkdown(context, path, pointer, sink);
}

} // namespace studio::rules
