// Times every parser and check of untrusted input at two sizes, N and 10N, and prints the
// ratio: about 10 for linear code, about 100 for quadratic code. The target is a ratio of
// at most 20, plus an absolute time where one is promised (a 200,000-segment transcript
// loads in under 1 s; 4 MB of instructions of any content are checked in under 1 s).
// Inputs are generated in memory. Each measurement runs in a child process, cut off after
// the cap, and reports CPU time. Not a test: figures, no assertions.
//
//   bench_scaling [--cap SECONDS] [FILTER]     (default cap 60 s; FILTER picks cases by name)

#include "CappedRun.h"
#include "ScalingInputs.h"
#include "markdown/InstructionsChecker.h"
#include "markdown/InstructionsFile.h"
#include "transcript/TranscriptLoader.h"
#include "validation/DocumentValidator.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <optional>
#include <string>
#include <vector>

using namespace studio;
using namespace scaling;

namespace {

struct ScalingCase
{
    std::string name;
    std::size_t n; // the small size, in the case's own unit (entries, keys, bytes ...)
    std::function<std::string(std::size_t)> input;
    std::function<void(const std::string &)> work;
    std::optional<double> targetAtTenN; // seconds, where one is promised
};

void validate(const std::string &text)
{
    DocumentValidator::validate(text, ValidationOptions{});
}

void loadTranscript(const std::string &text)
{
    TranscriptLoader::loadBytes(text, {}, QStringLiteral("transcript.json"));
}

void checkInstructions(const std::string &text)
{
    InstructionsContext context;
    context.pluginId = "scaling";
    context.instructionsPath = "/plugins/instructions/scaling/README.md";
    InstructionsChecker::check(text, context);
}

std::vector<ScalingCase> cases()
{
    // 4 MB is the most instructions a studio reads (InstructionsFile::kMaxBytes).
    const auto tenth = static_cast<std::size_t>(InstructionsFile::kMaxBytes / 10);
    const auto markdown = [&](std::string name, std::function<std::string(std::size_t)> input) {
        return ScalingCase{"instructions: " + std::move(name), tenth, std::move(input),
                           checkInstructions, 1.0};
    };
    const auto pattern = [](std::string unit) {
        return [unit](std::size_t bytes) { return repeated(unit, bytes); };
    };
    return {
        {"validate: index, minified (entries)", 2000, minifiedIndex, validate, {}},
        {"validate: index, pretty (entries)", 2000, prettyIndex, validate, {}},
        {"validate: object (keys)", 8000, objectWithKeys, validate, {}},
        {"validate: id (characters)", 10000, manifestWithLongId, validate, {}},
        {"load: transcript, compact (segments)", 20000, compactTranscript, loadTranscript, 1.0},
        markdown("plain text", plainInstructions),
        markdown("![[]() repeated", pattern("![[]()")),
        markdown("links in one paragraph", linksInOneParagraph),
        markdown("bare URLs in one paragraph", bareUrlsInOneParagraph),
        markdown("nested brackets [[[a]]]", nestedBrackets),
        markdown("backtick runs e`e``e```", growingBacktickRuns),
        markdown("emphasis *a** repeated", pattern("*a**")),
        markdown("emphasis *a then _a*_",
                 [](std::size_t bytes) { return halves("*a ", "_a*_ ", bytes); }),
        // After text: at the start of a line they would open an HTML block instead.
        markdown("unclosed a<? repeated", pattern("a<?")),
        markdown("unclosed a<![CDATA[ repeated", pattern("a<![CDATA[")),
        markdown("email autolinks x@ repeated", pattern("x@")),
        markdown("nested block quotes > > >", nestedBlockQuotes),
        markdown("deep list, then blank lines", deepListThenBlankLines),
        markdown("deep block quote, then a*", deepBlockQuoteThenEmphasis),
        markdown("table: wide header, short rows", wideTable),
        markdown("table rows aaa\\rbbb\\n-\\v", pattern("aaa\rbbb\n-\v\n")),
        markdown("list items - a", pattern("- a\n")),
    };
}

std::string describeSize(std::size_t bytes)
{
    char buffer[32];
    if (bytes >= 1024 * 1024)
        std::snprintf(buffer, sizeof buffer, "%.1f MB", double(bytes) / (1024 * 1024));
    else
        std::snprintf(buffer, sizeof buffer, "%.0f KB", double(bytes) / 1024);
    return buffer;
}

std::string describeTime(const CappedTime &time)
{
    if (!time.ok())
        return time.failure;
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3f s", *time.seconds);
    return buffer;
}

void run(const ScalingCase &scalingCase, int cap)
{
    const std::string small = scalingCase.input(scalingCase.n);
    const CappedTime atN = timeCapped([&] { scalingCase.work(small); }, cap);
    std::string large;
    CappedTime atTenN{std::nullopt, "skipped"};
    if (atN.ok()) {
        large = scalingCase.input(scalingCase.n * 10);
        atTenN = timeCapped([&] { scalingCase.work(large); }, cap);
    }

    std::string verdict;
    if (atN.ok() && atTenN.ok()) {
        const double ratio = *atTenN.seconds / std::max(*atN.seconds, 1e-6);
        char buffer[48];
        std::snprintf(buffer, sizeof buffer, "%6.1f %s", ratio, ratio <= 20 ? "ok" : "OVER 20");
        verdict = buffer;
    } else {
        verdict = "     - OVER 20";
    }
    if (scalingCase.targetAtTenN) {
        const bool met = atTenN.ok() && *atTenN.seconds < *scalingCase.targetAtTenN;
        verdict += met ? "   < 1 s ok" : "   < 1 s MISSED";
    }
    std::printf("%-40s %7zu %8s %11s   %8zu %8s %11s   %s\n", scalingCase.name.c_str(),
                scalingCase.n, describeSize(small.size()).c_str(), describeTime(atN).c_str(),
                scalingCase.n * 10, large.empty() ? "" : describeSize(large.size()).c_str(),
                describeTime(atTenN).c_str(), verdict.c_str());
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    int cap = 60;
    const char *filter = nullptr;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--cap") == 0 && i + 1 < argc)
            cap = std::max(1, std::atoi(argv[++i]));
        else
            filter = argv[i];
    }
    std::printf("%-40s %7s %8s %11s   %8s %8s %11s   %s\n", "case", "N", "size", "time", "10N",
                "size", "time", "ratio 10N/N, target");
    for (const ScalingCase &scalingCase : cases()) {
        if (!filter || scalingCase.name.find(filter) != std::string::npos)
            run(scalingCase, cap);
    }
    return 0;
}
