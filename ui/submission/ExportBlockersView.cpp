#include "ExportBlockersView.h"

#include "export/ExportPlan.h"

#include <QCheckBox>
#include <QLabel>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace studio {

namespace {

QString errorTable(const std::vector<ExportBlocker> &errors)
{
    QString html = QStringLiteral("<table cellspacing=0 cellpadding=3>"
                                  "<tr><th align=left>Code</th><th align=left>Line</th>"
                                  "<th align=left>Message</th></tr>");
    for (const ExportBlocker &error : errors) {
        html += QStringLiteral("<tr><td valign=top style=\"white-space:pre\"><b>%1</b></td>"
                               "<td valign=top align=right>%2</td><td>%3</td></tr>")
                    .arg(QString::fromStdString(error.code).toHtmlEscaped(),
                         error.line > 0 ? QString::number(error.line) : QStringLiteral("–"),
                         QString::fromStdString(error.message).toHtmlEscaped());
    }
    return html + QStringLiteral("</table>");
}

QString count(int n, const QString &one, const QString &many)
{
    return n == 1 ? one : many.arg(n);
}

} // namespace

ExportBlockersView::ExportBlockersView(QWidget *parent)
    : QWidget(parent)
    , m_headline(new QLabel(this))
    , m_errors(new QTextBrowser(this))
    , m_exportAnyway(new QCheckBox(tr("Export anyway, despite the errors"), this))
    , m_indexProblem(new QLabel(this))
{
    m_headline->setObjectName(QStringLiteral("blockersHeadline"));
    m_headline->setWordWrap(true);
    m_headline->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_headline->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_errors->setObjectName(QStringLiteral("blockingErrors"));
    m_errors->setOpenLinks(false);
    m_exportAnyway->setObjectName(QStringLiteral("exportAnyway"));
    m_exportAnyway->setToolTip(tr("An entry with errors may be rejected in review, or break the "
                                  "store for every user once merged."));
    m_indexProblem->setObjectName(QStringLiteral("indexProblem"));
    m_indexProblem->setWordWrap(true);
    m_indexProblem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_indexProblem->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);

    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->addWidget(m_headline);
    column->addWidget(m_errors, 1);
    column->addWidget(m_exportAnyway);
    column->addWidget(m_indexProblem);
    column->addStretch(0);

    connect(m_exportAnyway, &QCheckBox::toggled, this, &ExportBlockersView::insistingChanged);
    m_errors->hide();
    m_exportAnyway->hide();
    m_indexProblem->hide();
    m_headline->setText(tr("Checking the entry…"));
}

void ExportBlockersView::setPlan(const ExportPlan &plan)
{
    const auto errors = static_cast<int>(plan.errors.size());
    const auto warnings = static_cast<int>(plan.warningCount);
    const QString warningNote =
        warnings == 0 ? QString()
                      : QLatin1Char(' ') + count(warnings, tr("1 warning does not hold it back."),
                                                 tr("%1 warnings do not hold it back."));
    if (errors > 0)
        m_headline->setText(tr("Refused: the entry has %1. Fix them, or tick \"Export anyway\" to "
                               "save or update the index regardless.")
                                .arg(count(errors, tr("1 error"), tr("%1 errors"))) +
                            warningNote);
    else
        m_headline->setText(tr("No errors: the entry can be exported.") + warningNote);
    m_errors->setHtml(errors > 0 ? errorTable(plan.errors) : QString());
    m_errors->setVisible(errors > 0);
    m_exportAnyway->setVisible(errors > 0);
    if (errors == 0)
        m_exportAnyway->setChecked(false);

    m_indexProblem->setVisible(!plan.indexProblem.empty());
    m_indexProblem->setText(
        tr("The index cannot take the entry: %1").arg(QString::fromStdString(plan.indexProblem)));
}

bool ExportBlockersView::isInsisting() const
{
    return m_exportAnyway->isChecked();
}

} // namespace studio
