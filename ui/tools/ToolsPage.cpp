#include "ToolsPage.h"

#include "ToolAnswerView.h"
#include "ToolForm.h"
#include "ToolsController.h"
#include "actions/ActionRegistry.h"
#include "problems/ProblemsModel.h"
#include "problems/ProblemsView.h"
#include "simulator/MessageStrip.h"

#include <QAction>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace studio {

namespace {

constexpr int kClockIntervalMs = 250;

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

QLabel *heading(const QString &text)
{
    auto *label = new QLabel(text);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    return label;
}

} // namespace

ToolsPage::ToolsPage(ToolsController *controller, ActionRegistry *actions, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_callAction(actions->action(ActionId::ToolsCall))
    , m_stack(new QStackedWidget(this))
    , m_unavailable(new QLabel(this))
    , m_message(new MessageStrip(this))
    , m_url(new QLineEdit(this))
    , m_reload(new QPushButton(tr("&Reload"), this))
    , m_open(new QPushButton(tr("Open &File..."), this))
    , m_sourceStatus(new QLabel(this))
    , m_tools(new QListWidget(this))
    , m_findingsModel(new ProblemsModel(this))
    , m_findings(new ProblemsView(m_findingsModel, this))
    , m_description(new QLabel(this))
    , m_form(new ToolForm(this))
    , m_call(new QPushButton(tr("&Call"), this))
    , m_stop(new QPushButton(tr("S&top"), this))
    , m_progress(new QProgressBar(this))
    , m_callProblem(new QLabel(this))
    , m_answer(new ToolAnswerView(this))
    , m_clock(new QTimer(this))
{
    setObjectName(QStringLiteral("toolsPage"));
    m_unavailable->setObjectName(QStringLiteral("toolsUnavailable"));
    m_unavailable->setText(
        tr("A 2024 plugin has no chat tools. Apps (apps-2026) serve theirs as omi-tools.json; "
           "open an app to try its tools here."));
    m_unavailable->setWordWrap(true);
    m_unavailable->setAlignment(Qt::AlignCenter);

    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(buildToolsColumn());
    splitter->addWidget(buildCallColumn());
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);

    auto *tools = new QWidget;
    auto *toolsLayout = new QVBoxLayout(tools);
    toolsLayout->setContentsMargins(0, 0, 0, 0);
    toolsLayout->addWidget(buildSourceBar());
    toolsLayout->addWidget(m_message);
    toolsLayout->addWidget(splitter, 1);
    m_stack->addWidget(m_unavailable);
    m_stack->addWidget(tools);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_stack);

    // Ctrl+Return and F5 act only on this page.
    addAction(m_callAction);
    QAction *reload = actions->action(ActionId::ToolsReload);
    addAction(reload);
    connect(m_callAction, &QAction::triggered, this, &ToolsPage::call);
    connect(reload, &QAction::triggered, m_controller, &ToolsController::reload);
    connect(m_call, &QPushButton::clicked, this, &ToolsPage::call);
    connect(m_stop, &QPushButton::clicked, m_controller, &ToolsController::stop);
    connect(m_reload, &QPushButton::clicked, m_controller, [this] {
        m_controller->setUrlOverride(m_url->text() == m_controller->source().manifestUrl
                                         ? QString()
                                         : m_url->text());
        m_controller->fetch();
    });
    connect(m_url, &QLineEdit::returnPressed, m_reload, &QPushButton::click);
    connect(m_open, &QPushButton::clicked, this, &ToolsPage::openFile);
    connect(m_tools, &QListWidget::currentRowChanged, this, &ToolsPage::toolChosen);
    connect(m_form, &ToolForm::changed, this, &ToolsPage::updateCallState);
    connect(m_clock, &QTimer::timeout, this, &ToolsPage::updateProgress);
    m_clock->setInterval(kClockIntervalMs);

    connect(m_controller, &ToolsController::stateChanged, this, &ToolsPage::manifestChanged);
    connect(m_controller, &ToolsController::callStarted, this, [this] {
        m_message->clear();
        m_clock->start();
        updateProgress();
        updateCallState();
    });
    connect(m_controller, &ToolsController::callFinished, this, &ToolsPage::callFinished);
    connect(m_controller, &ToolsController::callStopped, this, [this] {
        m_clock->stop();
        m_message->show(MessageStrip::Level::Info,
                        tr("Call abandoned: nothing of it is shown or kept."));
        updateCallState();
    });
    connect(m_controller, &ToolsController::refused, this, [this](const QString &reason) {
        m_message->show(MessageStrip::Level::Error, reason);
    });
    setAvailable(false);
    manifestChanged();
}

