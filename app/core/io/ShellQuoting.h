#pragma once

#include <QString>

namespace studio {

// An argument as a POSIX shell reads it back unchanged: as it is when it holds only
// characters no shell treats specially, else in single quotes. For the command lines the
// studio prints or copies for a terminal.
QString shellQuoted(const QString &argument);

} // namespace studio
