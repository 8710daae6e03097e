#pragma once

#include "Diagnostic.h"

#include <vector>

namespace studio {

// Where a diagnostic is drawn: on the value, on the member's key, or on the first
// character of the value (for findings about an object as a whole).
enum class Anchor
{
    Value,
    Key,
    Start
};

struct PendingDiagnostic
{
    RuleId rule;
    std::string message;
    std::string pointer;
    Anchor anchor;
    std::optional<Fix> fix; // a Replace fix's span is the located diagnostic's
};

// Rules report here with a pointer; the document validator turns pointers into spans.
class DiagnosticSink
{
public:
    void report(RuleId rule, std::string pointer, std::string message,
                Anchor anchor = Anchor::Value)
    {
        m_pending.push_back({rule, std::move(message), std::move(pointer), anchor, std::nullopt});
    }

    // The finding just reported is fixed by putting `jsonText` in place of its span (the
    // value, or the key for a key finding).
    void suggestReplacement(std::string title, std::string jsonText)
    {
        if (!m_pending.empty())
            m_pending.back().fix =
                Fix{Fix::Kind::Replace, std::move(title), {}, std::move(jsonText), {}};
    }
    // The finding just reported is fixed by moving its member to `target`.
    void suggestMove(std::string title, std::string target)
    {
        if (!m_pending.empty())
            m_pending.back().fix =
                Fix{Fix::Kind::Move, std::move(title), {}, {}, std::move(target)};
    }

    // A finding located in another file (the setup-instructions markdown): it comes with
    // its own file, span and positions; `pointer` names the manifest value that leads there.
    void reportInFile(Diagnostic diagnostic) { m_inOtherFiles.push_back(std::move(diagnostic)); }

    const std::vector<PendingDiagnostic> &pending() const { return m_pending; }
    std::vector<PendingDiagnostic> takePending() { return std::move(m_pending); }
    std::vector<Diagnostic> takeInOtherFiles() { return std::move(m_inOtherFiles); }

private:
    std::vector<PendingDiagnostic> m_pending;
    std::vector<Diagnostic> m_inOtherFiles;
};

} // namespace studio
