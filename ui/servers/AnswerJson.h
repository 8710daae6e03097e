#pragma once

#include <QByteArray>
#include <QString>

namespace studio {

// The JSON the Listen page answers every request with, checked as `plugin-studio listen
// --answer` checks its file: strict JSON, at most kMaxBytes.
class AnswerJson
{
public:
    static constexpr qsizetype kMaxBytes = 1024 * 1024;

    // Why `text` cannot be the answer ("line 2, column 5: ..."), or an empty string.
    static QString problem(const QByteArray &text);
};

} // namespace studio
