#pragma once

#include "json/JsonParser.h"
#include "manifest/ManifestSchema.h"

#include <span>
#include <string>

namespace studio {

// The fields of each level of a plugin or app, in the order its canonical text has them.
struct FieldOrder
{
    std::span<const manifest_schema::Field> topLevel;
    std::span<const manifest_schema::Field> externalIntegration;
    std::span<const manifest_schema::Field> authStep;
};

// The object with the keys of each level in `order`, unknown keys last in their own order;
// anything but an object as it is.
Json orderedBy(const Json &object, const FieldOrder &order);

// The entry with its keys in the order of the real index (id, name, author, description,
// image, capabilities, prompts, sections, deleted), unknown keys last in their own order.
Json canonicalEntry(const Json &entry);

struct JsonStyle
{
    int indentWidth = 2;
    char indentChar = ' ';
};

// The canonical text of one entry: indented, UTF-8, without a final newline.
std::string entryText(const Json &entry, const JsonStyle &style = {});

// The submission file for one entry: canonical text and a final newline.
std::string submissionJson(const Json &entry);

} // namespace studio
