#include "AppSubmission.h"

#include "AppJson.h"
#include "AppLogo.h"
#include "AppSchema.h"
#include "io/ShellQuoting.h"

#include <QFileInfo>

namespace studio::app_submission {

namespace {

using manifest_schema::Field;
using manifest_schema::FieldRole;

std::string notSubmitted(std::span<const Field> fields, std::string_view key)
{
    const Field *field = manifest_schema::findField(fields, key);
    if (!field)
        return {};
    if (field->role == FieldRole::ServerOwned)
        return "the server owns it";
    if (field->role == FieldRole::OtherContract)
        return "it belongs to the 2024 plugin index";
    return {};
}

// The logo beside the app, when `image` names a file there.
std::optional<QString> logoFile(const Json &app, const QString &folder)
{
    const auto image = app.find("image");
    if (image == app.end() || !image->is_string())
        return std::nullopt;
    return app_logo::fileBeside(image->get<std::string>(), folder);
}

// A path as a word of curl's -F value: double-quoted when curl would otherwise cut it at a
// ';' (a part's type or filename follows) or a ',' (several files), or trim its spaces.
QString curlFormWord(const QString &path)
{
    const bool plain = !path.contains(u';') && !path.contains(u',') && !path.contains(u'"') &&
                       !path.contains(u'\\') && path.trimmed() == path;
    if (plain)
        return path;
    QString escaped = path;
    escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
    return u'"' + escaped + u'"';
}

} // namespace

Submission submission(const Json &app, const QString &folder)
{
    Submission result;
    Json data = app;
    app_json::removeMembers(
        data, "", "left out",
        [](std::string_view key) -> std::string {
            if (key == "image")
                return "the logo goes as the request's file part; the server writes its URL";
            return notSubmitted(app_schema::topLevelFields(), key);
        },
        result.notes);
    if (auto integration = data.find("external_integration"); integration != data.end())
        app_json::removeMembers(
            *integration, "external_integration.", "left out",
            [](std::string_view key) {
                return notSubmitted(app_schema::externalIntegrationFields(), key);
            },
            result.notes);
    result.files.push_back(
        {QString::fromLatin1(kAppDataFileName), app_json::documentText(data), {}});
    if (const auto logo = logoFile(app, folder))
        result.files.push_back({QFileInfo(*logo).fileName(), {}, *logo});
    return result;
}

QString curlCommand(const QStringList &paths)
{
    QStringList words{
        QStringLiteral("curl"), QStringLiteral("-X"),
        QStringLiteral("POST"), QString::fromLatin1(kCreateUrl),
        QStringLiteral("-H"),   QStringLiteral("\"Authorization: Bearer $OMI_TOKEN\"")};
    if (!paths.isEmpty())
        words << QStringLiteral("-F")
              << shellQuoted(QStringLiteral("app_data=<") + curlFormWord(paths.at(0)));
    if (paths.size() > 1)
        words << QStringLiteral("-F")
              << shellQuoted(QStringLiteral("file=@") + curlFormWord(paths.at(1)));
    return words.join(u' ');
}

} // namespace studio::app_submission
