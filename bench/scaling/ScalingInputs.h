#pragma once

#include <cstddef>
#include <string>

namespace scaling {

// Inputs generated in memory at any size, for the scaling benchmark. Each is what a user
// could hand the studio, or paste into it.

// An index of `entries` entries, on one line or laid out as the real index is (two spaces).
std::string minifiedIndex(std::size_t entries);
std::string prettyIndex(std::size_t entries);

// A manifest object with `keys` members besides its own, on one line.
std::string objectWithKeys(std::size_t keys);

// A manifest whose id is `length` characters of lowercase kebab.
std::string manifestWithLongId(std::size_t length);

// A transcript of `segments` segments in the app's shape, on one line.
std::string compactTranscript(std::size_t segments);

// About `bytes` bytes of markdown: `unit` repeated, `first` repeated then `second`, or a
// pattern that grows. Most are the inputs of cmark's and cmark-gfm's pathological tests.
std::string repeated(std::string_view unit, std::size_t bytes);
std::string halves(std::string_view first, std::string_view second, std::size_t bytes);
std::string linksInOneParagraph(std::size_t bytes);
std::string bareUrlsInOneParagraph(std::size_t bytes);
std::string nestedBrackets(std::size_t bytes);
std::string growingBacktickRuns(std::size_t bytes);
std::string nestedBlockQuotes(std::size_t bytes);
std::string deepListThenBlankLines(std::size_t bytes);
std::string deepBlockQuoteThenEmphasis(std::size_t bytes);
std::string wideTable(std::size_t bytes); // a header of many columns, then short rows
std::string plainInstructions(std::size_t bytes);

} // namespace scaling
