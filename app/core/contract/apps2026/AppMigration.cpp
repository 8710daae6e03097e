#include "AppMigration.h"

#include "AppJson.h"
#include "AppSchema.h"
#include "image/ImageFacts.h"
#include "repository/RepositoryFiles.h"

#include <algorithm>
#include <cctype>

namespace studio {

namespace {

using manifest_schema::Field;
using manifest_schema::FieldRole;

bool hasRole(const Field *field, FieldRole role)
{
    return field && field->role == role;
}

// Why a member of a 2024 entry has no place in an app, or empty when it keeps its place.
std::string whyRemoved(std::span<const Field> pluginFields, std::span<const Field> appFields,
                       std::string_view key)
{
    const Field *plugin = manifest_schema::findField(pluginFields, key);
    const Field *app = manifest_schema::findField(appFields, key);
    if (hasRole(app, FieldRole::ServerOwned) || hasRole(plugin, FieldRole::ServerOwned))
        return "the server owns it";
    if (hasRole(plugin, FieldRole::Legacy) && !app)
        return "a legacy field the app has ignored since mid-July 2024";
    return {};
}

std::string topLevelReason(std::string_view key)
{
    if (key == "id")
        return "the server assigns one (a ULID) when it creates the app";
    if (key == "deleted")
        return "the server disables apps instead (disabled, disabled_reason)";
    return whyRemoved(manifest_schema::topLevelFields(), app_schema::topLevelFields(), key);
}

std::string joined(std::span<const std::string_view> values)
{
    std::string text;
    for (const auto value : values)
        text += (text.empty() ? "" : ", ") + std::string(value);
    return text;
}

void addCategory(Json &app, std::vector<std::string> &changes)
{
    if (app.contains("category"))
        return;
    const std::string_view placeholder = app_schema::categories().back(); // "other"
    app["category"] = placeholder;
    changes.push_back(
        "added 'category': \"" + std::string(placeholder) +
        "\": choose one (the 2024 index had none): " + joined(app_schema::categories()));
}

std::string logoName(const std::string &repositoryPath)
{
    std::string extension = pathExtension(repositoryPath);
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return extension.empty() ? "logo" : "logo." + extension;
}

void migrateLogo(Json &app, const std::optional<QString> &root, AppMigration &migration)
{
    const auto image = app.find("image");
    if (image == app.end() || !image->is_string())
        return; // the app's validation says what is missing
    const std::string path = image->get<std::string>();
    if (const std::string problem = RepositoryFiles::pathProblem(path); !problem.empty()) {
        migration.changes.push_back("image: '" + path + "' is not a repository path (" + problem +
                                    "): put the logo beside " + AppMigration::kAppFileName +
                                    " and give its file name");
        return;
    }
    const std::string name = logoName(path);
    *image = name;
    const std::string change = "image: " + path + " -> " + name;
    const std::string putItThere =
        ": put the logo beside " + std::string(AppMigration::kAppFileName);
    if (!root) {
        migration.changes.push_back(change +
                                    " (not copied: no community-plugins.json above "
                                    "the manifest to find it from)" +
                                    putItThere);
        return;
    }
    const RepositoryFiles repository(*root);
    if (!repository.isFile(path)) {
        const auto near = repository.nearestExisting(path);
        migration.changes.push_back(change + " (not copied: it does not exist in the repository" +
                                    (near ? "; did you mean '" + *near + "'?" : "") + ")" +
                                    putItThere);
        return;
    }
    migration.files.push_back({QString::fromStdString(name), {}, repository.absolutePath(path)});
    migration.changes.push_back(change + " (copied)");
}

void migrateIntegration(Json &app, const std::optional<QString> &root,
                        std::vector<std::string> &changes)
{
    const auto integration = app.find("external_integration");
    if (integration == app.end() || !integration->is_object())
        return;
    app_json::removeMembers(
        *integration, "external_integration.", "removed",
        [](std::string_view key) {
            return whyRemoved(manifest_schema::externalIntegrationFields(),
                              app_schema::externalIntegrationFields(), key);
        },
        changes);
    const auto instructions = integration->find("setup_instructions_file_path");
    if (instructions == integration->end() || !instructions->is_string())
        return;
    const std::string path = instructions->get<std::string>();
    if (!path.starts_with('/'))
        return; // a URL already, or blank: an app takes either
    std::string change = "external_integration.setup_instructions_file_path: '" + path +
                         "' is a repository path, kept: publish the instructions and give "
                         "their URL (an app has no repository to read them from)";
    if (root && RepositoryFiles::pathProblem(path).empty() && RepositoryFiles(*root).isFile(path))
        change += "; the file is " + RepositoryFiles(*root).absolutePath(path).toStdString();
    changes.push_back(change);
}

void noteUnknown(const Json &app, std::vector<std::string> &changes)
{
    for (const auto &[key, value] : app.items())
        if (!manifest_schema::findField(app_schema::topLevelFields(), key))
            changes.push_back("kept '" + key +
                              "': apps do not know it (a typo, or one to remove?)");
}

} // namespace

AppMigration AppMigration::fromPluginEntry(const Json &entry,
                                           const std::optional<QString> &repositoryRoot)
{
    AppMigration migration;
    if (!entry.is_object())
        return migration; // not an entry: nothing to migrate
    Json app = entry;
    app_json::removeMembers(app, "", "removed", topLevelReason, migration.changes);
    addCategory(app, migration.changes);
    migrateLogo(app, repositoryRoot, migration);
    migrateIntegration(app, repositoryRoot, migration.changes);
    noteUnknown(app, migration.changes);
    migration.app = app_json::canonical(app);
    migration.files.push_back(
        {QString::fromLatin1(kAppFileName), app_json::documentText(migration.app), {}});
    return migration;
}

} // namespace studio
