#pragma once

#include "diagnostics/Diagnostic.h"
#include "edit/JsonEdit.h"

#include <QPointer>
#include <QWidget>

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

class QFormLayout;
class QLineEdit;
class QGroupBox;
class QLabel;
class QPushButton;
class QScrollArea;

namespace studio {

class AuthStepsEditor;
class ChoiceFieldBinding;
class Contract;
class FieldBinding;
class FieldMark;
class ManifestDocument;
class ParseBanner;
class StringSetEditor;

// The form view of the document: every field of the contract, the capability boxes
// showing and hiding their sections. It shows the last text that parsed; while the text
// does not, a banner says why and the form is read-only, so it never writes over what the
// user is typing in the text. Its edits go to the document as JsonEdits.
class ManifestForm : public QWidget
{
    Q_OBJECT

public:
    explicit ManifestForm(QWidget *parent = nullptr);
    ~ManifestForm() override;

    // Wide enough that no row of the form scrolls sideways (it can be made narrower).
    QSize sizeHint() const override;

    void setDocument(ManifestDocument *document);
    void setDiagnostics(const std::vector<Diagnostic> &diagnostics);
    // Shows the fields of `contract`'s documents: an app (apps-2026) has a category, a
    // private flag, a persona, payments, chat messages and its app-only URLs, and no id or
    // deleted flag.
    void setContract(const Contract &contract);

    // Focuses the field showing `pointer` (or the nearest field above it) and scrolls to
    // it. False when no field shows it.
    bool focusField(const std::string &pointer);
    // The widget of the field at exactly `pointer`, or null.
    QWidget *fieldWidget(const std::string &pointer) const;
    std::optional<Severity> markAt(const std::string &pointer) const;
    bool isEditable() const;
    QString bannerMessage() const;
    bool isSectionVisible(const std::string &capability) const;
    // False when the field's row is hidden because the contract has no such field.
    bool isFieldShown(const std::string &pointer) const;

signals:
    void chooseImageRequested();
    void jumpToOffsetRequested(std::size_t offset);
    // The buttons beside the webhook and setup URLs: the window opens the simulator.
    void sendTestRequested();
    void checkSetupRequested();

private:
    struct Field
    {
        FieldBinding *binding;
        FieldMark *mark;
        QLabel *label;
    };

    // A row of a field only some contracts have: shown when the contract declares it.
    struct ContractRow
    {
        QFormLayout *layout;
        QWidget *row;
        std::string pointer;
    };

    // A row that means something only while a flag is set (price: is_paid).
    struct GatedRow
    {
        QWidget *row;
        std::string flag;
    };

    QWidget *buildIdentity();
    QWidget *buildCapabilities();
    QGroupBox *buildPromptSection(const char *capability, const char *key, const QString &title,
                                  const QString &hint);
    QGroupBox *buildPayments();
    QGroupBox *buildIntegration();
    void addChatMessageRows(QFormLayout *layout);
    QGroupBox *buildNotification();
    QPushButton *simulatorButton(const QString &text, const char *name,
                                 void (ManifestForm::*signal)());
    QWidget *addRow(QFormLayout *layout, const QString &label, FieldBinding *binding,
                    const QString &hint, QWidget *trailing = nullptr);
    QWidget *addContractRow(QFormLayout *layout, const QString &label, FieldBinding *binding,
                            const QString &hint);
    // A string the contract gives the values of (Contract::choices), in a combo box.
    ChoiceFieldBinding *choiceBinding(const QString &label, const std::string &pointer,
                                      const QString &placeholder);
    FieldBinding *flagBinding(const QString &label, const std::string &pointer,
                              const QString &text);
    void addBinding(FieldBinding *binding, FieldMark *mark, QLabel *label);

    void applyContract();
    void refresh();
    void refreshBanner();
    void refreshGatedRows(const Json &root);
    void updateSections();
    void submit(const QString &description, const std::vector<JsonEdit> &edits,
                const QString &mergeKey);
    void toggleCapability(const std::string &capability, bool checked);
    // Adds or removes a value of a set; with a key, as an object {key: value}.
    void toggleInSet(const StringSetEditor &set, const std::string &key, const std::string &value,
                     bool checked);
    const Field *fieldFor(std::string pointer) const;

    QPointer<ManifestDocument> m_document;
    ParseBanner *m_banner;
    QScrollArea *m_scroll;
    QWidget *m_content;
    StringSetEditor *m_capabilities = nullptr;
    StringSetEditor *m_scopes = nullptr;
    std::vector<ChoiceFieldBinding *> m_choices;
    QLineEdit *m_logo = nullptr;
    QLabel *m_logoTitle = nullptr;
    const Contract *m_contract;
    std::vector<ContractRow> m_contractRows;
    std::vector<std::pair<QGroupBox *, std::string>> m_contractGroups; // shown with that row
    std::vector<GatedRow> m_gatedRows;
    AuthStepsEditor *m_authSteps = nullptr;
    std::map<std::string, QGroupBox *> m_sections; // capability -> its section
    std::vector<Field> m_fields;
};

} // namespace studio
