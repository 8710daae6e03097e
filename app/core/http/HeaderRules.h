#pragma once

#include "http/HttpExchange.h"

#include <algorithm>

namespace studio {

// What a request's method and headers may hold, checked the same on both of the engine's
// paths before anything is sent.

inline bool isHeaderNamed(const QByteArray &name, const char *wanted)
{
    return qstrnicmp(name.constData(), name.size(), wanted) == 0;
}

inline bool hasHeader(const HttpHeaders &headers, const char *name)
{
    return std::any_of(headers.cbegin(), headers.cend(),
                       [name](const auto &header) { return isHeaderNamed(header.first, name); });
}

// RFC 9110 token: what a method or a header name may be made of.
inline bool isToken(const QByteArray &text)
{
    static const QByteArray extra = QByteArrayLiteral("!#$%&'*+-.^_`|~");
    if (text.isEmpty())
        return false;
    return std::all_of(text.cbegin(), text.cend(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               extra.contains(c);
    });
}

inline bool isSafeHeaderValue(const QByteArray &value)
{
    return !value.contains('\r') && !value.contains('\n') && !value.contains('\0');
}

} // namespace studio
