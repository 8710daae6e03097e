#pragma once

#include "FuzzCheck.h"
#include "validation/DocumentValidator.h"

#include <QString>

#include <algorithm>
#include <tuple>

namespace studio::fuzz {

// The bundled sample repository: entries' image and instructions paths resolve in it, so
// the file rules (image headers, the instructions' markdown) run on what the input names.
inline QString sampleRepository()
{
    return QStringLiteral(STUDIO_SAMPLES_DIR "/repo");
}

// Whatever the text, the report places every finding about the document inside it, with a
// line and column, a rule and a message, in document order.
inline void checkReport(std::string_view text, const ValidationReport &report)
{
    for (const Diagnostic &diagnostic : report.diagnostics) {
        FUZZ_CHECK(!diagnostic.message.empty());
        FUZZ_CHECK(!diagnostic.code().empty());
        FUZZ_CHECK(diagnostic.span.begin <= diagnostic.span.end);
        FUZZ_CHECK(diagnostic.start.isValid() && diagnostic.end.isValid());
        if (diagnostic.file.empty())
            FUZZ_CHECK(diagnostic.span.end <= text.size());
        if (diagnostic.entryIndex)
            FUZZ_CHECK(*diagnostic.entryIndex < report.entryCount);
        (void)diagnostic.entryLabel();
    }
    FUZZ_CHECK(std::is_sorted(report.diagnostics.begin(), report.diagnostics.end(),
                              [](const Diagnostic &a, const Diagnostic &b) {
                                  return std::tie(a.file, a.span.begin) <
                                         std::tie(b.file, b.span.begin);
                              }));
}

inline void validateAndCheck(std::string_view text, const ValidationOptions &options)
{
    checkReport(text, DocumentValidator::validate(text, options));
}

} // namespace studio::fuzz
