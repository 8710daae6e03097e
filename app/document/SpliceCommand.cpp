#include "SpliceCommand.h"

#include "TextDocument.h"
#include "edit/TypingRun.h"

#include <algorithm>

namespace studio {

namespace {

constexpr int kTypingId = 0x5354;
constexpr int kFieldId = 0x5355;

std::vector<TextSplice> inverted(const std::vector<TextSplice> &splices)
{
    std::vector<TextSplice> result;
    result.reserve(splices.size());
    std::for_each(splices.rbegin(), splices.rend(),
                  [&](const TextSplice &splice) { result.push_back(splice.inverted()); });
    return result;
}

} // namespace

SpliceCommand::SpliceCommand(TextDocument *document, std::vector<TextSplice> splices,
                             const QString &description, EditOrigin origin, Merge merge,
                             QUndoCommand *parent)
    : QUndoCommand(description, parent)
    , m_document(document)
    , m_splices(std::move(splices))
    , m_origin(origin)
    , m_merge(merge)
{}

void SpliceCommand::redo()
{
    // The first time, the change comes from a view that may already show it; afterwards it
    // is history being replayed, which every view must mirror.
    m_document->applySplices(m_splices, m_firstRedo ? m_origin : EditOrigin::UndoRedo);
    m_firstRedo = false;
}

void SpliceCommand::undo()
{
    m_document->applySplices(inverted(m_splices), EditOrigin::UndoRedo);
}

int SpliceCommand::id() const
{
    switch (m_merge) {
    case Merge::Typing:
        return kTypingId;
    case Merge::SameField:
        return kFieldId;
    case Merge::Never:
        break;
    }
    return -1;
}

bool SpliceCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = dynamic_cast<const SpliceCommand *>(other);
    if (!next || m_splices.size() != 1 || next->m_splices.size() != 1)
        return false;
    if (m_merge == Merge::Typing &&
        !TypingRun::continues(m_splices.front(), next->m_splices.front()))
        return false;
    if (m_merge == Merge::SameField && m_mergeKey != next->m_mergeKey)
        return false;
    // Both are applied already: the document holds the text after the two.
    m_splices.front() =
        TextSplice::merged(m_splices.front(), next->m_splices.front(), m_document->text());
    setObsolete(m_splices.front().isEmpty());
    return true;
}

} // namespace studio