QWidget *ToolsPage::buildSourceBar()
{
    auto *bar = new QWidget;
    m_url->setObjectName(QStringLiteral("toolsManifestUrl"));
    m_url->setPlaceholderText(tr("https://example.com/.well-known/omi-tools.json"));
    m_url->setToolTip(tr("Where the backend fetches the app's tools: chat_tools_manifest_url, "
                         "else <app_home_url>/.well-known/omi-tools.json. Type another URL and "
                         "Reload to fetch that one instead."));
    m_reload->setToolTip(tr("Fetch the manifest as the backend does: GET, 10 s, 200 only"));
    m_open->setToolTip(tr("Read the manifest from a file instead"));
    m_sourceStatus->setObjectName(QStringLiteral("toolsSourceStatus"));
    m_sourceStatus->setWordWrap(true);
    m_sourceStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Tools manifest:")));
    row->addWidget(m_url, 1);
    row->addWidget(m_reload);
    row->addWidget(m_open);
    auto *layout = new QVBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(row);
    layout->addWidget(m_sourceStatus);
    return bar;
}

QWidget *ToolsPage::buildToolsColumn()
{
    m_tools->setObjectName(QStringLiteral("toolsList"));
    m_tools->setWordWrap(true);
    m_tools->setAlternatingRowColors(true);
    m_tools->setToolTip(tr("The tools as the assistant sees them: <app_id>_<name>"));
    m_findings->setObjectName(QStringLiteral("toolsFindings"));
    m_findings->setSummaryWording(tr("The manifest has no problems."), QString());
    auto *split = new QSplitter(Qt::Vertical);
    auto *tools = new QWidget;
    auto *toolsLayout = new QVBoxLayout(tools);
    toolsLayout->setContentsMargins(0, 0, 0, 0);
    toolsLayout->addWidget(heading(tr("Tools")));
    toolsLayout->addWidget(m_tools, 1);
    split->addWidget(tools);
    split->addWidget(m_findings);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    return split;
}

QWidget *ToolsPage::buildCallColumn()
{
    auto *column = new QWidget;
    m_description->setObjectName(QStringLiteral("toolDescription"));
    m_description->setWordWrap(true);
    m_description->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_call->setObjectName(QStringLiteral("toolsCall"));
    m_call->setToolTip(m_callAction->toolTip());
    m_stop->setObjectName(QStringLiteral("toolsStop"));
    m_stop->setToolTip(tr("Abandon the call; the backend waits up to 120 s"));
    m_progress->setRange(0, 0); // busy: the backend waits up to 120 s
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(m_call->sizeHint().height() / 2);
    m_callProblem->setObjectName(QStringLiteral("toolsCallProblem"));
    m_callProblem->setWordWrap(true);
    m_callProblem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_callProblem->setForegroundRole(QPalette::PlaceholderText);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_call);
    buttons->addWidget(m_stop);
    buttons->addWidget(m_progress, 1);
    buttons->addWidget(m_callProblem, 3);

    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_description);
    layout->addWidget(m_form);
    layout->addLayout(buttons);
    layout->addWidget(m_answer, 1);
    return column;
}

void ToolsPage::setAvailable(bool available)
{
    m_available = available;
    m_stack->setCurrentIndex(available ? 1 : 0);
    appChanged();
    updateCallState();
}

void ToolsPage::appChanged()
{
    // The app's URL follows the document unless another was typed and fetched.
    if (m_controller->urlOverride().isEmpty() && !m_url->hasFocus())
        m_url->setText(m_controller->source().manifestUrl);
}

void ToolsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // The first look at the page fetches the app's tools, as the chat would.
    if (m_available && m_controller->state() == ToolsController::State::Empty &&
        !m_controller->manifestUrl().isEmpty())
        m_controller->fetch();
}

void ToolsPage::openFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open a Tools Manifest"), QString(), tr("JSON (*.json);;All files (*)"));
    if (!path.isEmpty())
        m_controller->openFile(path);
}

