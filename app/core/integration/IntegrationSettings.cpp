// IntegrationEmulator's settings: read from an app document, and the ids the backend
// would assign.
#include "IntegrationEmulator.h"
#include "contract/Contract.h"
#include "io/TextFile.h"
#include "json/LineIndex.h"

#include <QRandomGenerator>

namespace studio {

namespace {

QString quotedPath(const QString &path)
{
    return u'\'' + path + u'\'';
}

} // namespace

std::optional<IntegrationEmulator::Settings>
IntegrationEmulator::settingsFor(const QString &appDocumentPath, QString &error)
{
    const TextFileRead read = TextFile::read(appDocumentPath);
    if (!read.ok) {
        error = QString::fromStdString(read.error);
        return std::nullopt;
    }
    const JsonParseResult parsed = parseJson(read.bytes);
    if (parsed.error) {
        const SourcePosition at = LineIndex(read.bytes).position(parsed.error->offset);
        error = QStringLiteral("%1 is not JSON: %2 at line %3, column %4")
                    .arg(quotedPath(appDocumentPath), QString::fromStdString(parsed.error->message))
                    .arg(at.line)
                    .arg(at.column);
        return std::nullopt;
    }
    if (&Contract::detect(parsed) == &Contract::plugins2024()) {
        error = QStringLiteral("%1 is a 2024 plugin entry (plugins-2024), not an app; make it "
                               "an app first: plugin-studio migrate %1")
                    .arg(quotedPath(appDocumentPath));
        return std::nullopt;
    }
    const Json &app = parsed.value;
    if (!app.is_object()) {
        error = QStringLiteral("%1 is not an app: an app document is a JSON object")
                    .arg(quotedPath(appDocumentPath));
        return std::nullopt;
    }

    return settingsOf(app);
}

IntegrationEmulator::Settings IntegrationEmulator::settingsOf(const Json &app)
{
    Settings settings;
    if (!app.is_object())
        return settings;
    if (const auto id = app.find("id"); id != app.end() && id->is_string())
        settings.appId = QString::fromStdString(id->get<std::string>());
    if (const auto name = app.find("name"); name != app.end() && name->is_string())
        settings.appName = QString::fromStdString(name->get<std::string>()).trimmed();
    const auto integration = app.find("external_integration");
    if (integration != app.end() && integration->is_object()) {
        const auto actions = integration->find("actions");
        if (actions != integration->end() && actions->is_array()) {
            for (const Json &action : *actions) {
                if (action.is_object() && action.contains("action") &&
                    action.at("action").is_string())
                    settings.actions.insert(
                        QString::fromStdString(action.at("action").get<std::string>()));
            }
        }
    }
    return settings;
}

QString IntegrationEmulator::newAppId()
{
    // 48 bits of milliseconds since the epoch, then 80 random bits, in Crockford's base32.
    static constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    QString id(26, u'0');
    quint64 time = quint64(QDateTime::currentMSecsSinceEpoch());
    for (int i = 9; i >= 0; --i) {
        id[i] = QLatin1Char(kAlphabet[time & 31]);
        time >>= 5;
    }
    for (int i = 10; i < 26; ++i)
        id[i] = QLatin1Char(kAlphabet[QRandomGenerator::system()->bounded(32)]);
    return id;
}

QString IntegrationEmulator::newApiKey()
{
    QByteArray bytes(16, Qt::Uninitialized);
    for (char &byte : bytes)
        byte = char(QRandomGenerator::system()->bounded(256));
    return QStringLiteral("omi_dev_") + QString::fromLatin1(bytes.toHex());
}

} // namespace studio
