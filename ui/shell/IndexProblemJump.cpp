#include "IndexProblemJump.h"

#include "SessionController.h"
#include "diagnostics/IndexFindings.h"
#include "document/DocumentSession.h"
#include "document/ManifestDocument.h"
#include "document/ValidationScheduler.h"

namespace studio {

IndexProblemJump::IndexProblemJump(DocumentSession &session, SessionController &controller,
                                   Show show, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_controller(controller)
    , m_show(std::move(show))
{
    connect(session.validation(), &ValidationScheduler::reportReady, this,
            &IndexProblemJump::reportReady);
}

void IndexProblemJump::go(const Diagnostic &inIndex)
{
    m_pending.reset();
    if (!inIndex.entryIndex) {
        emit message(tr("This problem is about the index as a whole, not one entry."));
        return;
    }
    // Not at all when the user stayed with the entry they were editing.
    m_controller.chooseEntry(*inIndex.entryIndex, [this, inIndex] {
        m_pending = inIndex;
        // Shown at once when the entry's report is current, else when it arrives.
        if (m_session.validation()->latestRevision() == m_session.document()->revision())
            showPending();
    });
}

void IndexProblemJump::reportReady()
{
    if (m_pending)
        showPending();
}

void IndexProblemJump::showPending()
{
    const Diagnostic inIndex = *m_pending;
    m_pending.reset();
    const Diagnostic *inEntry =
        IndexFindings::sameInEntry(m_session.validation()->latestReport(), inIndex);
    if (!inEntry) {
        emit message(tr("The entry no longer has this problem (%1): it was fixed after the "
                        "index was last saved.")
                         .arg(QString::fromUtf8(inIndex.code().data(),
                                                static_cast<qsizetype>(inIndex.code().size()))));
        return;
    }
    m_show(Diagnostic(*inEntry));
}

} // namespace studio
