#include "ProblemsView.h"

#include "ProblemsModel.h"
#include "SeverityIcon.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace studio {

ProblemsView::ProblemsView(ProblemsModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_table(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_noProblems(tr("No problems: the app will accept this plugin."))
    , m_howToGo(tr("Double-click a problem, or press F8, to go to it."))
    , m_fixButton(new QToolButton(this))
    , m_fixAction(new QAction(this))
{
    m_table->setObjectName(QStringLiteral("problemsTable"));
    m_table->setModel(model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionResizeMode(ProblemsModel::CodeColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ProblemsModel::MessageColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(ProblemsModel::EntryColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ProblemsModel::LocationColumn, QHeaderView::ResizeToContents);

    m_summary->setObjectName(QStringLiteral("problemsSummary"));
    m_summary->setContentsMargins(6, 2, 6, 2);
    // A long summary is cut at the right rather than widening the window.
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    // The selected problem's one-click fix: the button, the row's context menu, Ctrl+.
    m_fixAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    m_fixAction->setShortcutContext(Qt::WidgetShortcut);
    m_table->addAction(m_fixAction);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_fixButton->setObjectName(QStringLiteral("problemFixButton"));
    m_fixButton->setDefaultAction(m_fixAction);
    m_fixButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_fixAction->setIcon(SeverityIcon::fixIcon());
    m_fixButton->setAutoRaise(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_table, 1);
    m_summaryLine = new QHBoxLayout;
    m_summaryLine->setContentsMargins(0, 0, 4, 0);
    m_summaryLine->addWidget(m_summary, 1);
    m_summaryLine->addWidget(m_fixButton);
    layout->addLayout(m_summaryLine);
    connect(m_fixAction, &QAction::triggered, this, [this] { fixRow(selectedRow()); });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ProblemsView::updateFix);
    connect(model, &QAbstractItemModel::modelReset, this, &ProblemsView::updateFix);

    connect(m_table, &QTableView::activated, this,
            [this](const QModelIndex &index) { activateRow(index.row()); });
    connect(model, &QAbstractItemModel::modelReset, this, &ProblemsView::updateSummary);
    updateSummary();
    updateFix();
}

void ProblemsView::fixRow(int row)
{
    const Diagnostic *diagnostic = m_model->diagnostic(row);
    if (diagnostic && diagnostic->fix)
        emit fixRequested(Diagnostic(*diagnostic)); // a copy: the fix revalidates
}

int ProblemsView::selectedRow() const
{
    const QModelIndexList selected = m_table->selectionModel()->selectedRows();
    return selected.isEmpty() ? -1 : selected.first().row();
}

void ProblemsView::updateFix()
{
    const Diagnostic *diagnostic = m_model->diagnostic(selectedRow());
    const bool fixable = diagnostic && diagnostic->fix;
    m_fixAction->setEnabled(fixable);
    m_fixAction->setText(fixable ? tr("Fix: %1").arg(QString::fromStdString(diagnostic->fix->title))
                                 : tr("Fix"));
    m_fixAction->setToolTip(fixable ? m_fixAction->text() + tr(" (Ctrl+.)") : QString());
    m_fixButton->setVisible(fixable);
}

void ProblemsView::activateNext()
{
    step(1);
}

void ProblemsView::activatePrevious()
{
    step(-1);
}

void ProblemsView::activateRow(int row)
{
    const Diagnostic *diagnostic = m_model->diagnostic(row);
    if (!diagnostic)
        return;
    m_table->selectRow(row);
    m_table->scrollTo(m_model->index(row, 0));
    // A copy: activation may trigger an edit that revalidates and resets the model.
    emit diagnosticActivated(Diagnostic(*diagnostic));
}

void ProblemsView::step(int delta)
{
    const int rows = m_model->rowCount();
    if (rows == 0)
        return;
    const QModelIndexList selected = m_table->selectionModel()->selectedRows();
    const int current = selected.isEmpty() ? (delta > 0 ? -1 : rows) : selected.first().row();
    activateRow(((current + delta) % rows + rows) % rows);
}

void ProblemsView::updateSummary()
{
    const auto errors = m_model->count(Severity::Error);
    const auto warnings = m_model->count(Severity::Warning);
    const auto infos = m_model->count(Severity::Info);
    if (errors + warnings + infos == 0) {
        m_summary->setText(m_noProblems);
        return;
    }
    m_summary->setText(ProblemsModel::countsText(errors, warnings, infos) + QStringLiteral(". ") +
                       m_howToGo);
}

QString ProblemsView::summaryText() const
{
    return m_summary->text();
}

void ProblemsView::addSummaryWidget(QWidget *widget)
{
    m_summaryLine->addWidget(widget);
}

void ProblemsView::setSummaryWording(const QString &noProblems, const QString &howToGo)
{
    m_noProblems = noProblems;
    m_howToGo = howToGo;
    updateSummary();
}

} // namespace studio
