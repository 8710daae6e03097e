#pragma once

#include "diagnostics/Diagnostic.h"
#include "diagnostics/ValidationReport.h"

#include <QWidget>

class QLabel;
class QProgressBar;

namespace studio {

class ProblemsModel;
class ProblemsView;

// Every entry's findings in the whole index, as `plugin-studio validate` reports them: the
// problems list, a summary saying how many entries have errors, and a progress bar beside
// it while the index is checked. Activating a finding asks to open its entry there.
class IndexProblemsView : public QWidget
{
    Q_OBJECT

public:
    explicit IndexProblemsView(QWidget *parent = nullptr);

    // The findings of the index named `indexName` (empty: no index is open).
    void setReport(const ValidationReport &report, const QString &indexName);
    // The check under way: `checked` of `total` entries (total 0: not known yet).
    void setChecking(int checked, int total);
    // A remark above the list, such as unsaved edits the index does not have yet.
    void setNote(const QString &note);

    ProblemsModel *model() const { return m_model; }
    ProblemsView *problems() const { return m_problems; }
    QString summaryText() const;
    bool isChecking() const;

signals:
    void diagnosticActivated(const studio::Diagnostic &diagnostic);

private:
    ProblemsModel *m_model;
    ProblemsView *m_problems;
    QLabel *m_note;
    QProgressBar *m_progress;
};

} // namespace studio