void ToolsPage::manifestChanged()
{
    const ToolsController::State state = m_controller->state();
    const ChatToolsManifest &manifest = m_controller->manifest();
    const QString from = m_controller->loadedFrom();
    switch (state) {
    case ToolsController::State::Empty:
        m_sourceStatus->setText(tr("Reload fetches the app's tools as the backend does."));
        break;
    case ToolsController::State::Loading:
        m_sourceStatus->setText(m_controller->loadedFromFile() ? tr("Reading %1...").arg(from)
                                                               : tr("Fetching %1...").arg(from));
        break;
    case ToolsController::State::Failed:
        m_sourceStatus->setText(m_controller->error());
        break;
    case ToolsController::State::Loaded:
        m_sourceStatus->setText(
            (m_controller->loadedFromFile() ? tr("From the file %1: %2") : tr("From %1: %2"))
                .arg(from, manifest.tools.size() == 1
                               ? tr("1 tool the chat can call.")
                               : tr("%1 tools the chat can call.").arg(manifest.tools.size())));
        if (m_controller->hasPlaceholderId())
            m_sourceStatus->setText(m_sourceStatus->text() +
                                    tr(" The app has no id yet: its tools are named with a "
                                       "placeholder until the server assigns one."));
        break;
    }
    m_findingsModel->setReport(manifest.report);
    m_findings->setVisible(state == ToolsController::State::Loaded);

    // The tool chosen stays chosen when the manifest is loaded again and still has it.
    const QString chosen = m_tools->currentItem() ? m_tools->currentItem()->data(Qt::UserRole).toString()
                                                  : QString();
    {
        const QSignalBlocker blocker(m_tools);
        m_tools->clear();
        const std::string appId = m_controller->appId().toStdString();
        int row = manifest.tools.empty() ? -1 : 0;
        for (const ChatTool &tool : manifest.tools) {
            auto *item = new QListWidgetItem(
                QStringLiteral("%1\n%2 %3")
                    .arg(fromStd(tool.assistantName(appId)), fromStd(tool.method), fromStd(tool.endpoint)));
            item->setData(Qt::UserRole, fromStd(tool.name));
            item->setToolTip(fromStd(tool.description));
            if (fromStd(tool.name) == chosen)
                row = m_tools->count();
            m_tools->addItem(item);
        }
        m_tools->setCurrentRow(row);
    }
    toolChosen();
}

bool ToolsPage::chooseTool(const std::string &name)
{
    for (int row = 0; row < m_tools->count(); ++row) {
        if (m_tools->item(row)->data(Qt::UserRole).toString().toStdString() == name) {
            if (m_tools->currentRow() == row)
                toolChosen();
            else
                m_tools->setCurrentRow(row);
            return true;
        }
    }
    return false;
}

void ToolsPage::toolChosen()
{
    QListWidgetItem *item = m_tools->currentItem();
    const ChatTool *tool =
        item ? m_controller->tool(item->data(Qt::UserRole).toString().toStdString()) : nullptr;
    if (!tool) {
        m_description->setText(tr("Choose a tool on the left."));
        m_form->clear();
        updateCallState();
        return;
    }
    QString text = QStringLiteral("<b>%1</b><br>%2<br><code>%3 %4</code>")
                       .arg(fromStd(tool->assistantName(m_controller->appId().toStdString())).toHtmlEscaped(),
                            fromStd(tool->description).toHtmlEscaped(), fromStd(tool->method),
                            tool->url.toHtmlEscaped());
    if (tool->authRequired)
        text += tr("<br>Needs the user to have connected the app (auth_required).");
    if (!tool->statusMessage.empty())
        text += tr("<br>The chat shows \"%1\" while it runs.").arg(fromStd(tool->statusMessage).toHtmlEscaped());
    m_description->setText(text);
    m_form->setTool(*tool);
    updateCallState();
}

void ToolsPage::updateCallState()
{
    const bool calling = m_controller->isCalling();
    QString problem = m_form->problem();
    if (calling)
        problem.clear();
    else if (m_controller->state() != ToolsController::State::Loaded)
        problem = tr("Load the app's tools first.");
    const bool ready = !calling && problem.isEmpty() && m_form->arguments().has_value();
    m_call->setEnabled(ready);
    m_callAction->setEnabled(m_available && ready);
    m_stop->setVisible(calling);
    m_progress->setVisible(calling);
    m_callProblem->setText(problem.isEmpty() ? QString() : tr("Call is off: %1").arg(problem));
    m_callProblem->setVisible(calling || !problem.isEmpty());
    if (calling)
        updateProgress();
}

void ToolsPage::updateProgress()
{
    if (!m_controller->isCalling()) {
        m_clock->stop();
        return;
    }
    const qint64 seconds = m_controller->callElapsedMs() / 1000;
    m_callProblem->setText(tr("Calling... %1 s (the backend waits up to %2 s)")
                               .arg(seconds)
                               .arg(chat_tool_call::kTimeoutMs / 1000));
}

void ToolsPage::call()
{
    if (!m_available || m_controller->isCalling())
        return;
    QListWidgetItem *item = m_tools->currentItem();
    const std::optional<Json> arguments = m_form->arguments();
    if (!item || !arguments) {
        m_message->show(MessageStrip::Level::Warning,
                        m_form->problem().isEmpty() ? tr("Choose a tool.") : m_form->problem());
        return;
    }
    m_controller->call(item->data(Qt::UserRole).toString().toStdString(), *arguments);
}

void ToolsPage::callFinished(const ToolCallOutcome &outcome)
{
    m_clock->stop();
    m_answer->setOutcome(outcome);
    updateCallState();
}

} // namespace studio
