#include "InstructionsEditor.h"

#include "MarkdownEditor.h"
#include "PreviewBrowser.h"
#include "RemoteImageLoader.h"
#include "RenderScheduler.h"
#include "edit/PluginTemplate.h"
#include "editor/DiagnosticMarks.h"

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

InstructionsEditor::InstructionsEditor(InstructionsDocument &document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
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

    m_editor->setTextDocument(&m_document);
    connect(&m_document, &TextDocument::changed, this, &InstructionsEditor::requestRender);
    connect(&m_document, &TextDocument::modifiedChanged, m_saveButton, &QPushButton::setEnabled);
    connect(&m_document, &InstructionsDocument::stateChanged, this,
            &InstructionsEditor::stateChanged);
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
    m_saveButton->setEnabled(m_document.isModified());
    showState();
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
    row->addWidget(m_pathLabel, 1);
    row->addWidget(new QLabel(tr("uid:"), bar));
    row->addWidget(m_uidEdit);
    row->addWidget(m_remoteBox);
    row->addWidget(m_saveButton);

    connect(m_uidEdit, &QLineEdit::textChanged, this, &InstructionsEditor::setUid);
    connect(m_remoteBox, &QCheckBox::toggled, this, &InstructionsEditor::setRemoteImagesAllowed);
    connect(m_saveButton, &QPushButton::clicked, &m_document, &InstructionsDocument::save);
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
        switch (m_document.state()) {
        case State::Missing:
            askToCreate();
            break;
        case State::NoPath:
            emit pathRequested(qs(PluginTemplate::instructionsPath(m_manifest.id)));
            break;
        case State::Unreadable:
            m_document.reload();
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
    // The rendering depends on the context only: a keystroke in the manifest's description
    // leaves it alone and costs no render.
    const bool contextChanged = !(next == m_context);
    m_context = std::move(next);
    m_manifest = manifest;
    m_hasPlugin = true;
    m_preview->setRepositoryRoot(repositoryRoot);
    const bool opened =
        m_document.setLocation(m_context.instructionsPath, m_context.repositoryRoot);
    if (!opened && contextChanged)
        requestRender();
    showState(); // the message names the path and the id, which may have changed
}

void InstructionsEditor::showState()
{
    const State state = m_document.state();
    const QString path = qs(m_context.instructionsPath);
    m_pathLabel->setText(path.isEmpty() ? tr("No setup instructions") : path);
    m_pages->setCurrentIndex(state == State::Open ? kEditorPage : kMessagePage);
    m_actionButton->setVisible(state == State::Missing || state == State::Unreadable ||
                               state == State::NoPath);
    switch (state) {
    case State::NoPath:
        if (!path.isEmpty()) {
            m_message->setText(
                tr("The instructions path %1 is malformed: %2").arg(path, m_document.problem()));
            m_actionButton->setVisible(false);
        } else if (m_manifest.hasCapability("external_integration")) {
            m_message->setText(tr("This plugin names no setup instructions file "
                                  "(setup_instructions_file_path is empty)."));
            m_actionButton->setVisible(!m_manifest.id.empty());
            m_actionButton->setText(
                tr("Use %1").arg(qs(PluginTemplate::instructionsPath(m_manifest.id))));
        } else {
            m_message->setText(!m_hasPlugin ? tr("No plugin is open.")
                                            : tr("Only plugins with the external_integration "
                                                 "capability show setup instructions in the app."));
            m_actionButton->setVisible(false);
        }
        break;
    case State::NoRepository:
        m_message->setText(tr("The repository folder is unknown, so %1 cannot be opened. "
                              "Open the plugin from its community-plugins.json.")
                               .arg(path));
        break;
    case State::Missing:
        m_message->setText(tr("%1 does not exist yet.").arg(path));
        m_actionButton->setText(tr("Create it from the template…"));
        break;
    case State::Unreadable:
        m_message->setText(m_document.problem());
        m_actionButton->setText(tr("Try again"));
        break;
    case State::Open:
        m_message->clear();
        break;
    }
}

void InstructionsEditor::stateChanged(State state)
{
    showState();
    if (state == State::Open)
        return;
    m_diagnostics.clear();
    m_assets.clear();
    m_storeHtml.clear();
    m_editor->marks()->setDiagnostics(m_diagnostics);
    emit diagnosticsChanged(m_diagnostics);
    emit assetsChanged(m_assets);
    emit storeHtmlChanged(m_storeHtml);
}

void InstructionsEditor::requestRender()
{
    if (m_document.state() != State::Open)
        return;
    PreviewRequest request;
    request.text = m_document.text();
    request.revision = m_document.revision();
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
    if (result.revision != m_document.revision() || m_document.state() != State::Open)
        return; // the findings' spans are for a text that is gone
    m_diagnostics = result.diagnostics;
    m_diagnosticsRevision = result.revision;
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

bool InstructionsEditor::createFromTemplate()
{
    return m_document.createFromTemplate(m_manifest);
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

void InstructionsEditor::recheckFiles()
{
    if (!m_document.openIfClosed())
        requestRender();
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
    if (m_document.state() != State::Open || diagnostic.file.empty())
        return;
    if (QFileInfo(qs(diagnostic.file)) != QFileInfo(m_document.filePath()))
        return;
    m_editor->selectSpan(diagnostic.span);
}

} // namespace studio
