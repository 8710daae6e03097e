#pragma once

#include "json/JsonParser.h"

#include <QString>

#include <string>

namespace studio {

// A transcript fixture that grows as a session's calls arrive: the studio's transcript JSON
// (an array of segments, one per line). The first call writes the file atomically; each
// later one is a single write at its end that replaces the closing bracket, so the file is
// whole JSON after every call, and a day of calls costs what they add rather than what the
// file holds (rewriting it per call would be quadratic).
class TranscriptAppender
{
public:
    explicit TranscriptAppender(QString path);

    // Appends the segments; returns why it could not, or an empty string.
    std::string append(const Json &segments);
    const QString &path() const { return m_path; }
    int segmentCount() const { return m_segments; }

private:
    std::string create(const std::string &lines);
    std::string extend(const std::string &lines);

    QString m_path;
    qint64 m_size = 0; // bytes written so far; 0 until the file exists
    int m_segments = 0;
};

} // namespace studio
