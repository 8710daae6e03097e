#pragma once

#include <string>
#include <string_view>

namespace studio {

// The app appends the user's id to every link of the setup instructions the user taps:
// "&uid=" when the URL already has a query, else "?uid=". It goes before a "#fragment",
// which is never sent to the server.
class UidAppender
{
public:
    // The URL as the app opens it; the uid is percent-encoded.
    static std::string append(std::string_view url, std::string_view uid);
    // What the app adds, as the user would read it: "?uid=<uid>" or "&uid=<uid>".
    static std::string suffix(std::string_view url, std::string_view uid);

private:
    static std::string separator(std::string_view url);
};

} // namespace studio
