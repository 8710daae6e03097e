#pragma once

#include "manifest/PluginManifest.h"

#include <QWidget>

class QLabel;

namespace studio {

class ChipRow;
class Contract;
class LogoAvatar;
class PillButton;
class StoreCard;
struct LogoImage;

// The plugin's page in the store: large round logo, name, author, install button, the full
// description, the "Works with" chips, the prompts, the integration's trigger and setup,
// and the setup instructions.
class PluginDetailPage : public QWidget
{
    Q_OBJECT

public:
    explicit PluginDetailPage(QWidget *parent = nullptr);

    void setManifest(const PluginManifest &manifest);
    // The store's words for capabilities and triggers differ between contracts; an app
    // also shows its category.
    void setContract(const Contract &contract);
    void setLogo(const LogoImage &logo);
    // Rendered setup instructions; an empty string brings the placeholder text back.
    void setInstructionsHtml(const QString &html);

    QString name() const;
    QString author() const;
    // The app's category; empty under plugins-2024, which has none.
    QString category() const;
    QString description() const;
    QStringList capabilityLabels() const;
    // "Triggers on Memory Creation"; empty when the plugin has no external integration.
    QString triggerText() const;
    QString instructionsText() const;
    const LogoAvatar *avatar() const { return m_avatar; }

private:
    StoreCard *buildHeader();
    StoreCard *buildAbout();
    StoreCard *buildPrompts();
    StoreCard *buildIntegration();
    StoreCard *buildInstructions();
    QLabel *addLabel(QWidget *parent, const QString &objectName, int pixelSize,
                     QFont::Weight weight = QFont::Normal, bool secondary = false);
    void updateAuthSteps(const PluginManifest &manifest);
    void updateInstructions();

    LogoAvatar *m_avatar = nullptr;
    QLabel *m_name = nullptr;
    QLabel *m_author = nullptr;
    QLabel *m_category = nullptr;
    PillButton *m_install = nullptr;
    QLabel *m_description = nullptr;
    ChipRow *m_chips = nullptr;
    StoreCard *m_prompts = nullptr;
    QLabel *m_memoryPromptTitle = nullptr;
    QLabel *m_memoryPrompt = nullptr;
    QLabel *m_chatPromptTitle = nullptr;
    QLabel *m_chatPrompt = nullptr;
    StoreCard *m_integration = nullptr;
    QLabel *m_trigger = nullptr;
    QLabel *m_setupCompleted = nullptr;
    QWidget *m_authSteps = nullptr;
    QStringList m_authStepNames;
    StoreCard *m_instructionsCard = nullptr;
    QLabel *m_instructions = nullptr;
    QString m_instructionsHtml;
    QString m_instructionsPath;
    PluginManifest m_manifest;
    const Contract *m_contract;
};

} // namespace studio
