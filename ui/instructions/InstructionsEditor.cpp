#include "InstructionsEditor.h"

#include "InstructionsFileFollower.h"
#include "MarkdownEditor.h"
#include "PreviewBrowser.h"
#include "RemoteImageLoader.h"
#include "RenderScheduler.h"
#include "edit/PluginTemplate.h"
#include "editor/DiagnosticMarks.h"
#include "markdown/InstructionsFile.h"
#include "markdown/InstructionsTemplate.h"
#include "repository/RepositoryFiles.h"

#include <QCheckBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace studio {

namespace {

constexpr int kMessagePage = 0;
constexpr int kEditorPage = 1;

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

} // namespace

InstructionsEditor::InstructionsEditor(QWidget *parent)
    : QWidget(parent)
    , m_editor(new MarkdownEditor(this))
    , m_preview(new PreviewBrowser(this))
    , m_scheduler(new RenderScheduler(this))
    , m_remote(new RemoteImageLoader(this))
{
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_editor);
    splitter->addWidget(m_preview);
    splitter->setChildrenCollapsible(false);
    m_pages = new QStackedWidget(this);
    m_pages->insertWidget(kMessagePage, buildMessagePage());
    m_pages->insertWidget(kEditorPage, splitter);

    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(4);
    column->addWidget(buildToolbar());
    column->addWidget(m_pages, 1);

    connect(m_editor, &QsciScintilla::textChanged, this, &InstructionsEditor::onTextChanged);
    connect(m_editor, &QsciScintilla::modificationChanged, this, &InstructionsEditor::updateDirty);
    connect(m_editor, &MarkdownEditor::topSourceLineChanged, m_preview,
            &PreviewBrowser::scrollToSourceLine);
    connect(m_scheduler, &RenderScheduler::finished, this, &InstructionsEditor::onRendered);
    connect(m_remote, &RemoteImageLoader::imageReady, this,
            [this](const QString &url, const QImage &image, const QString &problem) {
                if (image.isNull())
                    m_preview->addUnavailableImage(url, problem);
                else
                    m_preview->addImage(url, image);
            });
    setState(State::NoPath, tr("No plugin is open."));
    m_follower = new InstructionsFileFollower(*this);
}

InstructionsEditor::~InstructionsEditor() = default;

QWidget *InstructionsEditor::buildToolbar()
{
    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(4, 4, 4, 0);
    m_pathLabel = new QLabel(bar);
    m_pathLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_uidEdit = new QLineEdit(bar);
    m_uidEdit->setObjectName(QStringLiteral("uidEdit"));
    m_uidEdit->setPlaceholderText(m_uid);
    m_uidEdit->setToolTip(
        tr("The user id the app appends to every link as uid=; the preview shows it"));
    m_uidEdit->setMaximumWidth(160);
    m_remoteBox = new QCheckBox(tr("Load remote images"), bar);
    m_remoteBox->setToolTip(tr("Remote images are not fetched unless you allow it: fetching tells "
                               "their server that you opened the page"));
    m_saveButton = new QPushButton(tr("Save"), bar);
    m_saveButton->setEnabled(false);
    row->addWidget(m_pathLabel, 1);
    row->addWidget(new QLabel(tr("uid:"), bar));
    row->addWidget(m_uidEdit);
    row->addWidget(m_remoteBox);
    row->addWidget(m_saveButton);

    connect(m_uidEdit, &QLineEdit::textChanged, this, &InstructionsEditor::setUid);
    connect(m_remoteBox, &QCheckBox::toggled, this, &InstructionsEditor::setRemoteImagesAllowed);
    connect(m_saveButton, &QPushButton::clicked, this, &InstructionsEditor::save);
    return bar;
}

QWidget *InstructionsEditor::buildMessagePage()
{
    auto *page = new QWidget(this);
    auto *column = new QVBoxLayout(page);
    m_message = new QLabel(page);
    m_message->setObjectName(QStringLiteral("instructionsMessage"));
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_actionButton = new QPushButton(page);
    m_actionButton->setObjectName(QStringLiteral("instructionsAction"));
    column->addStretch(1);
    column->addWidget(m_message);
    column->addWidget(m_actionButton, 0, Qt::AlignHCenter);
    column->addStretch(2);
    connect(m_actionButton, &QPushButton::clicked, this, [this] {
        switch (m_state) {
        case State::Missing:
            askToCreate();
            break;
        case State::NoPath:
            emit pathRequested(qs(PluginTemplate::instructionsPath(m_manifest.id)));
            break;
        case State::Unreadable:
            reload();
            break;
        case State::NoRepository:
        case State::Open:
            break;
        }
    });
    return page;
}

