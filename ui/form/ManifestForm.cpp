#include "ManifestForm.h"

#include "AuthStepsEditor.h"
#include "ChoiceFieldBinding.h"
#include "FieldMark.h"
#include "FlagFieldBinding.h"
#include "LinesFieldBinding.h"
#include "NumberFieldBinding.h"
#include "ParseBanner.h"
#include "StringSetEditor.h"
#include "TextFieldBinding.h"
#include "contract/Contract.h"
#include "contract/apps2026/AppSchema.h"
#include "document/ManifestDocument.h"
#include "edit/ManifestEdits.h"
#include "json/JsonPointer.h"
#include "json/LineIndex.h"
#include "manifest/ManifestSchema.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace studio {

namespace {

QString fromView(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

// Rows wrap (label above field) when the form is narrow, so nothing is cut off.
QFormLayout *formLayout(QWidget *group)
{
    auto *layout = new QFormLayout(group);
    layout->setRowWrapPolicy(QFormLayout::WrapLongRows);
    layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    return layout;
}

QPlainTextEdit *blockEditor(const std::string &pointer, int lines, const QString &placeholder = {})
{
    auto *editor = new QPlainTextEdit;
    editor->setObjectName(QString::fromStdString(pointer));
    editor->setPlaceholderText(placeholder);
    editor->setTabChangesFocus(true);
    const int lineHeight = editor->fontMetrics().lineSpacing();
    editor->setFixedHeight(lineHeight * lines + 14);
    return editor;
}

QLineEdit *lineEditor(const std::string &pointer, const QString &placeholder = {})
{
    auto *editor = new QLineEdit;
    editor->setObjectName(QString::fromStdString(pointer));
    editor->setPlaceholderText(placeholder);
    return editor;
}

std::vector<std::pair<std::string, QString>> capabilityOptions(const Contract &contract)
{
    std::vector<std::pair<std::string, QString>> options;
    for (const auto &capability : contract.capabilities())
        options.emplace_back(std::string(capability.value), fromView(capability.label));
    return options;
}

std::vector<std::pair<QString, QString>> choicesAt(const Contract &contract,
                                                   const std::string &pointer)
{
    std::vector<std::pair<QString, QString>> choices;
    for (const auto &choice : contract.choices(pointer))
        choices.emplace_back(fromView(choice.value), fromView(choice.label));
    return choices;
}

QString capabilityLabel(const Contract &contract, const std::string &capability)
{
    for (const auto &known : contract.capabilities())
        if (known.value == capability)
            return fromView(known.label);
    return QString::fromStdString(capability);
}

} // namespace

ManifestForm::ManifestForm(QWidget *parent)
    : QWidget(parent)
    , m_banner(new ParseBanner(this))
    , m_scroll(new QScrollArea(this))
    , m_content(new QWidget)
    , m_contract(&Contract::plugins2024())
{
    auto *content = new QVBoxLayout(m_content);
    content->setContentsMargins(12, 10, 12, 12);
    content->setSpacing(12);
    content->addWidget(buildIdentity());
    content->addWidget(buildCapabilities());
    content->addWidget(
        buildPromptSection("memories", "memory_prompt", tr("Memory Prompt"),
                           tr("Run over each new memory; the output is stored on the memory.")));
    content->addWidget(
        buildPromptSection("chat", "chat_prompt", tr("Chat Prompt"),
                           tr("The persona the app's chat takes on with this plugin.")));
    content->addWidget(
        buildPromptSection("persona", "persona_prompt", tr("Persona Prompt"),
                           tr("Who the app becomes when the user talks to this persona.")));
    content->addWidget(buildPayments());
    content->addWidget(buildIntegration());
    content->addWidget(buildNotification());
    content->addStretch(1);

    m_scroll->setWidget(m_content);
    m_scroll->setWidgetResizable(true);
    // The form follows the width it is given (long rows wrap, labels go above their fields);
    // narrower than its narrowest rows it scrolls sideways rather than cutting them off.
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_scroll->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(m_scroll, 1);

    connect(m_banner, &ParseBanner::jumpRequested, this, [this] {
        if (m_document && m_document->parse().error)
            emit jumpToOffsetRequested(m_document->parse().error->offset);
    });
    applyContract();
    updateSections();
}

ManifestForm::~ManifestForm() = default;

QSize ManifestForm::sizeHint() const
{
    // Every section counts, shown or not: the capabilities of the next entry may show it.
    int rows = 0;
    for (const QWidget *section : m_content->findChildren<QGroupBox *>(Qt::FindDirectChildrenOnly))
        rows = std::max(rows, section->minimumSizeHint().width());
    const QMargins margins = m_content->layout()->contentsMargins();
    const int bar = m_scroll->verticalScrollBar()->sizeHint().width();
    return {rows + margins.left() + margins.right() + bar + 2 * m_scroll->frameWidth(),
            QWidget::sizeHint().height()};
}

QWidget *ManifestForm::buildIdentity()
{
    auto *group = new QGroupBox(tr("Plugin"));
    auto *layout = formLayout(group);
    addContractRow(
        layout, tr("Id"),
        new TextFieldBinding(tr("id"), "/id",
                             lineEditor("/id", tr("lowercase-kebab, e.g. notion-crm")),
                             TextFieldBinding::Empty::IsEmptyString, this),
        tr("Unique in the index; names the instructions folder. Lowercase-kebab by convention."));
    addRow(layout, tr("Name"),
           new TextFieldBinding(tr("name"), "/name", lineEditor("/name"),
                                TextFieldBinding::Empty::IsEmptyString, this),
           tr("Shown in the store; notifications are titled \"<name> says\"."));
    addRow(layout, tr("Author"),
           new TextFieldBinding(tr("author"), "/author", lineEditor("/author", tr("@handle")),
                                TextFieldBinding::Empty::IsEmptyString, this),
           tr("Free text, usually your @handle."));
    addRow(layout, tr("Description"),
           new TextFieldBinding(tr("description"), "/description",
                                blockEditor("/description", 3,
                                            tr("What does the plugin do for the user? One or two "
                                               "sentences the store shows on its tile and page.")),
                                this),
           tr("Shown in the store under the name."));
    addContractRow(
        layout, tr("Category"),
        new TextFieldBinding(tr("category"), "/category",
                             lineEditor("/category", tr("e.g. productivity-and-organization")),
                             TextFieldBinding::Empty::IsEmptyString, this),
        tr("The store section the app is listed in."));
    auto *choose = new QToolButton;
    choose->setText(tr("Choose..."));
    choose->setToolTip(
        tr("Pick or drop any image: it is cropped, scaled and saved as the plugin's PNG logo"));
    connect(choose, &QToolButton::clicked, this, &ManifestForm::chooseImageRequested);
    m_logo = lineEditor("/image");
    addRow(layout, tr("Logo"),
           new TextFieldBinding(tr("image"), "/image", m_logo,
                                TextFieldBinding::Empty::IsEmptyString, this),
           {}, choose);
    m_logoTitle = m_fields.back().label;
    addContractRow(layout, tr("Status"),
                   flagBinding(tr("deleted"), "/deleted", tr("Deleted (hidden from the store)")),
                   tr("Every real entry carries this flag; true hides the plugin."));
    addContractRow(layout, tr("Private"),
                   flagBinding(tr("private"), "/private",
                               tr("Private (only you and your testers, without review)")),
                   tr("A private app works at once for its owner and testers; a public one "
                      "waits for review."));
    addContractRow(layout, tr("Source code URL"),
                   new TextFieldBinding(tr("source_code_url"), "/source_code_url",
                                        lineEditor("/source_code_url",
                                                   tr("optional, e.g. https://github.com/me/app")),
                                        TextFieldBinding::Empty::IsNull, this),
                   tr("Where users can read the app's code; the store links to it."));
    addContractRow(layout, tr("Username"),
                   new TextFieldBinding(tr("username"), "/username",
                                        lineEditor("/username", tr("optional")),
                                        TextFieldBinding::Empty::IsNull, this),
                   tr("The author's name in the store, when not the account's."));
    addContractRow(layout, tr("X (Twitter)"),
                   new TextFieldBinding(tr("twitter"), "/twitter",
                                        lineEditor("/twitter", tr("optional, the handle")),
                                        TextFieldBinding::Empty::IsNull, this),
                   tr("The author's handle, linked from the app's page."));
    addContractRow(layout, tr("Thumbnails"),
                   new LinesFieldBinding(
                       tr("thumbnails"), "/thumbnails",
                       blockEditor("/thumbnails", 2, tr("optional: screenshot URLs, one a line")),
                       this),
                   tr("Screenshots on the app's page, as uploaded image URLs."));
    addContractRow(layout, tr("Connected accounts"),
                   new LinesFieldBinding(
                       tr("connected_accounts"), "/connected_accounts",
                       blockEditor("/connected_accounts", 2, tr("optional: one a line")), this),
                   tr("The accounts the app connects to, as the app's server lists them."));
    return group;
}

QWidget *ManifestForm::buildCapabilities()
{
    auto *group = new QGroupBox(tr("Capabilities"));
    auto *layout = formLayout(group);
    m_capabilities = new StringSetEditor(tr("capabilities"), "/capabilities",
                                         capabilityOptions(*m_contract), 1, this);
    m_capabilities->widget()->setObjectName(QStringLiteral("/capabilities"));
    connect(m_capabilities, &StringSetEditor::toggled, this, &ManifestForm::toggleCapability);
    addRow(layout, tr("Enabled"), m_capabilities,
           tr("What the app does with the plugin; each capability needs its section below."));
    return group;
}

QGroupBox *ManifestForm::buildPromptSection(const char *capability, const char *key,
                                            const QString &title, const QString &hint)
{
    auto *group = new QGroupBox(title);
    auto *layout = formLayout(group);
    const std::string pointer = json_pointer::append("", key);
    addRow(layout, tr("Prompt"),
           new TextFieldBinding(QString::fromLatin1(key), pointer, blockEditor(pointer, 5), this),
           hint);
    m_sections[capability] = group;
    return group;
}

QGroupBox *ManifestForm::buildPayments()
{
    auto *group = new QGroupBox(tr("Payments"));
    auto *layout = formLayout(group);
    addContractRow(layout, tr("Paid"), flagBinding(tr("is_paid"), "/is_paid", tr("Paid app")),
                   tr("Users pay before they can enable a paid app; it needs a price and a "
                      "payment plan, or the server refuses it."));
    const QString paidOnly = tr(" Set Paid first.");
    m_gatedRows.push_back(
        {addContractRow(layout, tr("Price"),
                        new NumberFieldBinding(tr("price"), "/price",
                                               lineEditor("/price", tr("e.g. 4.99 (USD)")), this),
                        tr("What the user pays, 0 or more.") + paidOnly),
         "/is_paid"});
    m_gatedRows.push_back({addContractRow(layout, tr("Payment plan"),
                                          choiceBinding(tr("payment_plan"), "/payment_plan",
                                                        tr("Choose how users pay")),
                                          tr("How often the price is charged.") + paidOnly),
                           "/is_paid"});
    m_gatedRows.push_back(
        {addContractRow(
             layout, tr("Payment link"),
             new TextFieldBinding(tr("payment_link"), "/payment_link",
                                  lineEditor("/payment_link", tr("empty: the store creates one")),
                                  TextFieldBinding::Empty::IsNull, this),
             tr("The checkout page users are sent to.") + paidOnly),
         "/is_paid"});
    m_contractGroups.emplace_back(group, "/is_paid");
    return group;
}

ChoiceFieldBinding *ManifestForm::choiceBinding(const QString &label, const std::string &pointer,
                                                const QString &placeholder)
{
    auto *combo = new QComboBox;
    combo->setObjectName(QString::fromStdString(pointer));
    combo->setPlaceholderText(placeholder);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(14);
    auto *binding =
        new ChoiceFieldBinding(label, pointer, combo, choicesAt(*m_contract, pointer), this);
    m_choices.push_back(binding);
    return binding;
}

FieldBinding *ManifestForm::flagBinding(const QString &label, const std::string &pointer,
                                        const QString &text)
{
    auto *box = new QCheckBox(text);
    box->setObjectName(QString::fromStdString(pointer));
    return new FlagFieldBinding(label, pointer, box, this);
}

QGroupBox *ManifestForm::buildIntegration()
{
    auto *group = new QGroupBox(tr("External Integration"));
    auto *layout = formLayout(group);
    addRow(layout, tr("Triggers on"),
           choiceBinding(tr("triggers_on"), "/external_integration/triggers_on",
                         tr("Choose when the app calls the webhook")),
           tr("When the app POSTs to the webhook."));
    addRow(layout, tr("Webhook URL"),
           new TextFieldBinding(
               tr("webhook_url"), "/external_integration/webhook_url",
               lineEditor("/external_integration/webhook_url", tr("https://example.com/webhook")),
               TextFieldBinding::Empty::IsEmptyString, this),
           tr("The app POSTs here with ?uid=<user id> appended."),
           simulatorButton(tr("Send test"), "sendTestButton", &ManifestForm::sendTestRequested));
    addRow(
        layout, tr("Setup check URL"),
        new TextFieldBinding(tr("setup_completed_url"), "/external_integration/setup_completed_url",
                             lineEditor("/external_integration/setup_completed_url",
                                        tr("empty: no setup needed (null)")),
                             TextFieldBinding::Empty::IsNull, this),
        tr("GET with ?uid=...; must answer {\"is_setup_completed\": true} before the plugin can "
           "be enabled."),
        simulatorButton(tr("Check setup"), "checkSetupButton", &ManifestForm::checkSetupRequested));
    addRow(layout, tr("Setup instructions"),
           new TextFieldBinding(tr("setup_instructions_file_path"),
                                "/external_integration/setup_instructions_file_path",
                                lineEditor("/external_integration/setup_instructions_file_path",
                                           tr("/plugins/instructions/<id>/README.md")),
                                TextFieldBinding::Empty::IsEmptyString, this),
           tr("Repository path of the setup markdown; may be empty."));
    m_authSteps = new AuthStepsEditor(this);
    addRow(layout, tr("Auth steps"), m_authSteps,
           tr("Buttons shown to the user during setup; the app appends uid to each URL."));
    std::vector<std::pair<std::string, QString>> actions;
    for (const auto action : app_schema::actions())
        actions.emplace_back(std::string(action), fromView(action));
    auto *actionSet = new StringSetEditor(tr("action"), "/external_integration/actions",
                                          std::move(actions), 2, this);
    actionSet->widget()->setObjectName(QStringLiteral("/external_integration/actions"));
    actionSet->setElementKey("action");
    connect(actionSet, &StringSetEditor::toggled, this,
            [this, actionSet](const std::string &action, bool checked) {
                toggleInSet(*actionSet, "action", action, checked);
            });
    addContractRow(layout, tr("Actions"), actionSet,
                   tr("What the app may do for the user through its API (each written as "
                      "{\"action\": ...})."));
    addContractRow(layout, tr("App home URL"),
                   new TextFieldBinding(tr("app_home_url"), "/external_integration/app_home_url",
                                        lineEditor("/external_integration/app_home_url",
                                                   tr("empty: the single auth step's URL")),
                                        TextFieldBinding::Empty::IsNull, this),
                   tr("The page the app opens for this app; without it the server uses the "
                      "URL of a single auth step."));
    addContractRow(
        layout, tr("Chat tools manifest URL"),
        new TextFieldBinding(tr("chat_tools_manifest_url"),
                             "/external_integration/chat_tools_manifest_url",
                             lineEditor("/external_integration/chat_tools_manifest_url",
                                        tr("https://example.com/.well-known/chat-tools")),
                             TextFieldBinding::Empty::IsNull, this),
        tr("Where the app reads the tools this app offers in chat."));
    addChatMessageRows(layout);
    addContractRow(layout, tr("MCP server URL"),
                   new TextFieldBinding(tr("mcp_server_url"),
                                        "/external_integration/mcp_server_url",
                                        lineEditor("/external_integration/mcp_server_url",
                                                   tr("optional, e.g. https://example.com/mcp")),
                                        TextFieldBinding::Empty::IsNull, this),
                   tr("The app's MCP server, for clients that speak the Model Context Protocol."));
    m_sections["external_integration"] = group;
    return group;
}

void ManifestForm::addChatMessageRows(QFormLayout *layout)
{
    const std::string enabled = "/external_integration/chat_messages_enabled";
    addContractRow(layout, tr("Chat messages"),
                   flagBinding(tr("chat_messages_enabled"), enabled, tr("Enabled")),
                   tr("Lets the app post messages into the user's chat (off by default)."));
    const QString enabledOnly = tr(" Enable chat messages first.");
    m_gatedRows.push_back(
        {addContractRow(layout, tr("Messages go to"),
                        choiceBinding(tr("chat_messages_target"),
                                      "/external_integration/chat_messages_target",
                                      tr("The app's own chat (default)")),
                        tr("The app's own chat, or the main chat.") + enabledOnly),
         enabled});
    m_gatedRows.push_back(
        {addContractRow(
             layout, tr("Notify"),
             flagBinding(tr("chat_messages_notify"), "/external_integration/chat_messages_notify",
                         tr("Notify the phone")),
             tr("Each message also notifies the user's phone (off by default).") + enabledOnly),
         enabled});
}

QGroupBox *ManifestForm::buildNotification()
{
    auto *group = new QGroupBox(tr("Proactive Notification"));
    auto *layout = formLayout(group);
    std::vector<std::pair<std::string, QString>> options;
    for (const auto scope : manifest_schema::notificationScopes())
        options.emplace_back(std::string(scope), fromView(scope));
    m_scopes = new StringSetEditor(tr("scope"), "/proactive_notification/scopes",
                                   std::move(options), 2, this);
    m_scopes->widget()->setObjectName(QStringLiteral("/proactive_notification/scopes"));
    connect(m_scopes, &StringSetEditor::toggled, this,
            [this](const std::string &scope, bool checked) {
                toggleInSet(*m_scopes, {}, scope, checked);
            });
    addRow(layout, tr("Scopes"), m_scopes,
           tr("What the app may put into the notification prompt it generates."));
    m_sections["proactive_notification"] = group;
    return group;
}

QPushButton *ManifestForm::simulatorButton(const QString &text, const char *name,
                                           void (ManifestForm::*signal)())
{
    auto *button = new QPushButton(text);
    button->setObjectName(QString::fromLatin1(name));
    button->setToolTip(tr("Opens the Simulate tab and calls the plugin as the app does"));
    connect(button, &QPushButton::clicked, this, signal);
    return button;
}

QWidget *ManifestForm::addRow(QFormLayout *layout, const QString &label, FieldBinding *binding,
                              const QString &hint, QWidget *trailing)
{
    auto *row = new QWidget;
    auto *rowLayout = new QHBoxLayout(row);
    rowLayout->setContentsMargins(0, 0, 0, 0);
    rowLayout->setSpacing(6);
    rowLayout->addWidget(binding->widget(), 1);
    if (trailing)
        rowLayout->addWidget(trailing, 0, Qt::AlignTop);
    auto *mark = new FieldMark(row);
    rowLayout->addWidget(mark, 0, Qt::AlignTop);
    auto *title = new QLabel(label);
    title->setToolTip(hint);
    binding->widget()->setToolTip(hint);
    layout->addRow(title, row);
    addBinding(binding, mark, title);
    return row;
}

QWidget *ManifestForm::addContractRow(QFormLayout *layout, const QString &label,
                                      FieldBinding *binding, const QString &hint)
{
    QWidget *row = addRow(layout, label, binding, hint);
    m_contractRows.push_back({layout, row, binding->pointer()});
    layout->setRowVisible(row, m_contract->declares(binding->pointer()));
    return row;
}

void ManifestForm::addBinding(FieldBinding *binding, FieldMark *mark, QLabel *label)
{
    connect(binding, &FieldBinding::editRequested, this, &ManifestForm::submit);
    m_fields.push_back({binding, mark, label});
}

void ManifestForm::setDocument(ManifestDocument *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (document) {
        connect(document, &ManifestDocument::changed, this, &ManifestForm::refresh);
        // A refused edit leaves the text as it was: show that again.
        connect(document, &ManifestDocument::editRefused, this, &ManifestForm::refresh);
    }
    refresh();
}

void ManifestForm::setContract(const Contract &contract)
{
    m_contract = &contract;
    applyContract();
    refresh();
}

void ManifestForm::applyContract()
{
    const Contract &contract = *m_contract;
    // A row shows when the contract's document has its field; the logo is a file beside a
    // document that stands alone, a repository path in an index.
    const bool apps = !contract.indexed();
    for (const auto &row : m_contractRows)
        row.layout->setRowVisible(row.row, contract.declares(row.pointer));
    for (const auto &[group, pointer] : m_contractGroups)
        group->setVisible(contract.declares(pointer));
    m_capabilities->setOptions(capabilityOptions(contract));
    for (ChoiceFieldBinding *choice : m_choices)
        choice->setChoices(choicesAt(contract, choice->pointer()));
    const QString logoHint =
        apps ? tr("logo.png beside the app document; the server uploads it and writes its URL.")
             : tr("Repository path of a square PNG, JPEG or WebP; the store shows it cropped "
                  "to a circle.");
    m_logo->setPlaceholderText(apps ? tr("logo.png beside the app document")
                                    : tr("/plugins/logos/<id>.png"));
    m_logo->setToolTip(logoHint);
    m_logoTitle->setToolTip(logoHint);
}

void ManifestForm::setDiagnostics(const std::vector<Diagnostic> &diagnostics)
{
    for (const auto &field : m_fields) {
        field.mark->clear();
        field.label->setStyleSheet({});
    }
    for (const auto &diagnostic : diagnostics) {
        if (const Field *field = fieldFor(diagnostic.pointer))
            field->mark->add(diagnostic);
    }
    for (const auto &field : m_fields) {
        if (field.mark->severity() == Severity::Error)
            field.label->setStyleSheet(
                QStringLiteral("color: %1;").arg(QColor(0xd9, 0x36, 0x36).name()));
    }
}

bool ManifestForm::focusField(const std::string &pointer)
{
    const Field *field = fieldFor(pointer);
    if (!field)
        return false;
    FieldBinding *binding = field->binding;
    if (!binding->widget()->isVisibleTo(this))
        binding = m_capabilities; // its section is hidden: the capability box brings it back
    m_scroll->ensureWidgetVisible(binding->widget(), 20, 40);
    binding->focus(pointer);
    return true;
}

QWidget *ManifestForm::fieldWidget(const std::string &pointer) const
{
    for (const auto &field : m_fields) {
        if (field.binding->pointer() == pointer)
            return field.binding->widget();
    }
    return nullptr;
}

std::optional<Severity> ManifestForm::markAt(const std::string &pointer) const
{
    for (const auto &field : m_fields) {
        if (field.binding->pointer() == pointer)
            return field.mark->severity();
    }
    return std::nullopt;
}

bool ManifestForm::isEditable() const
{
    return m_content->isEnabled();
}

QString ManifestForm::bannerMessage() const
{
    return m_banner->message();
}

bool ManifestForm::isSectionVisible(const std::string &capability) const
{
    const auto it = m_sections.find(capability);
    return it != m_sections.end() && !it->second->isHidden();
}

bool ManifestForm::isFieldShown(const std::string &pointer) const
{
    const QWidget *widget = fieldWidget(pointer);
    return widget && !widget->parentWidget()->isHidden();
}

void ManifestForm::refresh()
{
    static const Json kEmpty = Json::object();
    const Json &root = m_document ? m_document->lastGoodValue() : kEmpty;
    for (const auto &field : m_fields)
        field.binding->show(ManifestEdits::fieldAt(root, field.binding->pointer()));
    refreshGatedRows(root);
    refreshBanner();
    updateSections();
}

void ManifestForm::refreshBanner()
{
    if (!m_document) {
        m_banner->showMessage({}, false);
        m_content->setEnabled(false);
        return;
    }
    const JsonParseResult &parse = m_document->parse();
    QString message;
    if (!parse.ok()) {
        const SourcePosition where = LineIndex(m_document->text()).position(parse.error->offset);
        message = tr("<b>The text does not parse</b> (line %1, column %2: %3). The form shows the "
                     "last values that parsed and is read-only until the text is fixed.")
                      .arg(where.line)
                      .arg(where.column)
                      .arg(QString::fromStdString(parse.error->message).toHtmlEscaped());
    } else if (!parse.value.is_object()) {
        message = tr("<b>The document is not a manifest</b>: a manifest is one JSON object. "
                     "The form is read-only.");
    }
    m_banner->showMessage(message, !parse.ok());
    m_content->setEnabled(message.isEmpty());
}

void ManifestForm::refreshGatedRows(const Json &root)
{
    for (const auto &[row, flag] : m_gatedRows) {
        const Json *value = ManifestEdits::fieldAt(root, flag);
        row->setEnabled(value && value->is_boolean() && value->get<bool>());
    }
}

void ManifestForm::updateSections()
{
    for (const auto &[capability, section] : m_sections)
        section->setVisible(m_capabilities->isChecked(capability));
}

void ManifestForm::submit(const QString &description, const std::vector<JsonEdit> &edits,
                          const QString &mergeKey)
{
    if (m_document)
        m_document->edit(description, edits, mergeKey, EditOrigin::Form);
}

void ManifestForm::toggleCapability(const std::string &capability, bool checked)
{
    if (!m_document)
        return;
    const Json &root = m_document->lastGoodValue();
    const QString label = capabilityLabel(*m_contract, capability);
    if (checked)
        m_document->edit(
            tr("Add capability %1").arg(label),
            ManifestEdits::addCapability(
                root, capability, m_contract->sectionFor(capability, m_document->manifest().id)));
    else
        m_document->edit(tr("Remove capability %1").arg(label),
                         ManifestEdits::removeCapability(root, capability,
                                                         m_contract->sectionFor(capability, {})));
}

void ManifestForm::toggleInSet(const StringSetEditor &set, const std::string &key,
                               const std::string &value, bool checked)
{
    if (!m_document)
        return;
    const QString what = QStringLiteral("%1 %2").arg(set.label(), QString::fromStdString(value));
    if (checked)
        m_document->edit(tr("Add %1").arg(what),
                         ManifestEdits::addToSet(set.pointer(), value, key));
    else
        m_document->edit(
            tr("Remove %1").arg(what),
            ManifestEdits::removeFromSet(m_document->lastGoodValue(), set.pointer(), value, key));
}

const ManifestForm::Field *ManifestForm::fieldFor(std::string pointer) const
{
    // The field at the pointer, else at its nearest ancestor ("/capabilities/2" is shown by
    // the capability boxes); a whole section is shown by its first field.
    while (true) {
        for (const auto &field : m_fields) {
            if (field.binding->pointer() == pointer)
                return &field;
        }
        if (pointer == "/external_integration")
            pointer = "/external_integration/triggers_on";
        else if (pointer == "/proactive_notification")
            pointer = "/proactive_notification/scopes";
        else if (pointer.empty())
            return nullptr;
        else
            pointer = json_pointer::parent(pointer);
    }
}

} // namespace studio
