#include "CurlCommand.h"

#include <QStringList>

namespace studio {

namespace {

constexpr qsizetype kLargestArgumentBytes = 64 * 1024;

// Headers curl derives from the request itself; repeating them could only disagree.
bool curlSetsItself(const QByteArray &name)
{
    static const QByteArrayList names = {"host", "content-length", "transfer-encoding"};
    return names.contains(name.toLower());
}

bool isPlainText(const QByteArray &body)
{
    if (body.contains('\0'))
        return false;
    const QString decoded = QString::fromUtf8(body);
    return decoded.toUtf8() == body; // round-trips: valid UTF-8
}

// A printf format that prints exactly `bytes`: printable ASCII as itself, everything else,
// and the format's own specials, as octal escapes.
QString printfFormat(const QByteArray &bytes)
{
    QString format;
    format.reserve(bytes.size() * 2);
    for (const char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x20 && byte < 0x7f && c != '\\' && c != '%' && c != '\'')
            format.append(QLatin1Char(c));
        else
            format.append(QStringLiteral("\\%1").arg(byte, 3, 8, QLatin1Char('0')));
    }
    return format;
}

} // namespace

QString CurlCommand::shellQuoted(const QString &text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString CurlCommand::forResult(const HttpResult &result)
{
    const HttpRequest &request = result.request;
    // What went out on the wire, when it was the request itself (not a redirect's hop).
    const HttpHeaders &headers = !result.requestHeaders.isEmpty() && result.redirects.isEmpty()
                                     ? result.requestHeaders
                                     : request.headers;
    const QByteArray &body = request.body;
    const bool hasBody = !body.isEmpty();
    const bool plainText = isPlainText(body);
    // curl reads a file for an argument starting with @, and the kernel refuses arguments
    // over 128 KB: such bodies go through the shell's printf builtin and a pipe instead.
    const bool pipedBody =
        hasBody && (!plainText || body.startsWith('@') || body.size() > kLargestArgumentBytes);

    QStringList lines;
    QString first;
    if (pipedBody && plainText)
        first = QStringLiteral("printf '%s' %1 | ").arg(shellQuoted(QString::fromUtf8(body)));
    else if (pipedBody)
        first = QStringLiteral("printf %1 | ").arg(shellQuoted(printfFormat(body)));
    first += QStringLiteral("curl");
    // curl picks POST for a body and GET without one; anything else is spelled out.
    const QByteArray method = request.method.isEmpty() ? QByteArray("GET") : request.method;
    if (method != (hasBody ? QByteArray("POST") : QByteArray("GET")))
        first += QStringLiteral(" --request ") + shellQuoted(QString::fromLatin1(method));
    lines.append(first);
    lines.append(shellQuoted(request.url));
    for (const auto &[name, value] : headers) {
        if (curlSetsItself(name))
            continue;
        lines.append(QStringLiteral("--header ") +
                     shellQuoted(QString::fromLatin1(name) + QStringLiteral(": ") +
                                 QString::fromUtf8(value)));
    }
    if (hasBody) {
        // The app never asks for 100-continue; curl would for a large body.
        lines.append(QStringLiteral("--header 'Expect:'"));
        lines.append(pipedBody
                         ? QStringLiteral("--data-binary @-")
                         : QStringLiteral("--data-binary ") + shellQuoted(QString::fromUtf8(body)));
    }
    if (request.followRedirects && !result.redirects.isEmpty())
        lines.append(QStringLiteral("--location"));
    if (!request.verifyTls)
        lines.append(QStringLiteral("--insecure"));
    if (!request.caFile.isEmpty())
        lines.append(QStringLiteral("--cacert ") + shellQuoted(request.caFile));
    return lines.join(QStringLiteral(" \\\n  "));
}

} // namespace studio
