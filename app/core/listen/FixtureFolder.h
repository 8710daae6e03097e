#pragma once

#include "CaughtRequest.h"
#include "TranscriptAppender.h"

#include <QHash>
#include <QString>

#include <memory>
#include <string>

namespace studio {

// Where the catcher keeps what it heard, as fixtures the simulator replays:
//   memory-<n>.json             a memory_creation body, byte for byte (simulate memory --memory)
//   transcript-<session>.json   one session's transcript_processed segments, in arrival
//                               order (simulate transcript --transcript)
//   request-<n>.http            anything else, raw: request line, headers, body
// Every file is whole on disk before the request is answered. Numbers continue after the
// files already there, and a session first heard in this run starts its own file, so an
// earlier recording is never overwritten.
class FixtureFolder
{
public:
    static constexpr int kMaxSessions = 1000; // beyond, a session's calls are kept raw

    explicit FixtureFolder(QString folder);

    // Creates the folder if needed; returns why it cannot hold fixtures, or an empty string.
    static std::string prepare(const QString &folder);

    // Recognizes the request and writes it where it belongs.
    CaughtRequest keep(const HttpServerRequest &request);

private:
    void keepMemory(CaughtRequest &caught);
    void keepTranscript(CaughtRequest &caught, const QString &session, const Json &body);
    void keepRaw(CaughtRequest &caught, const QString &reason);
    void writeWhole(CaughtRequest &caught, const QString &path, std::string_view bytes);
    QString nextFree(const QString &prefix, const QString &suffix, int &counter) const;
    TranscriptAppender *appenderFor(const QString &session);

    QString m_folder;
    int m_memories = 0;
    int m_others = 0;
    QHash<QString, std::shared_ptr<TranscriptAppender>> m_transcripts;
};

} // namespace studio
