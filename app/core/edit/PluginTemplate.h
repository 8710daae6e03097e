#pragma once

#include "json/JsonParser.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace studio {

// A member of the document a capability needs: its key and its starting value.
using TemplateSection = std::pair<std::string, Json>;

struct NewPluginRequest
{
    std::string id;
    std::string name;
    std::string author;
    std::vector<std::string> capabilities;
};

// The starting point of a new plugin, and of each section a capability needs, with the
// repository paths filled in by the conventions of the real index.
class PluginTemplate
{
public:
    static Json create(const NewPluginRequest &request);
    // The canonical text of `create`, as a document starts from it (no final newline).
    static std::string text(const NewPluginRequest &request);

    // The member a capability needs ("memory_prompt": "" for "memories" ...), or nothing
    // for a value the app does not know.
    static std::optional<TemplateSection> sectionFor(std::string_view capability,
                                                     std::string_view id);

    static std::string imagePath(std::string_view id); // /plugins/logos/<id>.png
    static std::string
    instructionsPath(std::string_view id); // /plugins/instructions/<id>/README.md

    // "Meeting Notes!" -> "meeting-notes": the lowercase-kebab id the index expects.
    static std::string idFromName(std::string_view name);
};

} // namespace studio
