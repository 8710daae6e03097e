#pragma once

#include <QObject>

class QWidget;

namespace studio {

struct ValidationReport;
class DocumentSession;
class InstructionsDocument;

// Plugin > Export Submission: the export dialog on the entry as typed, judged by the report
// of that very text. Right after switching entries or typing, the latest report may be of
// another revision: the export waits for the current one (validated at once) instead of
// showing the errors of text that is gone. An index updated by the dialog is read again.
class SubmissionExport : public QObject
{
    Q_OBJECT

public:
    SubmissionExport(DocumentSession &session, InstructionsDocument &instructions,
                     QWidget *window);

    // Opens the dialog, at once or when the current revision's report is ready; a second
    // request while one waits joins it.
    void start();
    bool isWaiting() const { return m_waiting; }

signals:
    // Something done, for the status bar.
    void notice(const QString &text);

private:
    // False, after saying so, when the text is not a manifest.
    bool parses() const;
    void open(const ValidationReport &report);
    void indexUpdated(const QString &indexPath);

    DocumentSession &m_session;
    InstructionsDocument &m_instructions;
    QWidget *m_window;
    bool m_waiting = false;
};

} // namespace studio
