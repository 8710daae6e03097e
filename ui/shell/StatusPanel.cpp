#include "StatusPanel.h"

#include "StatusMessages.h"
#include "problems/ProblemsModel.h"
#include "problems/SeverityIcon.h"

#include <QLabel>
#include <QStatusBar>

#include <algorithm>

namespace studio {

StatusPanel::StatusPanel(QStatusBar *bar)
    : QObject(bar)
    , m_messages(new StatusMessages(bar))
    , m_parse(new QLabel(bar))
    , m_counts(new QLabel(bar))
    , m_cursor(new QLabel(bar))
{
    m_parse->setObjectName(QStringLiteral("parseState"));
    m_counts->setObjectName(QStringLiteral("problemCounts"));
    m_cursor->setObjectName(QStringLiteral("cursorPosition"));
    for (QLabel *label : {m_parse, m_counts, m_cursor}) {
        label->setContentsMargins(8, 0, 8, 0);
        bar->addPermanentWidget(label);
    }
    m_cursor->setMinimumWidth(
        m_cursor->fontMetrics().horizontalAdvance(QStringLiteral("Ln 9999, Col 999")) + 16);
    setCursor(1, 1);
}

void StatusPanel::setParseState(bool parses, const QString &detail)
{
    m_parse->setText(parses ? tr("JSON OK") : tr("Syntax error %1").arg(detail));
    m_parse->setStyleSheet(parses ? QString()
                                  : QStringLiteral("color: %1; font-weight: bold;")
                                        .arg(SeverityIcon::color(Severity::Error).name()));
}

void StatusPanel::setReport(const ValidationReport &report)
{
    m_counts->setText(ProblemsModel::countsText(report.count(Severity::Error),
                                                report.count(Severity::Warning),
                                                report.count(Severity::Info)));
    if (!m_diagnostic)
        return;
    const auto same = std::find_if(
        report.diagnostics.begin(), report.diagnostics.end(), [this](const Diagnostic &other) {
            return other.rule == m_diagnostic->rule && other.pointer == m_diagnostic->pointer &&
                   other.file == m_diagnostic->file;
        });
    if (same == report.diagnostics.end())
        clearDiagnostic();
    else if (same->message != m_diagnostic->message)
        showDiagnostic(*same); // the same problem, said anew
}

void StatusPanel::clearDiagnostic()
{
    m_diagnostic.reset();
    m_messages->clear(QString::fromLatin1(kDiagnosticCause));
}

void StatusPanel::showDiagnostic(const Diagnostic &diagnostic)
{
    m_diagnostic = diagnostic;
    m_messages->show(QString::fromLatin1(kDiagnosticCause),
                     QString::fromStdString(diagnostic.message));
}

void StatusPanel::setCursor(int line, int column)
{
    m_cursor->setText(tr("Ln %1, Col %2").arg(line).arg(column));
}

QString StatusPanel::parseText() const
{
    return m_parse->text();
}

QString StatusPanel::countsText() const
{
    return m_counts->text();
}

QString StatusPanel::cursorText() const
{
    return m_cursor->text();
}

} // namespace studio
