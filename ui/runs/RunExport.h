#pragma once

#include "history/StoredRun.h"

#include <QString>

namespace studio {

// A kept run written out again, as `plugin-studio runs export` writes it: HAR, the JSON
// report exactly as it was rendered when the run ended, or JUnit XML. Every write is
// atomic (the engine's writers, TextFile::writeAtomically); meant for a worker thread.
class RunExport
{
public:
    enum class Format
    {
        Har,
        Report,
        JUnit
    };

    // Empty on success, else why the file could not be written.
    static QString write(Format format, const QString &path, const StoredRun &run);
    // "HAR", "JSON report", "JUnit XML"
    static QString title(Format format);
    // For the save dialog: "HTTP Archive (*.har)".
    static QString fileFilter(Format format);
    // A file name to offer: "run-12.har", "run-12-report.json", "run-12-junit.xml".
    static QString suggestedName(Format format, qint64 runId);
};

} // namespace studio
