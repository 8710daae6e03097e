#pragma once

#include "contract/Submission.h"
#include "diagnostics/ValidationReport.h"
#include "edit/PluginTemplate.h"
#include "http/HttpExchange.h"
#include "json/JsonParser.h"
#include "manifest/ManifestSchema.h"
#include "simulation/judge/JudgeRules.h"
#include "simulation/judge/PluginUnderTest.h"
#include "simulation/payload/Memory.h"
#include "simulation/payload/PayloadProfile.h"
#include "transcript/BatchingOptions.h"
#include "validation/DocumentValidator.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <span>
#include <string_view>

namespace studio {

// How the app's HTTP client reaches a plugin under one contract.
struct ContractTransport
{
    int connectTimeoutMs = 30'000;
    int readTimeoutMs = 30'000;   // silence between the server's bytes
    bool reuseConnections = false; // a pooled client, or a new connection per call
    // The circuit breaker per URL (query stripped): this many failures in a row open it for
    // openMs, then one probe; 0 failures: the app has none.
    int breakerFailures = 0;
    int breakerOpenMs = 0;
};

// Where the logo a document names is on disk, or why it names no file there ("is a
// malformed repository path: ..."), said after the quoted name.
struct LogoLocation
{
    QString path;
    QString problem;
};

// One webhook delivery to sign: its event, the uid appended to its URL, the exact body on
// the wire, when it goes (unix seconds) and its delivery id.
struct WebhookDelivery
{
    AppTrigger trigger = AppTrigger::MemoryCreation;
    QString uid;
    QByteArray body;
    qint64 unixSeconds = 0;
    QByteArray id;
};

// One contract between the app and the plugins it calls: what a plugin document is and
// which of its values the app accepts, what the app sends, how, and what it does with the
// answer. The core takes a contract wherever the app's behaviour differs; each contract is
// one folder beside this file (plugins2024/, apps2026/) and one line in Contract::all().
class Contract
{
public:
    virtual ~Contract() = default;

    virtual std::string_view name() const = 0; // "plugins-2024", stable in reports
    virtual QString title() const = 0;         // "2024 plugin index"
    // A paragraph for the window and --help: what differs from the other contracts.
    virtual QString differences() const = 0;

    // The document
    // True when a parsed document is one of this contract's (detection without --contract).
    virtual bool recognises(const Json &root) const = 0;
    virtual ValidationReport validate(std::string_view text, const JsonParseResult &parsed,
                                      const ValidationOptions &options) const = 0;
    // The triggers_on values the app acts on.
    virtual QStringList triggers() const = 0;
    // The document's vocabulary, for the form and the store preview: the fields of its top
    // level and of external_integration, the capabilities and triggers with the app's labels.
    virtual std::span<const manifest_schema::Field> fields() const = 0;
    virtual std::span<const manifest_schema::Field> integrationFields() const = 0;
    virtual std::span<const manifest_schema::Capability> capabilities() const = 0;
    virtual std::span<const manifest_schema::Trigger> triggerChoices() const = 0;
    // The values an author picks from for the string at `pointer`, with the app's words
    // ("/external_integration/triggers_on": triggerChoices()); empty: any text.
    virtual std::span<const manifest_schema::Choice> choices(std::string_view pointer) const;
    // The member a capability needs when the author ticks it ("memory_prompt": "" for
    // "memories"), as this contract's template has it; nothing for one that needs none.
    // `id`: the entry's id, for the repository paths an index's template fills in.
    virtual std::optional<TemplateSection> sectionFor(std::string_view capability,
                                                      std::string_view id) const = 0;
    // True when an author sets the field at `pointer` under this contract ("/category",
    // "/external_integration/actions"); false for another contract's or the server's fields.
    bool declares(std::string_view pointer) const;
    // The files on disk a validation of `document` looks at (absolute paths), to validate
    // again when they appear, change or vanish. `folder`: ValidationOptions::repositoryRoot.
    virtual QStringList referencedFiles(const Json &document, const QString &folder) const = 0;
    // The logo file a document's `image` names; `folder` as for referencedFiles.
    virtual LogoLocation logoFile(const std::string &image, const QString &folder) const = 0;
    // True when a document is an entry of an index in a repository (community-plugins.json),
    // its files found from the repository's root; false when it stands alone, its files
    // beside it.
    virtual bool indexed() const = 0;

    // The submission
    // What the author hands over for a document that validates; `folder` is the document's.
    virtual Submission submission(const Json &document, const QString &folder) const = 0;
    // The command that sends the written files (`paths`, in the order of the submission's
    // files) to the app, for the author to run; empty when they go another way (a pull
    // request).
    virtual QString sendCommand(const QStringList &paths) const = 0;

    // The wire
    virtual ContractTransport transport() const = 0;
    virtual BatchingOptions transcriptBatching() const = 0; // the default cadence
    virtual JudgeRules judgeRules() const = 0;
    // The memory_creation body as bytes on the wire. `profile` chooses among the shapes the
    // contract knows (plugins-2024 has three; apps-2026 one).
    virtual QByteArray memoryBody(const Memory &memory, PayloadProfile profile) const = 0;
    virtual QList<PayloadProfile> memoryProfiles() const = 0;
    // The transcript_processed body for the segments new since the last call.
    virtual QByteArray transcriptBody(const QList<TranscriptSegment> &segments,
                                      const QString &sessionId) const = 0;
    // The setup check's URL: setup_completed_url with the uid.
    virtual QString setupCheckUrl(const QString &setupCompletedUrl, const QString &uid) const = 0;

    // Signed webhooks, when the app's owner created a signing secret.
    // The X-Omi-Event of a trigger's deliveries; empty when the contract's app never signs.
    virtual QByteArray webhookEvent(AppTrigger trigger) const = 0;
    bool signsWebhooks() const { return !webhookEvent(AppTrigger::MemoryCreation).isEmpty(); }
    // The headers a delivery carries under `secret` (signature, event, delivery id); none
    // when the contract's app never signs.
    virtual HttpHeaders signatureHeaders(const QString &secret,
                                         const WebhookDelivery &delivery) const = 0;

    static const Contract &plugins2024();
    static const Contract &apps2026();
    static QList<const Contract *> all();
    static const Contract *named(std::string_view name);
    // "plugins-2024|apps-2026", for usage lines and errors.
    static QString names();
    // The contract whose documents look like this one: an array, or an entry with an id and
    // a deleted flag, is the 2024 index; an object with a category and no id is an app. A
    // document that says neither (an unparsed text, a bare {}) is the 2024 index's, the
    // guide's default.
    static const Contract &detect(const Json &root);
    static const Contract &detect(const JsonParseResult &parsed);
};

} // namespace studio
