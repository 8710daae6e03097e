#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace studio {

// One line of a subtitle cue with the speaker it names, if any.
struct CueLine
{
    std::optional<QString> speaker;
    QString text;
};

// Reads the text lines of a subtitle cue: finds the speaker of each line from a WebVTT
// voice tag (<v Ana>, <v.loud Ana>) or a "Name: " prefix, drops markup (<i>, <b>, <c.x>,
// <font ...>, inline timestamps) and decodes the HTML character references subtitles use.
//
// A "Name: " prefix counts only when it looks like a name: at most three words, each
// capitalised or in a script without case (lowercase particles such as "de" or "van" are
// allowed), so "Note that: ..." or "the plan: ..." stay text.
class CueText
{
public:
    static QList<CueLine> parse(const QStringList &lines);
    static std::optional<QString> namePrefix(const QString &line, QString *rest);
    static QString withoutMarkup(const QString &text);
};

} // namespace studio
