#include "PluginDetailPage.h"

#include "ChipRow.h"
#include "LogoAvatar.h"
#include "PillButton.h"
#include "StoreCard.h"
#include "StoreTheme.h"
#include "WrappingLabel.h"
#include "contract/Contract.h"
#include "contract/apps2026/AppSchema.h"
#include "manifest/ManifestSchema.h"
#include "manifest/PluginManifest.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>

namespace studio {

namespace {

constexpr int kLogoDiameter = 80;

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

bool isApps(const Contract &contract)
{
    return &contract == &Contract::apps2026();
}

// The app's wording for the trigger; anything it does not know reads "Unknown".
QString triggerLabel(const Contract &contract, const std::string &value)
{
    if (isApps(contract)) {
        const auto triggers = app_schema::triggers();
        const bool known = std::find(triggers.begin(), triggers.end(), value) != triggers.end();
        return known ? qs(app_schema::triggerLabel(value)) : QStringLiteral("Unknown");
    }
    const auto *trigger = manifest_schema::findTrigger(value);
    return trigger ? qs(trigger->label) : QStringLiteral("Unknown");
}

} // namespace

PluginDetailPage::PluginDetailPage(QWidget *parent)
    : QWidget(parent)
    , m_contract(&Contract::plugins2024())
{
    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(12);
    column->addWidget(buildHeader());
    column->addWidget(buildAbout());
    column->addWidget(m_prompts = buildPrompts());
    column->addWidget(m_integration = buildIntegration());
    column->addWidget(m_instructionsCard = buildInstructions());
}

QLabel *PluginDetailPage::addLabel(QWidget *parent, const QString &objectName, int pixelSize,
                                   QFont::Weight weight, bool secondary)
{
    auto *label = new WrappingLabel(parent);
    label->setObjectName(objectName);
    label->setFont(storeFont(font(), pixelSize, weight));
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    if (secondary)
        label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

StoreCard *PluginDetailPage::buildHeader()
{
    auto *card = new StoreCard(this);
    m_avatar = new LogoAvatar(kLogoDiameter, card);
    m_avatar->setObjectName(QStringLiteral("detailLogo"));
    m_name = addLabel(card, QStringLiteral("detailName"), 22, QFont::Bold);
    m_author = addLabel(card, QStringLiteral("detailAuthor"), 14, QFont::Normal, true);
    m_category = addLabel(card, QStringLiteral("detailCategory"), 13, QFont::Medium, true);
    m_category->setVisible(false);
    m_install = new PillButton(PillButton::Style::Filled, card);
    m_install->setObjectName(QStringLiteral("installButton"));
    m_install->setText(tr("Install"));
    m_install->setFont(storeFont(font(), 14, QFont::DemiBold));

    auto *text = new QVBoxLayout;
    text->setSpacing(4);
    text->addWidget(m_name);
    text->addWidget(m_author);
    text->addWidget(m_category);
    text->addSpacing(6);
    text->addWidget(m_install, 0, Qt::AlignLeft);

    auto *row = new QHBoxLayout(card);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(16);
    row->addWidget(m_avatar, 0, Qt::AlignTop);
    row->addLayout(text, 1);
    return card;
}

StoreCard *PluginDetailPage::buildAbout()
{
    auto *card = new StoreCard(this);
    m_description = addLabel(card, QStringLiteral("detailDescription"), 15, QFont::Normal, true);
    auto *worksWith = addLabel(card, QString(), 15, QFont::DemiBold);
    worksWith->setText(tr("Works with"));
    m_chips = new ChipRow(card);
    m_chips->setObjectName(QStringLiteral("capabilityChips"));
    m_chips->setFont(storeFont(font(), 13, QFont::Medium));

    auto *column = new QVBoxLayout(card);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(10);
    column->addWidget(m_description);
    column->addSpacing(4);
    column->addWidget(worksWith);
    column->addWidget(m_chips);
    return card;
}

StoreCard *PluginDetailPage::buildPrompts()
{
    auto *card = new StoreCard(this);
    m_memoryPromptTitle = addLabel(card, QString(), 17, QFont::DemiBold);
    m_memoryPromptTitle->setText(tr("Memories Prompt"));
    m_memoryPrompt = addLabel(card, QStringLiteral("memoryPrompt"), 14, QFont::Normal, true);
    m_chatPromptTitle = addLabel(card, QString(), 17, QFont::DemiBold);
    m_chatPromptTitle->setText(tr("Chat Prompt"));
    m_chatPrompt = addLabel(card, QStringLiteral("chatPrompt"), 14, QFont::Normal, true);

    auto *column = new QVBoxLayout(card);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(6);
    column->addWidget(m_memoryPromptTitle);
    column->addWidget(m_memoryPrompt);
    column->addSpacing(10);
    column->addWidget(m_chatPromptTitle);
    column->addWidget(m_chatPrompt);
    return card;
}

StoreCard *PluginDetailPage::buildIntegration()
{
    auto *card = new StoreCard(this);
    auto *title = addLabel(card, QString(), 17, QFont::DemiBold);
    title->setText(tr("Integration Instructions"));
    auto *chevron = new QLabel(QStringLiteral("\u203a"), card);
    chevron->setFont(storeFont(font(), 20));
    chevron->setForegroundRole(QPalette::PlaceholderText);
    m_trigger = addLabel(card, QStringLiteral("triggerLabel"), 14);
    m_setupCompleted = addLabel(card, QStringLiteral("setupCompleted"), 14, QFont::Normal, true);
    m_setupCompleted->setText(QStringLiteral("\u2610  ") + tr("Setup Completed"));
    m_authSteps = new QWidget(card);
    auto *steps = new QVBoxLayout(m_authSteps);
    steps->setContentsMargins(0, 4, 0, 0);
    steps->setSpacing(8);

    auto *heading = new QHBoxLayout;
    heading->addWidget(title, 1);
    heading->addWidget(chevron);
    auto *column = new QVBoxLayout(card);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(6);
    column->addLayout(heading);
    column->addWidget(m_trigger);
    column->addWidget(m_setupCompleted);
    column->addWidget(m_authSteps);
    return card;
}

StoreCard *PluginDetailPage::buildInstructions()
{
    auto *card = new StoreCard(this);
    auto *title = addLabel(card, QString(), 17, QFont::DemiBold);
    title->setText(tr("Setup Instructions"));
    m_instructions = addLabel(card, QStringLiteral("instructionsText"), 14, QFont::Normal, true);
    m_instructions->setOpenExternalLinks(false);
    auto *column = new QVBoxLayout(card);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(8);
    column->addWidget(title);
    column->addWidget(m_instructions);
    return card;
}

void PluginDetailPage::setManifest(const PluginManifest &manifest)
{
    m_name->setText(qs(manifest.name));
    m_author->setText(qs(manifest.author));
    m_description->setText(qs(manifest.description));

    m_manifest = manifest;
    const bool apps = isApps(*m_contract);
    m_category->setText(apps ? qs(manifest.category) : QString());
    m_category->setVisible(!m_category->text().isEmpty());

    // The app ignores capabilities it does not know, and shows each known one once.
    QStringList chips;
    const auto capabilities =
        apps ? app_schema::capabilities() : manifest_schema::capabilities();
    for (const auto &capability : capabilities) {
        if (manifest.hasCapability(capability.value))
            chips << qs(capability.label);
    }
    m_chips->setLabels(chips);

    const bool memories = manifest.hasCapability("memories");
    const bool chat = manifest.hasCapability("chat");
    m_memoryPromptTitle->setVisible(memories);
    m_memoryPrompt->setVisible(memories);
    m_memoryPrompt->setText(qs(manifest.memoryPrompt.value_or(std::string())));
    m_chatPromptTitle->setVisible(chat);
    m_chatPrompt->setVisible(chat);
    m_chatPrompt->setText(qs(manifest.chatPrompt.value_or(std::string())));
    m_prompts->setVisible(memories || chat);

    // The app treats a plugin as external only through its capability, whatever sections
    // the entry carries.
    const bool external = manifest.hasCapability("external_integration");
    const ExternalIntegration integration =
        manifest.externalIntegration.value_or(ExternalIntegration{});
    m_integration->setVisible(external);
    m_instructionsCard->setVisible(external);
    m_trigger->setText(external ? tr("Triggers on %1").arg(triggerLabel(*m_contract, integration.triggersOn))
                                : QString());
    m_setupCompleted->setVisible(external && integration.setupCompletedUrl.has_value());
    updateAuthSteps(manifest);
    m_instructionsPath = qs(integration.setupInstructionsFilePath);
    updateInstructions();
}

void PluginDetailPage::updateAuthSteps(const PluginManifest &manifest)
{
    QStringList names;
    if (manifest.externalIntegration) {
        for (const AuthStep &step : manifest.externalIntegration->authSteps)
            names << qs(step.name);
    }
    m_authSteps->setVisible(!names.isEmpty());
    if (names == m_authStepNames)
        return;
    m_authStepNames = names;
    qDeleteAll(m_authSteps->findChildren<PillButton *>(Qt::FindDirectChildrenOnly));
    for (const QString &name : names) {
        auto *button = new PillButton(PillButton::Style::Outlined, m_authSteps);
        button->setText(name);
        button->setFont(storeFont(font(), 14));
        m_authSteps->layout()->addWidget(button);
        m_authSteps->layout()->setAlignment(button, Qt::AlignLeft);
    }
}

void PluginDetailPage::updateInstructions()
{
    if (!m_instructionsHtml.isEmpty()) {
        m_instructions->setTextFormat(Qt::RichText);
        m_instructions->setForegroundRole(QPalette::WindowText);
        m_instructions->setText(m_instructionsHtml);
        return;
    }
    m_instructions->setTextFormat(Qt::PlainText);
    m_instructions->setForegroundRole(QPalette::PlaceholderText);
    m_instructions->setText(
        m_instructionsPath.isEmpty()
            ? tr("This plugin has no setup instructions.")
            : tr("The setup instructions in %1 show here.").arg(m_instructionsPath));
}

void PluginDetailPage::setLogo(const LogoImage &logo)
{
    m_avatar->setLogo(logo);
}

void PluginDetailPage::setInstructionsHtml(const QString &html)
{
    m_instructionsHtml = html;
    updateInstructions();
}

QString PluginDetailPage::name() const
{
    return m_name->text();
}

QString PluginDetailPage::author() const
{
    return m_author->text();
}

QString PluginDetailPage::category() const
{
    return m_category->text();
}

void PluginDetailPage::setContract(const Contract &contract)
{
    m_contract = &contract;
    setManifest(m_manifest);
}

QString PluginDetailPage::description() const
{
    return m_description->text();
}

QStringList PluginDetailPage::capabilityLabels() const
{
    return m_chips->labels();
}

QString PluginDetailPage::triggerText() const
{
    return m_trigger->text();
}

QString PluginDetailPage::instructionsText() const
{
    return m_instructions->text();
}

} // namespace studio
