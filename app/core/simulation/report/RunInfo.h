#pragma once

#include <QDateTime>
#include <QString>

namespace studio {

// What a run was, for the headers of its reports.
struct RunInfo
{
    QString contract; // "plugins-2024", "apps-2026"
    QString pluginId;
    QString pluginName;
    QString trigger;  // "memory_creation", "transcript_processed"
    QString profile;  // memory payload profile ("backend"), empty for transcripts
    QString batching; // "30 s windows", empty for memories
    QString uid;
    QString source; // the memory or transcript file
    QDateTime startedAt;
    double speed = 1.0; // replay speed factor
    QString faults;     // the faults injected, as --faults takes them; empty for none
    quint64 faultSeed = 0;
};

} // namespace studio
