#pragma once

#include "RecoveryRecord.h"

#include <QString>

#include <vector>

namespace studio {

// The files of a recovery folder: one JSON record per document with unsaved edits, named
// after a hash of what the record is about, written atomically.
namespace RecoveryFolder {

QString recordPath(const QString &directory, const QString &key);
// Writes `record` to `path`, creating the folder; an error message, or empty.
QString write(const QString &directory, const QString &path, const RecoveryRecord &record);
// Records left by studios that are no longer running, newest first. Unreadable files and
// other studios' live records are skipped.
std::vector<RecoveryRecord> abandoned(const QString &directory);

} // namespace RecoveryFolder

} // namespace studio