void InstructionsEditor::setPlugin(const PluginManifest &manifest, const QString &repositoryRoot)
{
    InstructionsContext next = InstructionsContext::forManifest(
        manifest, repositoryRoot.isEmpty() ? std::nullopt : std::optional(repositoryRoot));
    // The app reads the instructions of plugins that work externally only.
    if (!manifest.hasCapability("external_integration"))
        next.instructionsPath.clear();
    const bool reopen = next.instructionsPath != m_context.instructionsPath ||
                        next.repositoryRoot != m_context.repositoryRoot || m_state != State::Open;
    // The rendering depends on the context only: a keystroke in the manifest's description
    // leaves it alone and costs no render.
    const bool contextChanged = !(next == m_context);
    m_context = std::move(next);
    m_manifest = manifest;
    m_preview->setRepositoryRoot(repositoryRoot);
    if (reopen)
        open();
    else if (contextChanged)
        requestRender();
}

QString InstructionsEditor::filePath() const
{
    return m_context.filePath(m_context.instructionsPath);
}

bool InstructionsEditor::isDirty() const
{
    return m_state == State::Open && (m_editor->isModified() || m_unsaved);
}

void InstructionsEditor::setUnsaved(bool unsaved)
{
    m_unsaved = unsaved;
    if (!unsaved)
        m_editor->setModified(false);
    updateDirty();
}

void InstructionsEditor::updateDirty()
{
    const bool dirty = isDirty();
    m_saveButton->setEnabled(dirty);
    if (dirty == m_dirty)
        return;
    m_dirty = dirty;
    emit dirtyChanged(dirty);
}

void InstructionsEditor::open()
{
    const QString path = qs(m_context.instructionsPath);
    m_pathLabel->setText(path.isEmpty() ? tr("No setup instructions") : path);
    if (path.isEmpty()) {
        const bool external = m_manifest.hasCapability("external_integration");
        setState(State::NoPath, external ? tr("This plugin names no setup instructions file "
                                              "(setup_instructions_file_path is empty).")
                                         : tr("Only plugins with the external_integration "
                                              "capability show setup instructions in the app."));
        m_actionButton->setVisible(external && !m_manifest.id.empty());
        m_actionButton->setText(
            tr("Use %1").arg(qs(PluginTemplate::instructionsPath(m_manifest.id))));
        return;
    }
    if (const auto problem = RepositoryFiles::pathProblem(m_context.instructionsPath);
        !problem.empty()) {
        setState(State::NoPath,
                 tr("The instructions path %1 is malformed: %2").arg(path, qs(problem)));
        m_actionButton->setVisible(false);
        return;
    }
    if (!m_context.repositoryRoot) {
        setState(State::NoRepository,
                 tr("The repository folder is unknown, so %1 cannot be opened. "
                    "Open the plugin from its community-plugins.json.")
                     .arg(path));
        return;
    }
    if (!QFileInfo::exists(filePath())) {
        setState(State::Missing, tr("%1 does not exist yet.").arg(path));
        m_actionButton->setText(tr("Create it from the template…"));
        return;
    }
    const TextFileRead read = InstructionsFile::read(filePath());
    if (!read.ok) {
        setState(State::Unreadable, qs(read.error));
        m_actionButton->setText(tr("Try again"));
        return;
    }
    m_loading = true;
    m_editor->setText(
        QString::fromUtf8(read.bytes.data(), static_cast<qsizetype>(read.bytes.size())));
    m_editor->SendScintilla(QsciScintillaBase::SCI_EMPTYUNDOBUFFER);
    m_unsaved = false;
    m_editor->setModified(false);
    m_loading = false;
    setState(State::Open);
    updateDirty();
    ++m_revision;
    requestRender();
    emit opened(filePath());
}

void InstructionsEditor::setState(State state, const QString &message)
{
    const bool changed = state != m_state;
    m_state = state;
    m_pages->setCurrentIndex(state == State::Open ? kEditorPage : kMessagePage);
    m_message->setText(message);
    m_actionButton->setVisible(state == State::Missing || state == State::Unreadable ||
                               state == State::NoPath);
    if (state != State::Open) {
        m_loading = true;
        m_editor->clear();
        m_unsaved = false;
        m_editor->setModified(false);
        m_loading = false;
        m_diagnostics.clear();
        m_assets.clear();
        m_storeHtml.clear();
        emit diagnosticsChanged(m_diagnostics);
        emit assetsChanged(m_assets);
        emit storeHtmlChanged(m_storeHtml);
    }
    updateDirty();
    if (changed)
        emit stateChanged(state);
}

void InstructionsEditor::onTextChanged()
{
    if (m_loading)
        return;
    ++m_revision;
    requestRender();
}

void InstructionsEditor::requestRender()
{
    if (m_state != State::Open)
        return;
    PreviewRequest request;
    request.text = m_editor->bytes().toStdString();
    request.revision = m_revision;
    request.options.context = m_context;
    request.options.uid = m_uid.toStdString();
    request.options.loadRemoteImages = m_remoteBox->isChecked();
    request.options.dark = m_dark;
    request.knownImages = m_imageStamps;
    m_scheduler->request(std::move(request));
}

