#include "Suggestions.h"

#include "json/JsonParser.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace studio {

namespace {

// "webhookURL", "Webhook-Url" and "webhook_url" all fold to "webhookurl".
std::string fold(std::string_view word)
{
    std::string folded;
    folded.reserve(word.size());
    for (const char c : word) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte))
            folded += static_cast<char>(std::tolower(byte));
    }
    return folded;
}

} // namespace

std::size_t editDistance(std::string_view a, std::string_view b)
{
    // Optimal string alignment distance: insertions, deletions, substitutions and swaps.
    const std::size_t rows = a.size() + 1;
    const std::size_t columns = b.size() + 1;
    std::vector<std::size_t> d(rows * columns);
    const auto at = [&](std::size_t i, std::size_t j) -> std::size_t & {
        return d[i * columns + j];
    };
    for (std::size_t i = 0; i < rows; ++i)
        at(i, 0) = i;
    for (std::size_t j = 0; j < columns; ++j)
        at(0, j) = j;
    for (std::size_t i = 1; i < rows; ++i) {
        for (std::size_t j = 1; j < columns; ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
        }
    }
    return at(rows - 1, columns - 1);
}

std::optional<std::string_view> closestMatch(std::string_view word,
                                             std::span<const std::string_view> candidates)
{
    const std::string foldedWord = fold(word);
    if (foldedWord.empty())
        return std::nullopt;
    const std::size_t tolerance = foldedWord.size() <= 4 ? 1 : foldedWord.size() <= 8 ? 2 : 3;
    std::optional<std::string_view> best;
    std::size_t bestDistance = 0;
    for (const auto candidate : candidates) {
        const std::string foldedCandidate = fold(candidate);
        // The distance is at least the difference in length: a candidate that far off can
        // never be suggested, and a long unknown key is not compared letter by letter.
        const std::size_t longer = std::max(foldedWord.size(), foldedCandidate.size());
        const std::size_t shorter = std::min(foldedWord.size(), foldedCandidate.size());
        if (longer - shorter > tolerance)
            continue;
        const std::size_t distance = editDistance(foldedWord, foldedCandidate);
        if (!best || distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    if (best && bestDistance <= tolerance)
        return best;
    return std::nullopt;
}

std::string didYouMean(std::string_view word, std::span<const std::string_view> candidates)
{
    const auto match = closestMatch(word, candidates);
    if (!match || *match == word)
        return {};
    return " (did you mean '" + std::string(*match) + "'?)";
}

void reportWithSuggestion(DiagnosticSink &sink, RuleId rule, std::string pointer,
                          std::string message, std::string_view word,
                          std::span<const std::string_view> candidates, Anchor anchor)
{
    const auto match = closestMatch(word, candidates);
    const bool differs = match && *match != word;
    if (differs)
        message += " (did you mean '" + std::string(*match) + "'?)";
    sink.report(rule, std::move(pointer), std::move(message), anchor);
    if (differs)
        sink.suggestReplacement("Replace with '" + std::string(*match) + "'",
                                Json(std::string(*match)).dump());
}

} // namespace studio
