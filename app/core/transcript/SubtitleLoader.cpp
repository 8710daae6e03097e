#include "SubtitleLoader.h"

#include "CueText.h"
#include "SpeakerDirectory.h"
#include "SubtitleTimestamp.h"

#include <QStringList>

namespace studio {

namespace {

struct Failure
{
    LoadIssue issue;
};

[[noreturn]] void fail(int line, const QString &message)
{
    throw Failure{LoadIssue{line, 0, {}, message}};
}

struct Block
{
    int firstLine = 0; // 1-based line of lines[0]
    QStringList lines;
};

QList<Block> splitBlocks(const QStringList &lines)
{
    QList<Block> blocks;
    Block current;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines[i].trimmed().isEmpty()) {
            if (!current.lines.isEmpty())
                blocks.append(std::exchange(current, {}));
            continue;
        }
        if (current.lines.isEmpty())
            current.firstLine = static_cast<int>(i) + 1;
        current.lines.append(lines[i]);
    }
    if (!current.lines.isEmpty())
        blocks.append(current);
    return blocks;
}

class CueReader
{
public:
    CueReader(SubtitleLoader::Format format, const QString &userSpeaker)
        : m_style(format == SubtitleLoader::Format::Srt ? SubtitleTimestamp::Style::Srt
                                                        : SubtitleTimestamp::Style::WebVtt)
        , m_speakers(userSpeaker)
    {}

    void readCue(const Block &block, qsizetype timingIndex, TranscriptLoadResult &result)
    {
        const int timingLine = block.firstLine + static_cast<int>(timingIndex);
        const auto [start, end] = readTiming(block.lines[timingIndex], timingLine);
        const QList<CueLine> lines = CueText::parse(block.lines.mid(timingIndex + 1));

        QList<TranscriptSegment> segments;
        for (const CueLine &line : lines) {
            const bool newSpeaker =
                line.speaker && (segments.isEmpty() || *line.speaker != m_currentName);
            if (line.speaker)
                m_currentName = *line.speaker;
            if (segments.isEmpty() || newSpeaker) {
                if (!segments.isEmpty() && segments.last().text.isEmpty())
                    segments.removeLast();
                TranscriptSegment segment;
                const int id = m_speakers.idFor(m_currentName);
                segment.speakerId = id;
                segment.speaker = TranscriptSegment::speakerLabel(id);
                segment.isUser = m_speakers.isUser(m_currentName);
                segment.start = start;
                segment.end = end;
                segments.append(segment);
            }
            QString &text = segments.last().text;
            if (!line.text.isEmpty())
                text += (text.isEmpty() ? QString() : QStringLiteral(" ")) + line.text;
        }
        segments.removeIf([](const TranscriptSegment &segment) { return segment.text.isEmpty(); });
        if (segments.isEmpty()) {
            result.warnings.append(
                LoadIssue{timingLine, 0, {}, QStringLiteral("the cue has no text: skipped")});
            return;
        }
        for (const TranscriptSegment &segment : std::as_const(segments)) {
            result.segments.append(segment);
            result.origins.append(SegmentOrigin{timingLine, {}});
        }
    }

    const SpeakerDirectory &speakers() const { return m_speakers; }

private:
    std::pair<double, double> readTiming(const QString &line, int lineNumber) const
    {
        const qsizetype arrow = line.indexOf(QLatin1String("-->"));
        if (arrow < 0)
            fail(lineNumber, QStringLiteral("expected a timing line like %1 --> %2, got \"%3\"")
                                 .arg(SubtitleTimestamp::format(1, m_style),
                                      SubtitleTimestamp::format(4, m_style), line.trimmed()));
        const QString startText = line.left(arrow).trimmed();
        // WebVTT puts cue settings after the end time ("align:start"), some SRT files
        // coordinates ("X1:..."): only the first word is the time.
        const QString endText = line.mid(arrow + 3).trimmed().section(QLatin1Char(' '), 0, 0,
                                                                      QString::SectionSkipEmpty);
        const std::optional<double> start = SubtitleTimestamp::parse(startText, m_style);
        if (!start)
            fail(lineNumber, QStringLiteral("bad start time \"%1\": expected %2")
                                 .arg(startText, SubtitleTimestamp::expectedForm(m_style)));
        const std::optional<double> end = SubtitleTimestamp::parse(endText, m_style);
        if (!end)
            fail(lineNumber, QStringLiteral("bad end time \"%1\": expected %2")
                                 .arg(endText, SubtitleTimestamp::expectedForm(m_style)));
        if (*end < *start)
            fail(lineNumber,
                 QStringLiteral("the cue ends (%1) before it starts (%2)").arg(endText, startText));
        return {*start, *end};
    }

