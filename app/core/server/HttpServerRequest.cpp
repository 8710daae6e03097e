#include "HttpServerRequest.h"

#include <algorithm>

namespace studio {

QByteArray HttpServerRequest::header(const QByteArray &name) const
{
    for (const auto &[headerName, value] : headers) {
        if (headerName.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool HttpServerRequest::hasHeader(const QByteArray &name) const
{
    return std::any_of(headers.cbegin(), headers.cend(), [&name](const auto &header) {
        return header.first.compare(name, Qt::CaseInsensitive) == 0;
    });
}

QUrlQuery HttpServerRequest::query() const
{
    const qsizetype mark = target.indexOf('?');
    if (mark < 0)
        return {};
    return QUrlQuery(QString::fromUtf8(target.mid(mark + 1)));
}

QJsonDocument HttpServerRequest::json() const
{
    return QJsonDocument::fromJson(body);
}

} // namespace studio
