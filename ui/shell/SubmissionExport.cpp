#include "SubmissionExport.h"

#include "document/DocumentSession.h"
#include "document/ManifestDocument.h"
#include "document/ValidationScheduler.h"
#include "export/ExportRequest.h"
#include "document/InstructionsDocument.h"
#include "submission/ExportDialog.h"

#include <QFileInfo>
#include <QMessageBox>

namespace studio {

SubmissionExport::SubmissionExport(DocumentSession &session, InstructionsDocument &instructions,
                                   QWidget *window)
    : QObject(window)
    , m_session(session)
    , m_instructions(instructions)
    , m_window(window)
{
}

void SubmissionExport::start()
{
    if (m_waiting || !parses())
        return;
    if (m_session.isSaving()) {
        // The export reads and writes the index too: after the save, not beside it.
        m_waiting = true;
        m_session.afterSave([this] {
            m_waiting = false;
            start();
        });
        return;
    }
    // The export lists the instructions' files as they are on disk; saving them validates
    // the entry again, which the export then waits for.
    if (m_instructions.isModified() && !m_instructions.save())
        return;
    m_waiting = true;
    m_session.validation()->whenCurrent(this, [this](const ValidationReport &report) {
        m_waiting = false;
        open(report);
    });
}

// Called when the latest report describes the text as it is: the entry and the report
// are taken together, before the dialog's event loop lets anything change.
void SubmissionExport::open(const ValidationReport &report)
{
    if (!parses())
        return;
    const ManifestDocument *document = m_session.document();
    ExportRequest request;
    request.entry = document->parse().value;
    if (m_session.hasRepository())
        request.indexPath = m_session.indexPath();
    request.repositoryRoot = m_session.source().repositoryRoot;
    request.report = report;
    request.base.openedIndex = m_session.openedIndexText();
    ExportDialog dialog(std::move(request), m_window);
    dialog.setObjectName(QStringLiteral("exportDialog"));
    connect(&dialog, &ExportDialog::indexUpdated, this, &SubmissionExport::indexUpdated);
    connect(&dialog, &ExportDialog::actionFinished, this,
            [this](bool, const QString &message) { emit notice(message); });
    dialog.exec();
}

bool SubmissionExport::parses() const
{
    const ManifestDocument *document = m_session.document();
    if (document->parses() && document->parse().value.is_object())
        return true;
    QMessageBox::warning(m_window, tr("Export Submission"),
                         tr("The text is not a manifest that parses; fix the problems marked in "
                            "the text first."));
    return false;
}

void SubmissionExport::indexUpdated(const QString &indexPath)
{
    if (!m_session.hasRepository() || QFileInfo(indexPath) != QFileInfo(m_session.indexPath()))
        return;
    // The entry now sits in the index as exported: show it as saved, from the file.
    const std::string id = m_session.document()->manifest().id;
    const QString error =
        m_session.openRepository(m_session.repositoryRoot(), QString::fromStdString(id));
    emit notice(error.isEmpty()
                    ? tr("The index was updated; the entry shows as saved.")
                    : tr("The index was updated, but could not be reread: %1").arg(error));
}

} // namespace studio