    SubtitleTimestamp::Style m_style;
    SpeakerDirectory m_speakers;
    QString m_currentName; // empty: nobody named yet
};

bool isInteger(const QString &text)
{
    bool ok = false;
    text.trimmed().toLongLong(&ok);
    return ok;
}

bool startsWithWord(const QString &line, QLatin1String word)
{
    return line.startsWith(word) &&
           (line.size() == word.size() || line[word.size()] == QLatin1Char(' ') ||
            line[word.size()] == QLatin1Char('\t'));
}

void readSrt(const QList<Block> &blocks, CueReader &reader, TranscriptLoadResult &result)
{
    for (const Block &block : blocks) {
        const QString &first = block.lines.front();
        qsizetype timingIndex = 0;
        if (!first.contains(QLatin1String("-->"))) {
            if (!isInteger(first))
                fail(block.firstLine, QStringLiteral("expected a cue number or a timing line like "
                                                     "00:00:01,000 --> 00:00:04,000, got \"%1\"")
                                          .arg(first.trimmed().left(60)));
            if (block.lines.size() < 2)
                fail(block.firstLine,
                     QStringLiteral("cue %1 has no timing line").arg(first.trimmed()));
            timingIndex = 1;
        }
        reader.readCue(block, timingIndex, result);
    }
}

void readWebVtt(const QStringList &lines, const QList<Block> &blocks, CueReader &reader,
                TranscriptLoadResult &result)
{
    // The signature must be the very first line; the rest of the first block is the header.
    if (lines.isEmpty() || !startsWithWord(lines.front(), QLatin1String("WEBVTT")) ||
        blocks.isEmpty())
        fail(1, QStringLiteral("a WebVTT file starts with the line WEBVTT"));
    for (qsizetype i = 1; i < blocks.size(); ++i) {
        const Block &block = blocks[i];
        const QString &first = block.lines.front();
        if (startsWithWord(first, QLatin1String("NOTE")) ||
            startsWithWord(first, QLatin1String("STYLE")) ||
            startsWithWord(first, QLatin1String("REGION")))
            continue;
        qsizetype timingIndex = 0;
        if (!first.contains(QLatin1String("-->"))) {
            // The first line is the cue's identifier; the timing line follows.
            if (block.lines.size() < 2 || !block.lines[1].contains(QLatin1String("-->")))
                fail(block.firstLine + 1,
                     QStringLiteral("expected a timing line like 00:01.000 --> 00:04.000 after "
                                    "the cue identifier \"%1\"")
                         .arg(first.trimmed().left(60)));
            timingIndex = 1;
        }
        reader.readCue(block, timingIndex, result);
    }
}

} // namespace

TranscriptLoadResult SubtitleLoader::load(const QString &text, Format format,
                                          const QString &userSpeaker)
{
    TranscriptLoadResult result;
    QString normalized = text;
    if (normalized.startsWith(QChar(0xFEFF))) // a byte-order mark decoded as text
        normalized.remove(0, 1);
    normalized.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    normalized.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    const QStringList lines = normalized.split(QLatin1Char('\n'));
    const QList<Block> blocks = splitBlocks(lines);

    CueReader reader(format, userSpeaker);
    try {
        if (format == Format::Srt)
            readSrt(blocks, reader, result);
        else
            readWebVtt(lines, blocks, reader, result);
        if (result.segments.isEmpty())
            fail(blocks.isEmpty() ? 1 : blocks.last().firstLine,
                 QStringLiteral("the file has no cues with text"));
    } catch (const Failure &failure) {
        result.segments.clear();
        result.origins.clear();
        result.error = failure.issue;
        return result;
    }
    if (!userSpeaker.isEmpty() && !reader.speakers().userFound()) {
        QStringList names = reader.speakers().names();
        names.removeAll(QString());
        result.warnings.append(
            LoadIssue{0,
                      0,
                      {},
                      QStringLiteral("no speaker \"%1\" in the file, so no segment is the user's; "
                                     "speakers named: %2")
                          .arg(userSpeaker, names.isEmpty() ? QStringLiteral("none")
                                                            : names.join(QStringLiteral(", ")))});
    }
    return result;
}

} // namespace studio
