#include "LinkTarget.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <algorithm>
#include <cctype>

namespace studio {

namespace {

using Kind = LinkTarget::Kind;

std::string lowercase(std::string_view text)
{
    std::string result(text);
    std::transform(result.begin(), result.end(), result.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return result;
}

// The scheme of an absolute URL ("https"), or empty for a relative reference.
std::string schemeOf(std::string_view destination)
{
    const auto colon = destination.find(':');
    if (colon == std::string_view::npos || colon == 0)
        return {};
    const auto scheme = destination.substr(0, colon);
    if (!std::isalpha(static_cast<unsigned char>(scheme.front())))
        return {};
    const bool valid = std::all_of(scheme.begin(), scheme.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
    });
    // "/a:b" or "assets/x:y.png" are paths: a scheme never holds a '/'.
    return valid ? lowercase(scheme) : std::string();
}

bool hasWhiteSpace(std::string_view text)
{
    return std::any_of(text.begin(), text.end(),
                       [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
}

std::string assetPath(std::string_view destination)
{
    const auto end = destination.find_first_of("?#");
    const auto path = destination.substr(0, end);
    const QByteArray encoded(path.data(), static_cast<qsizetype>(path.size()));
    return QUrl::fromPercentEncoding(encoded).toStdString();
}

bool leavesFolder(std::string_view path)
{
    std::size_t start = 0;
    while (start <= path.size()) {
        const auto end = std::min(path.find('/', start), path.size());
        if (path.substr(start, end - start) == "..")
            return true;
        start = end + 1;
    }
    return false;
}

LinkTarget malformed(LinkTarget target, std::string why)
{
    target.kind = Kind::Malformed;
    target.detail = std::move(why);
    return target;
}

LinkTarget classifyWeb(LinkTarget target, const std::string &scheme)
{
    const QUrl url(QString::fromStdString(target.destination), QUrl::StrictMode);
    if (!url.isValid())
        return malformed(std::move(target),
                         "it is not a valid URL: " + url.errorString().toStdString());
    if (url.host().isEmpty())
        return malformed(std::move(target), "it has no host name after '" + scheme + "://'");
    target.kind = Kind::Web;
    target.plainHttp = scheme == "http";
    return target;
}

} // namespace

LinkTarget LinkTarget::classify(std::string_view destination)
{
    LinkTarget target;
    target.destination = std::string(destination);
    if (destination.empty())
        return malformed(std::move(target), "the link has no destination");
    if (hasWhiteSpace(destination))
        return malformed(std::move(target),
                         "the destination contains white space; write spaces as %20");
    if (destination.front() == '#') {
        target.kind = Kind::Fragment;
        return target;
    }

    const std::string scheme = schemeOf(destination);
    if (scheme == "http" || scheme == "https")
        return classifyWeb(std::move(target), scheme);
    if (scheme == "mailto") {
        target.kind = destination.size() > 7 ? Kind::Mail : Kind::Malformed;
        if (target.kind == Kind::Malformed)
            target.detail = "the mailto: link has no address";
        return target;
    }
    if (scheme == "tel") {
        target.kind = Kind::Phone;
        return target;
    }
    if (scheme == "javascript" || scheme == "vbscript")
        return malformed(std::move(target),
                         "a " + scheme + ": link runs a script; the app never runs it");
    if (scheme == "file")
        return malformed(std::move(target),
                         "a file: link points at a file on your computer; put the file in assets/ "
                         "and link to assets/<name>");
    if (scheme == "data")
        return malformed(std::move(target),
                         "the app does not open data: URLs; put the file in assets/");
    if (!scheme.empty())
        return malformed(std::move(target),
                         "unknown scheme '" + scheme +
                             ":'; the app opens http(s), mailto: and tel: links");
    if (destination.starts_with("//"))
        return malformed(std::move(target), "a scheme-relative URL; write https://");

    if (destination.starts_with("assets/") || destination.starts_with("./assets/")) {
        target.dotSlash = destination.starts_with("./");
        target.detail = assetPath(destination.substr(target.dotSlash ? 2 : 0));
        if (target.detail.size() <= 7 || target.detail.back() == '/')
            return malformed(std::move(target), "it names the assets folder, not a file in it");
        if (leavesFolder(target.detail))
            return malformed(std::move(target), "it leaves the instructions folder through '..'");
        target.kind = Kind::Asset;
        return target;
    }
    target.kind = Kind::Relative;
    return target;
}

} // namespace studio
