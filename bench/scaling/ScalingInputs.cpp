#include "ScalingInputs.h"

#include "json/JsonParser.h"

namespace scaling {

namespace {

// A plausible entry with the findings a real index has: a missing image, a plain-http link.
studio::Json indexEntry(std::size_t number)
{
    const std::string n = std::to_string(number);
    return {{"id", "plugin-" + n},
            {"name", "Plugin " + n},
            {"author", "@author" + n},
            {"description", "Plugin number " + n + ", see http://example.com/" + n},
            {"capabilities", {"chat"}},
            {"chat_prompt", "Be helpful."},
            {"deleted", false}};
}

studio::Json index(std::size_t entries)
{
    studio::Json index = studio::Json::array();
    for (std::size_t i = 0; i < entries; ++i)
        index.push_back(indexEntry(i));
    return index;
}

} // namespace

std::string minifiedIndex(std::size_t entries)
{
    return index(entries).dump();
}

std::string prettyIndex(std::size_t entries)
{
    return index(entries).dump(2) + "\n";
}

std::string objectWithKeys(std::size_t keys)
{
    std::string text = R"({"id":"many-keys","name":"Many keys","author":"@a",)"
                       R"("description":"d","image":"/plugins/logos/a.png",)"
                       R"("capabilities":["chat"],"chat_prompt":"Hi","deleted":false)";
    for (std::size_t i = 0; i < keys; ++i)
        text += ",\"key" + std::to_string(i) + "\":" + std::to_string(i);
    return text + "}";
}

std::string manifestWithLongId(std::size_t length)
{
    std::string id;
    while (id.size() + 2 <= length)
        id += id.empty() ? "ab" : "-a";
    id.resize(length, 'b');
    return R"({"id":")" + id +
           R"(","name":"Long","author":"@a","description":"d","image":"/plugins/logos/a.png",)"
           R"("capabilities":["chat"],"chat_prompt":"Hi","deleted":false})";
}

std::string compactTranscript(std::size_t segments)
{
    std::string text = "[";
    for (std::size_t i = 0; i < segments; ++i) {
        const std::string start = std::to_string(i * 2);
        text += (i ? "," : "") + std::string(R"({"text":"Segment number )") + std::to_string(i) +
                R"( of the day","speaker":"SPEAKER_0)" + std::to_string(i % 3) + R"(","is_user":)" +
                (i % 3 == 0 ? "true" : "false") + R"(,"person_id":null,"start":)" + start +
                R"(.5,"end":)" + start + ".9}";
    }
    return text + "]";
}

std::string repeated(std::string_view unit, std::size_t bytes)
{
    std::string text;
    text.reserve(bytes + unit.size());
    while (text.size() + unit.size() <= bytes)
        text += unit;
    return text;
}

std::string halves(std::string_view first, std::string_view second, std::size_t bytes)
{
    return repeated(first, bytes / 2) + repeated(second, bytes / 2);
}

std::string linksInOneParagraph(std::size_t bytes)
{
    std::string text;
    for (std::size_t i = 0; text.size() < bytes; ++i)
        text += "[step " + std::to_string(i) + "](https://example.com/setup/" + std::to_string(i) +
                ") ";
    return text;
}

std::string bareUrlsInOneParagraph(std::size_t bytes)
{
    std::string text;
    for (std::size_t i = 0; text.size() < bytes; ++i)
        text += "see https://example.com/setup/" + std::to_string(i) + " or www.example.org/" +
                std::to_string(i) + " ";
    return text;
}

std::string nestedBrackets(std::size_t bytes)
{
    return std::string(bytes / 2, '[') + "a" + std::string(bytes / 2, ']');
}

std::string growingBacktickRuns(std::size_t bytes)
{
    std::string text;
    for (std::size_t run = 1; text.size() + run + 1 <= bytes; ++run)
        text += "e" + std::string(run, '`');
    return text;
}

std::string nestedBlockQuotes(std::size_t bytes)
{
    return repeated("> ", bytes) + "a\n";
}

std::string deepListThenBlankLines(std::size_t bytes)
{
    return repeated("- ", bytes / 2) + "x" + std::string(bytes / 2, '\n');
}

std::string deepBlockQuoteThenEmphasis(std::size_t bytes)
{
    return std::string(bytes / 3, '>') + repeated("a*", bytes - bytes / 3);
}

std::string wideTable(std::size_t bytes)
{
    const std::size_t columns = bytes / 8;
    return repeated("|a", 2 * columns) + "\n" + repeated("|-", 2 * columns) + "\n" +
           repeated("a\n", bytes / 2);
}

std::string plainInstructions(std::size_t bytes)
{
    std::string text;
    for (std::size_t i = 0; text.size() < bytes; ++i)
        text += "## Step " + std::to_string(i) +
                "\n\nOpen the **settings** page and paste the key from "
                "[your account](https://example.com/account). See ![the screen](assets/s" +
                std::to_string(i) + ".png) for where it goes.\n\n";
    return text;
}

} // namespace scaling
