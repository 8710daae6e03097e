#include "CueText.h"

#include <QRegularExpression>

namespace studio {

namespace {

bool isNameWord(const QString &word)
{
    static const QStringList particles = {
        QStringLiteral("de"),  QStringLiteral("del"), QStringLiteral("da"),  QStringLiteral("di"),
        QStringLiteral("du"),  QStringLiteral("la"),  QStringLiteral("le"),  QStringLiteral("van"),
        QStringLiteral("von"), QStringLiteral("der"), QStringLiteral("bin"), QStringLiteral("al"),
    };
    if (word.isEmpty())
        return false;
    const QChar first = word.front();
    if (first.isLower())
        return particles.contains(word);
    return first.isLetter() || first.isDigit();
}

// A WebVTT voice tag opening a line, "<v Maya>" or "<v.loud Dr. Okafor>": what the pattern
// ^<v(?:\.[^\s>]*)?\s+([^>]+)> matches, found by a scan. As a regex, "<v" followed by a long
// run of spaces and no '>' took time growing with the square of the run.
struct VoiceTag
{
    QStringView name;
    qsizetype length; // of the whole tag
};

bool isAsciiSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\v' || c == u'\f' || c == u'\r';
}

std::optional<VoiceTag> voiceTag(QStringView line)
{
    if (!line.startsWith(u"<v"))
        return std::nullopt;
    qsizetype at = 2;
    if (at < line.size() && line[at] == u'.') {
        while (at < line.size() && !isAsciiSpace(line[at]) && line[at] != u'>')
            ++at;
    }
    const qsizetype spaces = at;
    while (at < line.size() && isAsciiSpace(line[at]))
        ++at;
    const qsizetype close = line.indexOf(u'>', at);
    if (at == spaces || close < 0)
        return std::nullopt;
    if (close > at)
        return VoiceTag{line.mid(at, close - at), close + 1};
    // No name after the spaces: the pattern gives the last space back to the name.
    if (at - spaces >= 2)
        return VoiceTag{line.mid(at - 1, 1), close + 1};
    return std::nullopt;
}

QString decodeReferences(QString text)
{
    static const QRegularExpression reference(
        QStringLiteral("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos|nbsp|lrm|rlm);"));
    QString decoded;
    qsizetype last = 0;
    auto it = reference.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        decoded += QStringView(text).mid(last, match.capturedStart() - last);
        const QString name = match.captured(1);
        if (name == QLatin1String("amp"))
            decoded += QLatin1Char('&');
        else if (name == QLatin1String("lt"))
            decoded += QLatin1Char('<');
        else if (name == QLatin1String("gt"))
            decoded += QLatin1Char('>');
        else if (name == QLatin1String("quot"))
            decoded += QLatin1Char('"');
        else if (name == QLatin1String("apos"))
            decoded += QLatin1Char('\'');
        else if (name == QLatin1String("nbsp"))
            decoded += QChar(0x00A0);
        else if (name == QLatin1String("lrm"))
            decoded += QChar(0x200E);
        else if (name == QLatin1String("rlm"))
            decoded += QChar(0x200F);
        else {
            const bool hex =
                name.size() > 1 && (name[1] == QLatin1Char('x') || name[1] == QLatin1Char('X'));
            bool ok = false;
            const uint code = hex ? name.mid(2).toUInt(&ok, 16) : name.mid(1).toUInt(&ok, 10);
            if (ok && code > 0 && code <= 0x10FFFF && (code < 0xD800 || code > 0xDFFF)) {
                const char32_t codePoint = code;
                decoded += QString::fromUcs4(&codePoint, 1);
            } else {
                decoded += match.captured(0);
            }
        }
        last = match.capturedEnd();
    }
    decoded += QStringView(text).mid(last);
    return decoded;
}

} // namespace

QString CueText::withoutMarkup(const QString &text)
{
    static const QRegularExpression tag(QStringLiteral("<[^<>]*>"));
    QString stripped = text;
    stripped.remove(tag);
    return decodeReferences(stripped).simplified();
}

std::optional<QString> CueText::namePrefix(const QString &line, QString *rest)
{
    static const QRegularExpression prefix(
        QStringLiteral("^([^\\s:<>][^:<>]{0,40}?)\\s*:\\s+(\\S.*)$"),
        QRegularExpression::UseUnicodePropertiesOption);
    const QRegularExpressionMatch match = prefix.match(line);
    if (!match.hasMatch())
        return std::nullopt;
    const QString name = match.captured(1).simplified();
    const QStringList words = name.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.isEmpty() || words.size() > 3 || words.front().front().isLower())
        return std::nullopt;
    for (const QString &word : words) {
        if (!isNameWord(word))
            return std::nullopt;
    }
    if (rest)
        *rest = match.captured(2);
    return name;
}

QList<CueLine> CueText::parse(const QStringList &lines)
{
    static const QRegularExpression dash(QStringLiteral("^[-\\x{2010}-\\x{2014}]\\s*"));
    QList<CueLine> result;
    for (QString line : lines) {
        line = line.trimmed();
        line.remove(dash);
        CueLine cueLine;
        if (const std::optional<VoiceTag> voice = voiceTag(line)) {
            cueLine.speaker = decodeReferences(voice->name.toString()).simplified();
            line = line.mid(voice->length);
        }
        QString text = withoutMarkup(line);
        if (!cueLine.speaker) {
            QString rest;
            if (const std::optional<QString> name = namePrefix(text, &rest)) {
                cueLine.speaker = name;
                text = rest;
            }
        }
        cueLine.text = text;
        if (!cueLine.text.isEmpty() || cueLine.speaker)
            result.append(cueLine);
    }
    return result;
}

} // namespace studio
