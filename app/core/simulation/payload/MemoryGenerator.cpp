#include "MemoryGenerator.h"

#include <QRegularExpression>
#include <QSet>
#include <QUuid>

#include <algorithm>

namespace studio {

namespace {

constexpr int kLongSentenceWords = 4;
constexpr int kTitleCandidates = 20;
constexpr int kTitleWords = 8;
constexpr int kOverviewSentences = 3;
constexpr qsizetype kOverviewCharacters = 300;
constexpr int kMaxActionItems = 5;

QStringList words(const QString &sentence)
{
    return sentence.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
}

bool isLong(const QString &sentence)
{
    return words(sentence).size() >= kLongSentenceWords;
}

QString withoutTrailingPunctuation(QString text)
{
    while (!text.isEmpty() && (text.back().isPunct() || text.back().isSpace()))
        text.chop(1);
    return text;
}

QString capitalised(QString text)
{
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

} // namespace

QStringList MemoryGenerator::sentences(const QList<TranscriptSegment> &segments)
{
    static const QRegularExpression boundary(QStringLiteral("(?<=[.!?\\x{2026}])\\s+"));
    QStringList result;
    for (const TranscriptSegment &segment : segments) {
        for (const QString &part : segment.text.simplified().split(boundary, Qt::SkipEmptyParts))
            result.append(part.trimmed());
    }
    return result;
}

QString MemoryGenerator::title(const QStringList &sentences)
{
    static const QRegularExpression nonLetters(QStringLiteral("[^\\p{L}\\p{N}]"));
    qsizetype best = -1;
    qsizetype bestScore = -1;
    for (qsizetype i = 0; i < std::min<qsizetype>(sentences.size(), kTitleCandidates); ++i) {
        if (!isLong(sentences[i]))
            continue;
        QSet<QString> distinct;
        for (QString word : words(sentences[i])) {
            word.remove(nonLetters);
            if (word.size() >= 4)
                distinct.insert(word.toCaseFolded());
        }
        if (distinct.size() > bestScore) {
            bestScore = distinct.size();
            best = i;
        }
    }
    if (best < 0)
        return sentences.isEmpty() ? QStringLiteral("Untitled conversation")
                                   : capitalised(withoutTrailingPunctuation(sentences.front()));
    const QStringList chosen = words(sentences[best]);
    QString text = chosen.mid(0, kTitleWords).join(QLatin1Char(' '));
    text = capitalised(withoutTrailingPunctuation(text));
    return chosen.size() > kTitleWords ? text + QStringLiteral("\u2026") : text;
}

QString MemoryGenerator::overview(const QStringList &sentences)
{
    QStringList picked;
    for (const QString &sentence : sentences) {
        if (picked.size() == kOverviewSentences)
            break;
        if (isLong(sentence))
            picked.append(sentence);
    }
    QString text = picked.join(QLatin1Char(' '));
    if (text.size() <= kOverviewCharacters)
        return text;
    text.truncate(kOverviewCharacters);
    const qsizetype space = text.lastIndexOf(QLatin1Char(' '));
    if (space > 0)
        text.truncate(space);
    return withoutTrailingPunctuation(text) + QStringLiteral("\u2026");
}

QList<ActionItem> MemoryGenerator::actionItems(const QStringList &sentences)
{
    static const QRegularExpression commitment(
        QStringLiteral("\\b(remind me to|i need to|we need to|don'?t forget|i'll|i will|let's)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    QList<ActionItem> items;
    QSet<QString> seen;
    for (const QString &sentence : sentences) {
        if (items.size() == kMaxActionItems)
            break;
        if (!commitment.match(sentence).hasMatch())
            continue;
        const QString description = capitalised(withoutTrailingPunctuation(sentence));
        if (seen.contains(description.toCaseFolded()))
            continue;
        seen.insert(description.toCaseFolded());
        items.append({description, false});
    }
    return items;
}

Memory MemoryGenerator::fromTranscript(const QList<TranscriptSegment> &segments,
                                       const MemoryGenerationOptions &options)
{
    const IsoDateTime start = options.conversationStart.isValid()
                                  ? options.conversationStart
                                  : IsoDateTime::fromDateTime(QDateTime::currentDateTime());
    double end = 0;
    for (const TranscriptSegment &segment : segments)
        end = std::max(end, segment.end);

    Memory memory;
    if (options.id.isEmpty()) {
        QByteArray seed = start.toPythonIso().toUtf8();
        for (const TranscriptSegment &segment : segments)
            seed.append('\n')
                .append(segment.speaker.toUtf8())
                .append(':')
                .append(segment.text.toUtf8());
        static const QUuid kNamespace(QStringLiteral("6f1d3c2e-6b8a-4c55-9a51-2f0a6d1c7e42"));
        memory.id = QUuid::createUuidV5(kNamespace, seed).toString(QUuid::WithoutBraces);
    } else {
        memory.id = options.id;
    }
    memory.startedAt = start;
    memory.finishedAt = start.addSeconds(end);
    memory.createdAt = *memory.finishedAt;
    memory.language =
        options.language.isEmpty() ? std::nullopt : std::optional<QString>(options.language);
    memory.transcriptSegments = segments;

    const QStringList split = sentences(segments);
    memory.structured.title = title(split);
    memory.structured.overview = overview(split);
    memory.structured.actionItems = actionItems(split);
    return memory;
}

} // namespace studio
