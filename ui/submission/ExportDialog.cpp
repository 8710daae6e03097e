#include "ExportDialog.h"

#include "DiffView.h"
#include "ExportBlockersView.h"
#include "SubmissionFilesView.h"
#include "export/IndexWriter.h"
#include "io/TextFile.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace studio {

namespace {

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

QString entryName(const Json &entry)
{
    if (!entry.is_object())
        return {};
    const auto name = entry.find("name");
    return name != entry.end() && name->is_string() ? qs(name->get<std::string>()) : QString();
}

} // namespace

ExportDialog::ExportDialog(ExportRequest request, QWidget *parent)
    : QDialog(parent)
    , m_request(std::move(request))
{
    const QString name = entryName(m_request.entry);
    setWindowTitle(name.isEmpty() ? tr("Export submission")
                                  : tr("Export submission: %1").arg(name));
    buildUi();
    connect(&m_planWatcher, &QFutureWatcher<ExportPlan>::finished, this, &ExportDialog::showPlan);
    connect(&m_writeWatcher, &QFutureWatcher<WriteOutcome>::finished, this,
            &ExportDialog::writeFinished);
    prepare();
}

// The workers hold copies of what they need, so they may outlive the dialog safely.
ExportDialog::~ExportDialog() = default;

void ExportDialog::buildUi()
{
    auto *title = new QLabel(windowTitle(), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    title->setFont(titleFont);
    m_summary = new QLabel(tr("Preparing the submission…"), this);
    m_summary->setObjectName(QStringLiteral("exportSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_base = new QLabel(this);
    m_base->setObjectName(QStringLiteral("diffBase"));
    m_base->setWordWrap(true);
    m_base->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_base->setVisible(false);

    m_json = new QPlainTextEdit(this);
    m_json->setObjectName(QStringLiteral("submissionText"));
    m_json->setReadOnly(true);
    // Wrapping only changes how the long strings show; the text stays the exact file.
    m_json->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_diff = new DiffView(this);
    m_diff->setObjectName(QStringLiteral("indexDiff"));
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(m_json, tr("Submission JSON"));
    m_tabs->addTab(m_diff, tr("Index diff"));

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_tabs);
    splitter->addWidget(buildSidePanel());
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("exportStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_copyJson = new QPushButton(tr("Copy JSON"), this);
    m_copyDiff = new QPushButton(tr("Copy Diff"), this);
    m_save = new QPushButton(tr("Save Submission As…"), this);
    m_update = new QPushButton(tr("Update Index"), this);
    auto *close = new QPushButton(tr("Close"), this);
    m_copyJson->setObjectName(QStringLiteral("copyJsonButton"));
    m_copyDiff->setObjectName(QStringLiteral("copyDiffButton"));
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_update->setObjectName(QStringLiteral("updateIndexButton"));
    close->setObjectName(QStringLiteral("closeButton"));
    for (QPushButton *button : {m_copyJson, m_copyDiff, m_save, m_update})
        button->setAutoDefault(false);
    close->setDefault(true);
    connect(m_copyJson, &QPushButton::clicked, this, &ExportDialog::copyJson);
    connect(m_copyDiff, &QPushButton::clicked, this, &ExportDialog::copyDiff);
    connect(m_save, &QPushButton::clicked, this, &ExportDialog::chooseSubmissionFile);
    connect(m_update, &QPushButton::clicked, this, &ExportDialog::updateIndex);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_copyJson);
    buttons->addWidget(m_copyDiff);
    buttons->addSpacing(12);
    buttons->addWidget(m_save);
    buttons->addWidget(m_update);
    buttons->addStretch(1);
    buttons->addWidget(close);

    auto *column = new QVBoxLayout(this);
    column->addWidget(title);
    column->addWidget(m_summary);
    column->addWidget(m_base);
    column->addWidget(splitter, 1);
    column->addWidget(m_status);
    column->addLayout(buttons);
    // Never larger than the screen's free area (a 1024x640 screen has a panel too).
    const QSize room = screen()->availableGeometry().size() * 9 / 10;
    resize(std::min(1100, room.width()), std::min(700, room.height()));
    updateButtons();
}

QWidget *ExportDialog::buildSidePanel()
{
    auto *panel = new QWidget(this);
    auto *checks = new QGroupBox(tr("Validation"), panel);
    m_blockers = new ExportBlockersView(checks);
    auto *checksLayout = new QVBoxLayout(checks);
    checksLayout->addWidget(m_blockers);
    connect(m_blockers, &ExportBlockersView::insistingChanged, this, &ExportDialog::updateButtons);

    auto *pullRequest = new QGroupBox(tr("Files in the pull request"), panel);
    m_files = new SubmissionFilesView(pullRequest);
    m_files->setObjectName(QStringLiteral("submissionFiles"));
    auto *filesLayout = new QVBoxLayout(pullRequest);
    filesLayout->addWidget(m_files);

    m_sideColumn = new QVBoxLayout(panel);
    m_sideColumn->setContentsMargins(0, 0, 0, 0);
    m_sideColumn->addWidget(checks, 0);
    m_sideColumn->addWidget(pullRequest, 0);
    m_sideColumn->addStretch(1);
    return panel;
}

void ExportDialog::prepare()
{
    m_busy = true;
    updateButtons();
    m_planWatcher.setFuture(QtConcurrent::run(&ExportPlan::prepare, m_request));
}

void ExportDialog::showPlan()
{
    m_plan = std::make_unique<ExportPlan>(m_planWatcher.result());
    m_busy = false;
    m_json->setPlainText(qs(m_plan->submissionJson));
    if (!m_plan->indexPath)
        m_diff->setPlaceholderText(tr("No index to update: save the submission JSON and add it "
                                      "to community-plugins.json by hand."));
    else if (!m_plan->indexProblem.empty())
        m_diff->setPlaceholderText(tr("No diff: %1").arg(qs(m_plan->indexProblem)));
    else
        m_diff->setPlaceholderText(tr("No change: %1 already holds this entry byte for byte.")
                                       .arg(qs(m_plan->base.description)));
    m_diff->setDiff(qs(m_plan->diff.text), m_plan->wordMarks);
    m_tabs->setTabText(1, m_plan->diff.isEmpty() ? tr("Index diff")
                                                 : tr("Index diff (+%1 −%2)")
                                                       .arg(m_plan->diff.addedLines)
                                                       .arg(m_plan->diff.removedLines));
    m_blockers->setPlan(*m_plan);
    // The error list takes the height when there is one; otherwise the boxes stay compact.
    m_sideColumn->setStretch(0, m_plan->hasErrors() ? 1 : 0);
    m_sideColumn->setStretch(2, m_plan->hasErrors() ? 0 : 1);
    m_files->setFiles(m_plan->files);
    m_summary->setText(summary());
    m_base->setText(baseText());
    m_base->setVisible(!m_base->text().isEmpty());
    updateButtons();
    emit planReady();
}

QString ExportDialog::summary() const
{
    const QString id = qs(m_plan->entryId);
    const QString index = qs(m_plan->indexRepositoryPath);
    if (!m_plan->indexPath)
        return tr("The submission of \"%1\". No index was given, so the diff is not known.")
            .arg(id);
    if (!m_plan->indexProblem.empty())
        return tr("The entry \"%1\" cannot go into %2.").arg(id, index);
    if (m_plan->indexUpToDate() && m_plan->diff.isEmpty())
        return tr("%1 already holds the entry \"%2\" as it is, and so does the base: the pull "
                  "request would change nothing.")
            .arg(index, id);
    if (m_plan->indexUpToDate())
        return tr("The entry \"%1\" is saved in %2 as it is. The pull request adds %3 lines "
                  "and removes %4; the diff shows them.")
            .arg(id, index)
            .arg(m_plan->diff.addedLines)
            .arg(m_plan->diff.removedLines);
    const auto position = static_cast<qulonglong>(m_plan->entryIndex);
    return m_plan->indexAction == IndexSplice::Action::Inserted
               ? tr("Adds the entry \"%1\" to %2 as entry #%3; no other byte of the file changes.")
                     .arg(id, index)
                     .arg(position)
               : tr("Updates the entry \"%1\" (#%3) of %2; no other byte of the file changes.")
                     .arg(id, index)
                     .arg(position);
}

// Which text the diff starts from, and why not the pull request's base when it is not.
QString ExportDialog::baseText() const
{
    if (!m_plan->canPatchIndex())
        return {};
    const DiffBase &base = m_plan->base;
    const QString against = tr("The diff is against %1").arg(qs(base.description));
    switch (base.kind) {
    case DiffBase::Kind::GitBase:
        return against + tr(", the base of the pull request.");
    case DiffBase::Kind::AsOpened:
    case DiffBase::Kind::OnDisk:
        break;
    }
    if (base.gitUnavailable.empty())
        return against + u'.';
    return against +
           tr(": git could not give the pull request's base (%1).").arg(qs(base.gitUnavailable));
}

bool ExportDialog::exportAllowed() const
{
    return m_plan && (!m_plan->hasErrors() || m_blockers->isInsisting());
}

void ExportDialog::updateButtons()
{
    const bool ready = isReady();
    m_copyJson->setEnabled(ready);
    m_copyDiff->setEnabled(ready && !m_plan->diff.isEmpty());
    m_save->setEnabled(ready && exportAllowed());
    m_update->setEnabled(ready && exportAllowed() && m_plan->canPatchIndex() &&
                         !m_plan->indexUpToDate());

    QString refusal;
    if (ready && !exportAllowed())
        refusal = tr("Refused: the entry has errors. Tick \"Export anyway\" to go ahead.");
    m_save->setToolTip(refusal.isEmpty() ? tr("Write the submission JSON to a file") : refusal);
    QString updateTip = tr("Write the entry into the index, changing no other byte");
    if (ready && !m_plan->indexPath)
        updateTip = tr("No index was given.");
    else if (ready && !m_plan->indexProblem.empty())
        updateTip = tr("The index cannot take the entry: %1").arg(qs(m_plan->indexProblem));
    else if (ready && m_plan->indexUpToDate())
        updateTip = tr("The index already holds this entry as it is.");
    else if (!refusal.isEmpty())
        updateTip = refusal;
    m_update->setToolTip(updateTip);
}

void ExportDialog::copyJson()
{
    if (!m_plan)
        return;
    QApplication::clipboard()->setText(qs(m_plan->submissionJson));
    showStatus(true, tr("Copied the submission JSON."));
}

void ExportDialog::copyDiff()
{
    if (!m_plan || m_plan->diff.isEmpty())
        return;
    QApplication::clipboard()->setText(qs(m_plan->diff.text));
    showStatus(true, tr("Copied the diff of %1.").arg(qs(m_plan->indexRepositoryPath)));
}

void ExportDialog::chooseSubmissionFile()
{
    const QString folder =
        m_request.repositoryRoot.isEmpty() ? QDir::homePath() : m_request.repositoryRoot;
    const QString name =
        (m_plan && !m_plan->entryId.empty() ? qs(m_plan->entryId) : QStringLiteral("submission")) +
        QStringLiteral(".json");
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save Submission As"), QDir(folder).filePath(name),
                                     tr("JSON files (*.json);;All files (*)"));
    if (!path.isEmpty())
        saveSubmissionTo(path);
}

void ExportDialog::saveSubmissionTo(const QString &path)
{
    if (!isReady())
        return;
    if (!exportAllowed()) {
        report(false,
               tr("Refused: the entry has errors. Tick \"Export anyway\" to save it regardless."));
        return;
    }
    const std::string bytes = m_plan->submissionJson;
    startWrite(Write::Submission, [path, bytes] {
        const std::string error = TextFile::writeAtomically(path, bytes);
        if (!error.empty())
            return WriteOutcome{WriteOutcome::Kind::Failed, QString::fromStdString(error)};
        return WriteOutcome{WriteOutcome::Kind::Written,
                            tr("Saved the submission to %1.").arg(path)};
    });
}

void ExportDialog::updateIndex()
{
    if (!isReady() || !m_plan->canPatchIndex() || m_plan->indexUpToDate())
        return;
    if (!exportAllowed()) {
        report(false, tr("Refused: the entry has errors. Tick \"Export anyway\" to update the "
                         "index regardless."));
        return;
    }
    const QString path = *m_plan->indexPath;
    const std::string original = m_plan->indexOriginal;
    const std::string patched = m_plan->indexPatched;
    const QString done = m_plan->indexAction == IndexSplice::Action::Inserted
                             ? tr("Added the entry to %1.").arg(path)
                             : tr("Updated the entry in %1.").arg(path);
    startWrite(Write::Index, [path, original, patched, done] {
        // Said before the write: afterwards the file has one link left.
        const QString hardLinks = QString::fromStdString(TextFile::hardLinkNotice(path));
        const IndexWriteResult result = IndexWriter::replaceIfUnchanged(path, original, patched);
        switch (result.status) {
        case IndexWriteResult::Status::Written:
            return WriteOutcome{WriteOutcome::Kind::Written,
                                hardLinks.isEmpty() ? done : done + u' ' + hardLinks + u'.'};
        case IndexWriteResult::Status::ChangedOnDisk:
            return WriteOutcome{WriteOutcome::Kind::IndexChangedOnDisk,
                                tr("%1 changed on disk since the diff was made, so nothing was "
                                   "written. The diff is refreshed: review it and update again.")
                                    .arg(path)};
        case IndexWriteResult::Status::Failed:
            break;
        }
        return WriteOutcome{WriteOutcome::Kind::Failed, QString::fromStdString(result.error)};
    });
}

void ExportDialog::startWrite(Write write, std::function<WriteOutcome()> job)
{
    m_busy = true;
    m_write = write;
    updateButtons();
    showStatus(true, tr("Writing…"));
    m_writeWatcher.setFuture(QtConcurrent::run(std::move(job)));
}

void ExportDialog::writeFinished()
{
    const WriteOutcome outcome = m_writeWatcher.result();
    m_busy = false;
    report(outcome.kind == WriteOutcome::Kind::Written, outcome.message);
    if (m_write == Write::Index && outcome.kind == WriteOutcome::Kind::Written)
        emit indexUpdated(*m_plan->indexPath);
    // After an update, or when the file moved under us, show what the index holds now.
    if (m_write == Write::Index && outcome.kind != WriteOutcome::Kind::Failed)
        prepare();
    else
        updateButtons();
}

void ExportDialog::report(bool ok, const QString &message)
{
    showStatus(ok, message);
    emit actionFinished(ok, message);
}

void ExportDialog::showStatus(bool ok, const QString &message)
{
    QPalette palette = m_status->palette();
    const bool darkBase = palette.color(QPalette::Window).lightnessF() < 0.5;
    palette.setColor(QPalette::WindowText,
                     ok ? this->palette().color(QPalette::WindowText)
                        : (darkBase ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x1c, 0x1c)));
    m_status->setPalette(palette);
    m_status->setText(message);
}

} // namespace studio
