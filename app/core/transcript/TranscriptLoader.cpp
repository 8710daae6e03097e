#include "TranscriptLoader.h"
#include "TranscriptTimes.h"
#include "io/Utf8.h"

#include "SubtitleLoader.h"
#include "TranscriptJsonLoader.h"
#include "io/TextFile.h"
#include "json/LineIndex.h"

#include <QFileInfo>

#include <algorithm>
#include <numeric>

namespace studio {

namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

TranscriptLoadResult failure(int line, int column, const QString &message)
{
    TranscriptLoadResult result;
    result.error = LoadIssue{line, column, {}, message};
    return result;
}

bool isBlank(std::string_view text)
{
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

void sortByEnd(TranscriptLoadResult &result)
{
    const QList<TranscriptSegment> &segments = result.segments;
    qsizetype firstOutOfOrder = -1;
    for (qsizetype i = 1; i < segments.size() && firstOutOfOrder < 0; ++i) {
        if (segments[i].end < segments[i - 1].end)
            firstOutOfOrder = i;
    }
    if (firstOutOfOrder < 0)
        return;

    std::vector<qsizetype> order(static_cast<std::size_t>(segments.size()));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](qsizetype a, qsizetype b) { return segments[a].end < segments[b].end; });
    QList<TranscriptSegment> sorted;
    QList<SegmentOrigin> origins;
    qsizetype moved = 0;
    for (std::size_t i = 0; i < order.size(); ++i) {
        sorted.append(segments[order[i]]);
        origins.append(result.origins.value(order[i]));
        moved += order[i] != static_cast<qsizetype>(i) ? 1 : 0;
    }
    const SegmentOrigin where = result.origins.value(firstOutOfOrder);
    result.warnings.append(LoadIssue{
        where.line, 0, where.pointer,
        QStringLiteral("this segment ends at %1 s, before the one listed ahead of it (%2 s); "
                       "segments were sorted by end time, the order the app receives them in "
                       "(%3 of %4 moved)")
            .arg(segments[firstOutOfOrder].end)
            .arg(segments[firstOutOfOrder - 1].end)
            .arg(moved)
            .arg(segments.size())});
    result.segments = std::move(sorted);
    result.origins = std::move(origins);
}

} // namespace

QString TranscriptLoader::formatName(TranscriptFormat format)
{
    switch (format) {
    case TranscriptFormat::StudioJson:
        return QStringLiteral("json");
    case TranscriptFormat::Srt:
        return QStringLiteral("srt");
    case TranscriptFormat::WebVtt:
        return QStringLiteral("vtt");
    case TranscriptFormat::Auto:
        break;
    }
    return QStringLiteral("auto");
}

std::optional<TranscriptFormat> TranscriptLoader::formatFromName(const QString &name)
{
    const QString lower = name.trimmed().toLower();
    for (TranscriptFormat format : {TranscriptFormat::Auto, TranscriptFormat::StudioJson,
                                    TranscriptFormat::Srt, TranscriptFormat::WebVtt}) {
        if (lower == formatName(format))
            return format;
    }
    if (lower == QLatin1String("webvtt"))
        return TranscriptFormat::WebVtt;
    return std::nullopt;
}

TranscriptFormat TranscriptLoader::detectFormat(const QString &sourceName, std::string_view bytes)
{
    const QString suffix = QFileInfo(sourceName).suffix().toLower();
    if (suffix == QLatin1String("json"))
        return TranscriptFormat::StudioJson;
    if (suffix == QLatin1String("srt"))
        return TranscriptFormat::Srt;
    if (suffix == QLatin1String("vtt"))
        return TranscriptFormat::WebVtt;

    if (bytes.substr(0, kByteOrderMark.size()) == kByteOrderMark)
        bytes.remove_prefix(kByteOrderMark.size());
    if (bytes.substr(0, 6) == "WEBVTT")
        return TranscriptFormat::WebVtt;
    const auto first = bytes.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos && (bytes[first] == '[' || bytes[first] == '{'))
        return TranscriptFormat::StudioJson;
    const std::string_view head = bytes.substr(0, 4096);
    if (head.find("-->") != std::string_view::npos)
        return TranscriptFormat::Srt;
    return TranscriptFormat::Auto; // unknown
}

TranscriptLoadResult TranscriptLoader::loadFile(const QString &path,
                                                const TranscriptLoadOptions &options)
{
    const TextFileRead read = TextFile::read(path, kMaxBytes);
    if (!read.ok)
        return failure(0, 0, QString::fromStdString(read.error));
    return loadBytes(read.bytes, options, path);
}

TranscriptLoadResult TranscriptLoader::loadBytes(std::string_view bytes,
                                                 const TranscriptLoadOptions &options,
                                                 const QString &sourceName)
{
    if (bytes.substr(0, kByteOrderMark.size()) == kByteOrderMark)
        bytes.remove_prefix(kByteOrderMark.size());
    if (isBlank(bytes))
        return failure(1, 0, QStringLiteral("the file is empty"));

    const std::optional<std::size_t> invalid = utf8::firstInvalid(bytes);
    if (const auto nul = bytes.find('\0'); nul != std::string_view::npos) {
        // NUL bytes never occur in text: report the first byte that is not text.
        const SourcePosition position =
            LineIndex(bytes).position(std::min(nul, invalid.value_or(nul)));
        return failure(position.line, position.column,
                       QStringLiteral("binary data, not a transcript"));
    }
    if (invalid) {
        const SourcePosition position = LineIndex(bytes).position(*invalid);
        return failure(
            position.line, position.column,
            QStringLiteral("the text is not UTF-8 (byte 0x%1); save the file as UTF-8")
                .arg(static_cast<unsigned char>(bytes[*invalid]), 2, 16, QLatin1Char('0')));
    }

    TranscriptFormat format = options.format;
    if (format == TranscriptFormat::Auto)
        format = detectFormat(sourceName, bytes);

    TranscriptLoadResult result;
    switch (format) {
    case TranscriptFormat::StudioJson:
        result = TranscriptJsonLoader::load(bytes);
        break;
    case TranscriptFormat::Srt:
    case TranscriptFormat::WebVtt:
        result = SubtitleLoader::load(
            QString::fromUtf8(bytes.data(), static_cast<qsizetype>(bytes.size())),
            format == TranscriptFormat::Srt ? SubtitleLoader::Format::Srt
                                            : SubtitleLoader::Format::WebVtt,
            options.userSpeaker);
        break;
    case TranscriptFormat::Auto:
        return failure(1, 0,
                       QStringLiteral("cannot tell the transcript format: use a .json, "
                                      ".srt or .vtt file, or name the format"));
    }
    if (!result.ok())
        return result;
    if (auto error = TranscriptTimes::outOfRange(result)) {
        // A failed load carries no segments, as every other failure: none may be replayed.
        result.segments.clear();
        result.origins.clear();
        result.error = std::move(error);
        return result;
    }
    sortByEnd(result);
    if (auto warning = TranscriptTimes::lateStart(result))
        result.warnings.append(std::move(*warning));
    return result;
}

} // namespace studio
