#include "Plugins2024Contract.h"

#include "manifest/SubmissionJson.h"
#include "repository/RepositoryFiles.h"
#include "simulation/payload/AppUrls.h"
#include "simulation/payload/MemoryPayload.h"
#include "simulation/payload/TranscriptPayload.h"
#include "validation/ReferencedFiles.h"

namespace studio {

QString Plugins2024Contract::title() const
{
    return QStringLiteral("2024 plugin index");
}

QString Plugins2024Contract::differences() const
{
    return QStringLiteral(
        "Plugins are entries of community-plugins.json, submitted by pull request, each with "
        "an id and a deleted flag; the logo and setup instructions are files of the "
        "repository. The app calls a webhook with a 30 s timeout on a new connection each "
        "time, sends transcripts in 30 s windows, pushes a notification for a memory's "
        "message, and caps proactive prompts at 8000 characters.");
}

bool Plugins2024Contract::recognises(const Json &root) const
{
    if (root.is_array())
        return true;
    return root.is_object() && root.contains("id") && root.contains("deleted");
}

ValidationReport Plugins2024Contract::validate(std::string_view text,
                                               const JsonParseResult &parsed,
                                               const ValidationOptions &options) const
{
    return DocumentValidator::validate(text, parsed, options);
}

QStringList Plugins2024Contract::triggers() const
{
    return {QStringLiteral("memory_creation"), QStringLiteral("transcript_processed")};
}

std::span<const manifest_schema::Field> Plugins2024Contract::fields() const
{
    return manifest_schema::topLevelFields();
}

std::span<const manifest_schema::Field> Plugins2024Contract::integrationFields() const
{
    return manifest_schema::externalIntegrationFields();
}

std::span<const manifest_schema::Capability> Plugins2024Contract::capabilities() const
{
    return manifest_schema::capabilities();
}

std::span<const manifest_schema::Trigger> Plugins2024Contract::triggerChoices() const
{
    return manifest_schema::triggers();
}

std::optional<TemplateSection> Plugins2024Contract::sectionFor(std::string_view capability,
                                                               std::string_view id) const
{
    return PluginTemplate::sectionFor(capability, id);
}

QStringList Plugins2024Contract::referencedFiles(const Json &document, const QString &folder) const
{
    QStringList files;
    for (QString &file : ReferencedFiles::of(document, folder))
        files.push_back(std::move(file));
    return files;
}

LogoLocation Plugins2024Contract::logoFile(const std::string &image, const QString &folder) const
{
    // A repository path, found from the repository's root.
    if (const std::string problem = RepositoryFiles::pathProblem(image); !problem.empty())
        return {{},
                QStringLiteral("is a malformed repository path: %1")
                    .arg(QString::fromStdString(problem))};
    if (folder.isEmpty())
        return {{}, QStringLiteral("cannot be found: the plugin repository's folder is unknown")};
    return {RepositoryFiles(folder).absolutePath(image), {}};
}

Submission Plugins2024Contract::submission(const Json &document, const QString &) const
{
    // The entry as the index holds it; the pull request carries it with the repository's files.
    return {{{QStringLiteral("submission.json"), submissionJson(document), {}}}, {}};
}

ContractTransport Plugins2024Contract::transport() const
{
    // requests.post(url, json=..., timeout=30): the connect and each read, no pool.
    return {30'000, 30'000, false, 0, 0};
}

BatchingOptions Plugins2024Contract::transcriptBatching() const
{
    return BatchingOptions::window(BatchingOptions::kAppWindowSeconds);
}

QByteArray Plugins2024Contract::memoryBody(const Memory &memory, PayloadProfile profile) const
{
    return MemoryPayload::body(memory, profile);
}

QList<PayloadProfile> Plugins2024Contract::memoryProfiles() const
{
    return PayloadProfiles::all();
}

QByteArray Plugins2024Contract::transcriptBody(const QList<TranscriptSegment> &segments,
                                               const QString &sessionId) const
{
    return TranscriptPayload::body(segments, sessionId);
}

QString Plugins2024Contract::setupCheckUrl(const QString &setupCompletedUrl,
                                           const QString &uid) const
{
    return AppUrls::setupCheck(setupCompletedUrl, uid);
}

} // namespace studio
