#include "JsonPointer.h"

namespace studio::json_pointer {

std::string unescapeToken(std::string_view token)
{
    std::string result;
    result.reserve(token.size());
    for (std::size_t i = 0; i < token.size(); ++i) {
        if (token[i] == '~' && i + 1 < token.size()) {
            result += token[i + 1] == '1' ? '/' : '~';
            ++i;
        } else {
            result += token[i];
        }
    }
    return result;
}

std::string escapeToken(std::string_view token)
{
    std::string result;
    result.reserve(token.size());
    for (const char c : token) {
        if (c == '~')
            result += "~0";
        else if (c == '/')
            result += "~1";
        else
            result += c;
    }
    return result;
}

std::string append(std::string_view pointer, std::string_view token)
{
    std::string result(pointer);
    result += '/';
    result += escapeToken(token);
    return result;
}

std::string append(std::string_view pointer, std::size_t index)
{
    return append(pointer, std::to_string(index));
}

std::vector<std::string> tokens(std::string_view pointer)
{
    std::vector<std::string> result;
    std::size_t start = 1;
    while (start <= pointer.size() && !pointer.empty()) {
        const auto slash = pointer.find('/', start);
        const auto end = slash == std::string_view::npos ? pointer.size() : slash;
        result.push_back(unescapeToken(pointer.substr(start, end - start)));
        start = end + 1;
    }
    return result;
}

std::string parent(std::string_view pointer)
{
    const auto slash = pointer.rfind('/');
    return slash == std::string_view::npos ? std::string() : std::string(pointer.substr(0, slash));
}

std::string lastToken(std::string_view pointer)
{
    const auto slash = pointer.rfind('/');
    return slash == std::string_view::npos ? std::string()
                                           : unescapeToken(pointer.substr(slash + 1));
}

} // namespace studio::json_pointer
