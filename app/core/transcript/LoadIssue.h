#pragma once

#include <QString>

#include <string>

namespace studio {

// A problem found in an input file (a transcript, a memory fixture): what and where.
struct LoadIssue
{
    int line = 0;        // 1-based; 0 when the problem is about the file as a whole
    int column = 0;      // 1-based code-point column; 0 when unknown
    std::string pointer; // JSON pointer of the value concerned, for JSON inputs
    QString message;

    // "line 12, column 5 (/3/end): end 4.5 is before start 6.0"
    QString toString() const
    {
        QString where;
        if (line > 0)
            where = column > 0 ? QStringLiteral("line %1, column %2").arg(line).arg(column)
                               : QStringLiteral("line %1").arg(line);
        if (!pointer.empty())
            where += (where.isEmpty() ? QString() : QStringLiteral(" ")) +
                     QStringLiteral("(%1)").arg(QString::fromStdString(pointer));
        return where.isEmpty() ? message : where + QStringLiteral(": ") + message;
    }
};

} // namespace studio
