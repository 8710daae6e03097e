#include "BodyFormatter.h"

#include "JsonReindenter.h"

#include <QString>

#include <nlohmann/json.hpp>

namespace studio {

namespace {

// Where a cut at `limit` ends without splitting a UTF-8 sequence.
qsizetype characterBoundary(const QByteArray &bytes, qsizetype limit)
{
    if (limit >= bytes.size())
        return bytes.size();
    qsizetype end = limit;
    // Continuation bytes are 10xxxxxx: step back to the start of the sequence.
    while (end > 0 && (static_cast<unsigned char>(bytes[end]) & 0xC0) == 0x80)
        --end;
    return end;
}

// Valid UTF-8 (invalid bytes become U+FFFD) with no line longer than kMaxLineBytes. Copies
// whole lines at a time: this runs over bodies of many megabytes.
QByteArray displayText(const QByteArray &bytes, bool *linesBroken)
{
    const QByteArray text = QString::fromUtf8(bytes).toUtf8();
    constexpr qsizetype kMax = BodyFormatter::kMaxLineBytes;
    QByteArray out;
    out.reserve(text.size() + text.size() / kMax + 1);
    bool broken = false;
    qsizetype lineStart = 0;
    while (lineStart < text.size()) {
        qsizetype lineEnd = text.indexOf('\n', lineStart);
        lineEnd = lineEnd < 0 ? text.size() : lineEnd + 1; // includes the '\n'
        qsizetype from = lineStart;
        while (lineEnd - from > kMax + 1) {
            const qsizetype cut = from + characterBoundary(text.mid(from, kMax + 4), kMax);
            if (cut <= from)
                break;
            out.append(text.constData() + from, cut - from).append('\n');
            broken = true;
            from = cut;
        }
        out.append(text.constData() + from, lineEnd - from);
        lineStart = lineEnd;
    }
    *linesBroken = broken;
    return out;
}

} // namespace

bool BodyFormatter::isJson(const QByteArray &body)
{
    const auto *begin = body.constData();
    for (qsizetype i = 0; i < body.size(); ++i) {
        const char c = begin[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            continue;
        // Only containers are worth indenting; a bare string or number is shown as it is.
        if (c != '{' && c != '[')
            return false;
        break;
    }
    return !body.isEmpty() && nlohmann::json::accept(begin, begin + body.size());
}

FormattedBody BodyFormatter::preview(const QByteArray &body, qsizetype limit)
{
    FormattedBody formatted;
    formatted.sourceBytes = body.size();
    formatted.complete = body.size() <= limit;
    formatted.text = displayText(body.left(characterBoundary(body, limit)), &formatted.linesBroken);
    return formatted;
}

FormattedBody BodyFormatter::format(const QByteArray &body)
{
    FormattedBody formatted;
    formatted.sourceBytes = body.size();
    formatted.complete = true;
    formatted.json = isJson(body);
    formatted.text =
        displayText(formatted.json ? JsonReindenter::reindent(body) : body, &formatted.linesBroken);
    return formatted;
}

} // namespace studio
