#pragma once

#include "JsonEdit.h"
#include "PluginTemplate.h"
#include "json/JsonParser.h"

#include <optional>
#include <string>
#include <vector>

namespace studio {

// The edits by meaning that keep a manifest coherent, whoever asks for them (the form, a
// quick fix, a tool): the manifest's rules live here, not in a widget.
class ManifestEdits
{
public:
    // The value at an object-only pointer ("/external_integration/webhook_url"), or null.
    static const Json *fieldAt(const Json &root, const std::string &pointer);

    // Adds the capability, and the section it needs (the document's contract gives it,
    // Contract::sectionFor) unless the text already has one, which is kept as it is.
    static std::vector<JsonEdit> addCapability(const Json &root, const std::string &capability,
                                               const std::optional<TemplateSection> &section);
    // Removes every occurrence of the capability and its section: the app ignores a section
    // without its capability, so keeping it would only mislead (undo brings it back).
    static std::vector<JsonEdit> removeCapability(const Json &root, const std::string &capability,
                                                  const std::optional<TemplateSection> &section);

    // A string set such as the proactive scopes: adds the value, or removes every
    // occurrence of it. With a `key`, each element is an object holding the value under
    // that key (an app's actions: [{"action": "read_tasks"}]).
    static std::vector<JsonEdit> addToSet(const std::string &pointer, const std::string &value,
                                          const std::string &key = {});
    static std::vector<JsonEdit> removeFromSet(const Json &root, const std::string &pointer,
                                               const std::string &value,
                                               const std::string &key = {});
};

} // namespace studio
