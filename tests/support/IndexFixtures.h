#pragma once

#include "json/JsonParser.h"

#include <string>

namespace studio::test {

// Index texts and entries several tests share, laid out as the real community-plugins.json
// is (two-space indent, one member per line). Tests that need a quirk of their own (odd
// spacing, CRLF) derive it from these or keep their own text.

// The entries as they stand in an index, at two spaces.
inline const std::string kAlphaEntry = R"({
    "id": "alpha",
    "name": "Alpha",
    "author": "@a",
    "description": "First.",
    "image": "/plugins/logos/alpha.png",
    "capabilities": [
      "chat"
    ],
    "chat_prompt": "Hi",
    "deleted": false
  })";
inline const std::string kBetaEntry = R"({
    "id": "beta",
    "name": "Beta",
    "author": "@b",
    "description": "Second.",
    "image": "/plugins/logos/beta.png",
    "capabilities": [
      "memories"
    ],
    "memory_prompt": "Sum up.",
    "deleted": false
  })";

// Alpha (chat) alone, and alpha with beta (memories).
inline const std::string kAlphaIndex = "[\n  " + kAlphaEntry + "\n]\n";
inline const std::string kAlphaBetaIndex = "[\n  " + kAlphaEntry + ",\n  " + kBetaEntry + "\n]\n";

// A new entry for either index, keys out of the canonical order.
inline Json gammaEntry()
{
    return Json::parse(R"({"name": "Gamma", "id": "gamma", "author": "@c", "description": "Third.",
        "image": "/plugins/logos/gamma.png", "capabilities": ["chat"], "chat_prompt": "Yo",
        "deleted": false})");
}

} // namespace studio::test
