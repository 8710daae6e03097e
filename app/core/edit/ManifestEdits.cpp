#include "ManifestEdits.h"

#include "PluginTemplate.h"
#include "json/JsonPointer.h"

namespace studio {

namespace {

// The elements that are `value`, or with a key, objects holding `value` under it.
std::vector<std::size_t> indicesOf(const Json *array, const std::string &value,
                                   const std::string &key)
{
    std::vector<std::size_t> indices;
    if (!array || !array->is_array())
        return indices;
    for (std::size_t i = 0; i < array->size(); ++i) {
        const Json &element = (*array)[i];
        const Json *held = &element;
        if (!key.empty()) {
            const auto found = element.is_object() ? element.find(key) : element.end();
            held = element.is_object() && found != element.end() ? &*found : nullptr;
        }
        if (held && held->is_string() && held->get<std::string>() == value)
            indices.push_back(i);
    }
    return indices;
}

} // namespace

const Json *ManifestEdits::fieldAt(const Json &root, const std::string &pointer)
{
    const Json *current = &root;
    for (const auto &token : json_pointer::tokens(pointer)) {
        if (!current->is_object())
            return nullptr;
        const auto it = current->find(token);
        if (it == current->end())
            return nullptr;
        current = &*it;
    }
    return current;
}

std::vector<JsonEdit> ManifestEdits::addCapability(const Json &root, const std::string &capability,
                                                   const std::optional<TemplateSection> &section)
{
    std::vector<JsonEdit> edits{JsonEdit::append("/capabilities", capability)};
    if (section && !fieldAt(root, json_pointer::append("", section->first)))
        edits.push_back(JsonEdit::set(json_pointer::append("", section->first), section->second));
    return edits;
}

std::vector<JsonEdit> ManifestEdits::removeCapability(const Json &root,
                                                      const std::string &capability,
                                                      const std::optional<TemplateSection> &section)
{
    std::vector<JsonEdit> edits = removeFromSet(root, "/capabilities", capability);
    if (section && fieldAt(root, json_pointer::append("", section->first)))
        edits.push_back(JsonEdit::remove(json_pointer::append("", section->first)));
    return edits;
}

std::vector<JsonEdit> ManifestEdits::addToSet(const std::string &pointer, const std::string &value,
                                              const std::string &key)
{
    return {JsonEdit::append(pointer, key.empty() ? Json(value) : Json{{key, value}})};
}

std::vector<JsonEdit> ManifestEdits::removeFromSet(const Json &root, const std::string &pointer,
                                                   const std::string &value,
                                                   const std::string &key)
{
    std::vector<JsonEdit> edits;
    const auto indices = indicesOf(fieldAt(root, pointer), value, key);
    // From the last, so each index still points at its value when its edit is made.
    for (auto it = indices.rbegin(); it != indices.rend(); ++it)
        edits.push_back(JsonEdit::remove(json_pointer::append(pointer, *it)));
    return edits;
}

} // namespace studio