void InstructionsEditor::onRendered(const PreviewResult &result)
{
    for (auto it = result.images.cbegin(); it != result.images.cend(); ++it) {
        m_imageStamps.insert(it.key(), it->stamp);
        if (it->image.isNull())
            m_preview->addUnavailableImage(it.key(), it->problem);
        else
            m_preview->addImage(it.key(), it->image);
    }
    // A result for an older text still shows: the page catches up while typing goes on.
    m_preview->showRendered(result.preview.html, result.preview.anchorLines);
    m_preview->scrollToSourceLine(m_editor->topSourceLine());
    if (m_remoteBox->isChecked()) {
        for (const QString &url : result.preview.remoteImages) {
            if (!m_preview->hasImage(url))
                m_remote->fetch(url);
        }
    }
    if (result.revision != m_revision || m_state != State::Open)
        return; // the findings' spans are for a text that is gone
    m_diagnostics = result.diagnostics;
    m_assets = result.assets;
    m_editor->marks()->setDiagnostics(m_diagnostics);
    emit diagnosticsChanged(m_diagnostics);
    emit assetsChanged(m_assets);
    if (result.storeHtml != m_storeHtml) {
        m_storeHtml = result.storeHtml;
        emit storeHtmlChanged(m_storeHtml);
    }
    emit rendered();
}

bool InstructionsEditor::save()
{
    if (m_state != State::Open) {
        fail(tr("There are no open instructions to save."));
        return false;
    }
    const std::string error = InstructionsFile::write(filePath(), m_editor->bytes().toStdString());
    if (!error.empty()) {
        fail(qs(error));
        return false;
    }
    m_unsaved = false;
    m_editor->setModified(false);
    updateDirty();
    emit saved(filePath());
    return true;
}

bool InstructionsEditor::createFromTemplate()
{
    if (m_context.instructionsPath.empty() || !m_context.repositoryRoot) {
        fail(tr("The plugin has no instructions path in a known repository."));
        return false;
    }
    if (QFileInfo::exists(filePath())) {
        fail(tr("%1 already exists; it is not replaced.").arg(filePath()));
        return false;
    }
    const std::string error =
        InstructionsFile::write(filePath(), InstructionsTemplate::text(m_manifest));
    if (!error.empty()) {
        fail(qs(error));
        return false;
    }
    open();
    return m_state == State::Open;
}

void InstructionsEditor::askToCreate()
{
    const auto answer = QMessageBox::question(
        this, tr("Create the setup instructions"),
        tr("Create %1 from the template, with steps, a link to the setup page, screenshots, "
           "troubleshooting and a feedback line?")
            .arg(qs(m_context.instructionsPath)));
    if (answer == QMessageBox::Yes)
        createFromTemplate();
}

void InstructionsEditor::reload()
{
    open();
}

void InstructionsEditor::recheckFiles()
{
    if (m_state == State::Missing || m_state == State::Unreadable)
        open();
    else
        requestRender();
}

bool InstructionsEditor::restoreText(const QString &text)
{
    if (m_state != State::Open)
        return false;
    m_editor->beginUndoAction();
    m_editor->selectAll();
    m_editor->replaceSelectedText(text);
    m_editor->endUndoAction();
    m_editor->setCursorPosition(0, 0);
    return true;
}

QString InstructionsEditor::text() const
{
    return m_editor->text();
}

void InstructionsEditor::setUid(const QString &uid)
{
    if (m_uidEdit->text() != uid) {
        const QSignalBlocker blocker(m_uidEdit);
        m_uidEdit->setText(uid);
    }
    const QString effective = uid.trimmed().isEmpty() ? QStringLiteral("<uid>") : uid.trimmed();
    if (effective == m_uid)
        return;
    m_uid = effective;
    requestRender();
}

void InstructionsEditor::setRemoteImagesAllowed(bool allowed)
{
    if (m_remoteBox->isChecked() != allowed) {
        m_remoteBox->setChecked(allowed); // comes back here through toggled
        return;
    }
    m_preview->setRemoteImagesAllowed(allowed);
    requestRender();
}

bool InstructionsEditor::remoteImagesAllowed() const
{
    return m_remoteBox->isChecked();
}

void InstructionsEditor::setDark(bool dark)
{
    m_dark = dark;
    m_editor->setDark(dark);
    requestRender();
}

void InstructionsEditor::showDiagnostic(const Diagnostic &diagnostic)
{
    if (m_state != State::Open || diagnostic.file.empty())
        return;
    if (QFileInfo(qs(diagnostic.file)) != QFileInfo(filePath()))
        return;
    m_editor->selectSpan(diagnostic.span);
}

void InstructionsEditor::fail(const QString &message)
{
    m_lastError = message;
    emit errorOccurred(message);
}

} // namespace studio
