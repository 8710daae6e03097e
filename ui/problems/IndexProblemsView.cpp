#include "IndexProblemsView.h"

#include "ProblemsModel.h"
#include "ProblemsView.h"
#include "diagnostics/IndexFindings.h"

#include <QLabel>
#include <QProgressBar>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace studio {

IndexProblemsView::IndexProblemsView(QWidget *parent)
    : QWidget(parent)
    , m_model(new ProblemsModel(this))
    , m_problems(new ProblemsView(m_model, this))
    , m_note(new QLabel(this))
    , m_progress(new QProgressBar(this))
{
    m_problems->table()->setObjectName(QStringLiteral("indexProblemsTable"));
    m_note->setObjectName(QStringLiteral("indexProblemsNote"));
    m_note->setWordWrap(true);
    m_note->setContentsMargins(6, 2, 6, 2);
    m_note->setVisible(false);
    m_progress->setObjectName(QStringLiteral("indexProgress"));
    m_progress->setMaximumWidth(240);
    m_progress->setMaximumHeight(m_problems->fontMetrics().height() + 4);
    m_progress->setVisible(false);
    m_problems->addSummaryWidget(m_progress);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_note);
    layout->addWidget(m_problems, 1);

    connect(m_problems, &ProblemsView::diagnosticActivated, this,
            &IndexProblemsView::diagnosticActivated);
    setReport({}, {});
}

void IndexProblemsView::setReport(const ValidationReport &report, const QString &indexName)
{
    m_progress->setVisible(false);
    if (indexName.isEmpty()) {
        m_problems->setSummaryWording(
            tr("No plugin repository is open: its whole index shows here when one is."), {});
        m_model->setReport(report);
        return;
    }
    const auto counts = IndexFindings::countsByEntry(report);
    const auto withProblems = std::count_if(counts.begin(), counts.end(),
                                            [](const EntryCounts &c) { return c.total() > 0; });
    const auto entries = static_cast<qulonglong>(report.entryCount);
    m_problems->setSummaryWording(
        tr("No problems in any of the %1 entries of %2.").arg(entries).arg(indexName),
        tr("Of the %1 entries of %2, %3 have errors, %4 any problem. Double-click a problem to "
           "open its entry there.")
            .arg(entries)
            .arg(indexName)
            .arg(static_cast<qulonglong>(IndexFindings::entriesWithErrors(counts)))
            .arg(static_cast<qlonglong>(withProblems)));
    m_model->setReport(report);
}

void IndexProblemsView::setChecking(int checked, int total)
{
    m_progress->setVisible(true);
    m_progress->setRange(0, std::max(total, 0));
    m_progress->setValue(total > 0 ? checked : 0);
    m_progress->setFormat(total > 0 ? tr("Checking %v of %m entries") : tr("Checking…"));
}

void IndexProblemsView::setNote(const QString &note)
{
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
}

QString IndexProblemsView::summaryText() const
{
    return m_problems->summaryText();
}

bool IndexProblemsView::isChecking() const
{
    return !m_progress->isHidden();
}

} // namespace studio
