#pragma once

#include "diagnostics/ValidationReport.h"

#include <QObject>

#include <string>
#include <vector>

namespace studio {

class DocumentSession;

// The whole index's report as the window shows it: the index as saved (IndexValidation),
// except the open entry, whose findings come from its text as typed (ValidationScheduler),
// placed where they will be once it is saved. Fixing a problem in the editor takes it out
// of the whole index's view before Save. Until the open entry's first report, and while
// the index itself is checked again, the index's own findings stand.
class IndexReportAsTyped : public QObject
{
    Q_OBJECT

public:
    explicit IndexReportAsTyped(DocumentSession &session, QObject *parent = nullptr);

    // Findings about `file` (the setup instructions) from the text open in its editor
    // rather than the file as saved, as the open entry's own problems show them.
    void setFileFindings(std::string file, std::vector<Diagnostic> findings);

    const ValidationReport &report() const { return m_report; }
    // Whether the open entry's findings are from its text as typed.
    bool hasOpenEntry() const { return m_openEntry; }

signals:
    // A new report, except while the index is being checked again.
    void reportChanged(const studio::ValidationReport &report);

private:
    void update();
    void mergeOpenEntry();

    DocumentSession &m_session;
    bool m_entryReportCurrent = false; // the scheduler's report is of the open document
    std::string m_entryText;           // the text that report describes
    bool m_openEntry = false;
    std::string m_file;
    std::vector<Diagnostic> m_fileFindings;
    ValidationReport m_report;
};

} // namespace studio
