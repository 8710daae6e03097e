#include "UidAppender.h"

#include <QByteArray>

namespace studio {

namespace {

std::string_view beforeFragment(std::string_view url)
{
    return url.substr(0, url.find('#'));
}

} // namespace

std::string UidAppender::separator(std::string_view url)
{
    const std::string_view query = beforeFragment(url);
    if (query.find('?') == std::string_view::npos)
        return "?";
    return query.ends_with('?') || query.ends_with('&') ? std::string() : std::string("&");
}

std::string UidAppender::append(std::string_view url, std::string_view uid)
{
    const std::string_view base = beforeFragment(url);
    const QByteArray encoded =
        QByteArray(uid.data(), static_cast<qsizetype>(uid.size())).toPercentEncoding();
    return std::string(base) + separator(url) + "uid=" + encoded.toStdString() +
           std::string(url.substr(base.size()));
}

std::string UidAppender::suffix(std::string_view url, std::string_view uid)
{
    return separator(url) + "uid=" + std::string(uid);
}

} // namespace studio
