#pragma once

#include <QString>

#include <string>
#include <string_view>

namespace studio::cli {

// Text from a document, a server or a file name, made safe for one line of a terminal or a
// log that tools parse: control characters (newline and ESC included), DEL, C1 controls and
// the bidirectional overrides are written as escapes (\n, \x1b, \u202e), and bytes that are
// not UTF-8 as \xHH. A pull request then cannot forge a "file:1:1: error:" line, recolour the
// terminal or reorder what a reviewer reads.
std::string printable(std::string_view utf8);
std::string printable(const QString &text);

} // namespace studio::cli
