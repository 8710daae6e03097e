#pragma once

#include "http/HttpExchange.h"

#include <QString>

namespace studio {

// A curl command line that sends the same request again from a POSIX shell: the method,
// the URL, the headers as they went out (minus those curl sets itself), and the body byte
// for byte. Every argument is single-quoted, so no quote, `$`, backtick or newline in a URL,
// header or body can escape into the shell. A body that cannot ride in an argument (not
// UTF-8 text, NUL bytes, a leading @, over 64 KB) is piped in from the printf builtin,
// binary bytes as octal escapes.
class CurlCommand
{
public:
    static QString forResult(const HttpResult &result);
    // 'text' with every ' written as '\'' : safe for any bytes but NUL.
    static QString shellQuoted(const QString &text);
};

} // namespace studio
