#include "Commands.h"
#include "OptionParser.h"
#include "contract/apps2026/SignatureCheck.h"
#include "contract/apps2026/WebhookSignature.h"
#include "io/TextFile.h"

#include <QDateTime>
#include <QFile>

#include <cmath>

namespace studio::cli {

namespace {

constexpr std::string_view kUsage =
    "Usage: plugin-studio verify-signature --secret SECRET --header VALUE --uid UID --body FILE\n"
    "         [--now UNIX] [--tolerance SECONDS]\n\n"
    "Tells whether a receiver that verifies signed webhooks as the app's backend does should\n"
    "accept one request: the signature is HMAC-SHA256 keyed with the whole secret (whsec_\n"
    "prefix included, as UTF-8) over \"<t>.<uid>.\" followed by the exact body bytes, in\n"
    "X-Omi-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>...]. It is accepted when t is\n"
    "within the tolerance of now and any v1 matches (compared in constant time).\n\n"
    "  --secret SECRET       the app's signing secret (whsec_...)\n"
    "  --header VALUE        the X-Omi-Signature value (\"X-Omi-Signature: \" may lead)\n"
    "  --uid UID             the uid of the request's query string, decoded\n"
    "  --body FILE           the body exactly as received ('-': standard input)\n"
    "  --now UNIX            the time to check against, in unix seconds (default: now)\n"
    "  --tolerance SECONDS   how far t may be from now, either way (default 300)\n"
    "  -h, --help            show this help\n\n"
    "Prints 'ok: ...' or 'rejected: ...' and why: a header without t= or v1=, a timestamp\n"
    "outside the tolerance (with the skew), no v1 matching, or which v1 matched when the\n"
    "header carries several (during a secret's rotation).\n"
    "Exit status: 0 accept, 1 reject, 2 usage error or unreadable body.\n";

QCommandLineOption valued(const char *name, const char *valueName)
{
    return {QString::fromLatin1(name), QString::fromLatin1(name), QString::fromLatin1(valueName)};
}

// The value, without a leading "X-Omi-Signature:" pasted from a log.
QByteArray headerValue(const QString &given)
{
    QByteArray value = given.toUtf8().trimmed();
    const QByteArray name = QByteArray(webhook_signature::kSignatureHeader) + ':';
    if (value.size() >= name.size() &&
        value.left(name.size()).compare(name, Qt::CaseInsensitive) == 0)
        value = value.mid(name.size()).trimmed();
    return value;
}

std::optional<QByteArray> readBody(const QString &path, const CliIo &io)
{
    if (path == u"-") {
        QFile input;
        if (!input.open(stdin, QIODevice::ReadOnly)) {
            io.fail("--body -: standard input cannot be read");
            return std::nullopt;
        }
        const QByteArray bytes = input.read(TextFile::kDefaultMaxBytes + 1);
        if (bytes.size() > TextFile::kDefaultMaxBytes) {
            io.fail("--body -: more than 32 MB on standard input");
            return std::nullopt;
        }
        return bytes;
    }
    const TextFileRead read = TextFile::read(path);
    if (!read.ok) {
        io.fail("--body: " + read.error);
        return std::nullopt;
    }
    return QByteArray(read.bytes.data(), qsizetype(read.bytes.size()));
}

std::optional<qint64> wholeSeconds(const OptionParser &parser, const char *name, double minimum,
                                   const CliIo &io)
{
    const std::optional<double> value = parser.number(QString::fromLatin1(name), io, minimum);
    if (!value)
        return std::nullopt;
    if (!std::isfinite(*value) || *value != std::floor(*value) || std::fabs(*value) > 1e15) {
        io.fail(std::string("--") + name + " expects a whole number of seconds");
        return std::nullopt;
    }
    return qint64(*value);
}

} // namespace

int runVerifySignature(const QStringList &arguments, const CliIo &io)
{
    OptionParser parser(kUsage);
    for (const char *name : {"secret", "header", "uid", "body"})
        parser.addOption(valued(name, name == std::string_view("body") ? "FILE" : "VALUE"));
    parser.addOption(valued("now", "UNIX"));
    parser.addOption(valued("tolerance", "SECONDS"));
    if (const auto exit = parser.parse(arguments, io, 0, 0))
        return *exit;
    for (const char *name : {"secret", "header", "uid", "body"})
        if (!parser.isSet(QString::fromLatin1(name))) {
            io.err << kUsage;
            return io.fail(std::string("--") + name + " is required");
        }
    const QString secret = parser.value(QStringLiteral("secret"));
    if (secret.isEmpty())
        return io.fail("--secret must not be empty");

    qint64 now = QDateTime::currentSecsSinceEpoch();
    if (parser.isSet(QStringLiteral("now"))) {
        const std::optional<qint64> given = wholeSeconds(parser, "now", 0, io);
        if (!given)
            return kUsageError;
        now = *given;
    }
    qint64 tolerance = webhook_signature::kToleranceSeconds;
    if (parser.isSet(QStringLiteral("tolerance"))) {
        const std::optional<qint64> given = wholeSeconds(parser, "tolerance", 0, io);
        if (!given)
            return kUsageError;
        tolerance = *given;
    }
    const std::optional<QByteArray> body = readBody(parser.value(QStringLiteral("body")), io);
    if (!body)
        return kUsageError;

    if (!secret.startsWith(QLatin1String(webhook_signature::kSecretPrefix)))
        io.err << "plugin-studio: warning: the app's secrets start with "
               << webhook_signature::kSecretPrefix
               << " and the key is the whole string, prefix included\n";

    const SignatureCheck check =
        SignatureCheck::verify(headerValue(parser.value(QStringLiteral("header"))), secret,
                               parser.value(QStringLiteral("uid")), *body, now, tolerance);
    if (!check.accepted()) {
        io.out << "rejected: " << printable(check.reason) << '\n';
        return kFailed;
    }
    io.out << "ok: " << printable(check.reason) << "; signed " << std::abs(check.skewSeconds)
           << (check.skewSeconds < 0 ? " s in the future" : " s ago") << " (tolerance " << tolerance
           << " s)\n";
    return kSuccess;
}

} // namespace studio::cli
