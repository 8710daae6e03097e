#include "IndexProblemsDock.h"

#include "IndexProblemJump.h"
#include "MainWindow.h"
#include "actions/ActionRegistry.h"
#include "document/DocumentSession.h"
#include "document/IndexReportAsTyped.h"
#include "document/IndexValidation.h"
#include "document/InstructionsDocument.h"
#include "document/ManifestDocument.h"
#include "instructions/InstructionsEditor.h"
#include "problems/IndexProblemsView.h"
#include "problems/ProblemsModel.h"
#include "project/EntryPicker.h"

#include <QAction>
#include <QDockWidget>
#include <QFileInfo>
#include <QStatusBar>

namespace studio {

namespace {

QString dockTitle(const ValidationReport &report)
{
    const auto errors = report.count(Severity::Error);
    const auto warnings = report.count(Severity::Warning);
    if (errors + warnings == 0)
        return QObject::tr("Whole Index");
    return QObject::tr("Whole Index (%1)")
        .arg(ProblemsModel::countsText(errors, warnings, report.count(Severity::Info)));
}

} // namespace

IndexProblemsView *IndexProblemsDock::install(MainWindow &window)
{
    auto *view = new IndexProblemsView(&window);
    view->setObjectName(QStringLiteral("indexProblems"));
    auto *dock = new QDockWidget(QObject::tr("Whole Index"), &window);
    dock->setObjectName(QStringLiteral("indexProblemsDock"));
    dock->setWidget(view);
    window.addDockWidget(Qt::BottomDockWidgetArea, dock);
    if (auto *problems = window.findChild<QDockWidget *>(QStringLiteral("problemsDock"))) {
        window.tabifyDockWidget(problems, dock);
        problems->raise();
    }
    QAction *toggle = window.actions()->action(ActionId::ShowIndexProblems);
    QObject::connect(toggle, &QAction::toggled, dock, &QDockWidget::setVisible);
    QObject::connect(dock, &QDockWidget::visibilityChanged, toggle,
                     [dock, toggle] { toggle->setChecked(!dock->isHidden()); });
    toggle->setChecked(true);

    DocumentSession *session = window.session();
    IndexValidation *validation = session->indexValidation();
    EntryPicker *picker = window.entryPicker();
    QObject::connect(validation, &IndexValidation::started, view, [view, picker] {
        view->setChecking(0, 0);
        picker->setIndexStatus(QObject::tr("Checking the whole index…"));
    });
    QObject::connect(
        validation, &IndexValidation::progressed, view, [view, picker](int checked, int total) {
            view->setChecking(checked, total);
            picker->setIndexStatus(
                QObject::tr("Checking the whole index: %1 of %2 entries…").arg(checked).arg(total));
        });
    // The index as saved, the open entry as typed (and its instructions as in their editor).
    auto *asTyped = new IndexReportAsTyped(*session, view);
    InstructionsEditor *instructions = window.instructions();
    const auto instructionsFindings = [asTyped, instructions] {
        asTyped->setFileFindings(instructions->document()->filePath().toStdString(),
                                 instructions->diagnostics());
    };
    QObject::connect(instructions, &InstructionsEditor::diagnosticsChanged, asTyped,
                     instructionsFindings);
    QObject::connect(asTyped, &IndexReportAsTyped::reportChanged, view,
                     [view, picker, dock, session, validation](const ValidationReport &report) {
                         view->setReport(report, validation->hasIndex()
                                                     ? QFileInfo(session->indexPath()).fileName()
                                                     : QString());
                         picker->setIndexStatus({});
                         dock->setWindowTitle(dockTitle(report));
                     });

    // Say where the open entry's problems come from while it differs from the index.
    const auto updateNote = [view, session] {
        const bool unsaved = session->source().isIndexEntry() && session->document()->isModified();
        view->setNote(unsaved ? QObject::tr("The open entry has unsaved edits: its problems "
                                            "here are from its text as typed.")
                              : QString());
    };
    QObject::connect(session->document(), &ManifestDocument::modifiedChanged, view, updateNote);
    QObject::connect(session, &DocumentSession::sourceChanged, view, updateNote);

    auto *jump = new IndexProblemJump(
        *session, *window.controller(),
        [&window](const Diagnostic &diagnostic) { window.showDiagnostic(diagnostic); }, view);
    jump->setObjectName(QStringLiteral("indexProblemJump"));
    QObject::connect(view, &IndexProblemsView::diagnosticActivated, jump, &IndexProblemJump::go);
    QObject::connect(jump, &IndexProblemJump::message, &window, [&window](const QString &text) {
        window.statusBar()->showMessage(text, 8000);
    });
    if (validation->hasIndex() && !validation->isRunning())
        view->setReport(asTyped->report(), QFileInfo(session->indexPath()).fileName());
    return view;
}

} // namespace studio
