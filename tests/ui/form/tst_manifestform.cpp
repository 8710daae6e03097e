#include "UiTestSupport.h"
#include "contract/Contract.h"
#include "document/ManifestDocument.h"
#include "edit/ManifestEdits.h"
#include "form/ManifestForm.h"
#include "manifest/ManifestSchema.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>

using namespace studio;

namespace {

const std::string kManifest = "{\n"
                              "  \"id\": \"notes\",\n"
                              "  \"name\": \"Socratic Coach\",\n"
                              "  \"author\": \"@me\",\n"
                              "  \"capabilities\": [\n"
                              "    \"external_integration\"\n"
                              "  ],\n"
                              "  \"external_integration\": {\n"
                              "    \"triggers_on\": \"memory_creation\",\n"
                              "    \"webhook_url\": \"https://example.com/hook\",\n"
                              "    \"setup_completed_url\": \"https://example.com/done\",\n"
                              "    \"setup_instructions_file_path\": \"\",\n"
                              "    \"auth_steps\": [\n"
                              "      {\"name\": \"One\", \"url\": \"https://example.com/1\"},\n"
                              "      {\"name\": \"Two\", \"url\": \"https://example.com/2\"}\n"
                              "    ]\n"
                              "  },\n"
                              "  \"deleted\": false\n"
                              "}\n";

const std::string kApp = "{\n"
                         "  \"name\": \"Task Keeper\",\n"
                         "  \"author\": \"me\",\n"
                         "  \"description\": \"Keeps tasks.\",\n"
                         "  \"category\": \"productivity\",\n"
                         "  \"image\": \"logo.png\",\n"
                         "  \"capabilities\": [\"external_integration\"],\n"
                         "  \"private\": true,\n"
                         "  \"external_integration\": {\n"
                         "    \"triggers_on\": \"audio_bytes\",\n"
                         "    \"webhook_url\": \"https://example.com/audio\",\n"
                         "    \"app_home_url\": \"https://example.com/home\"\n"
                         "  }\n"
                         "}\n";

std::string replaced(std::string text, const std::string &from, const std::string &to)
{
    return text.replace(text.find(from), from.size(), to);
}

} // namespace

class ManifestFormTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_document = std::make_unique<ManifestDocument>();
        m_document->load(kManifest);
        m_form = std::make_unique<ManifestForm>();
        m_form->setDocument(m_document.get());
        m_form->resize(600, 900);
        QVERIFY(test::showActive(m_form.get()));
    }

    void cleanup()
    {
        m_form.reset();
        m_document.reset();
    }

    void fields_showTheDocument()
    {
        QCOMPARE(line("/name")->text(), QStringLiteral("Socratic Coach"));
        QCOMPARE(line("/external_integration/webhook_url")->text(),
                 QStringLiteral("https://example.com/hook"));
        QCOMPARE(table()->rowCount(), 2);
        QCOMPARE(table()->item(1, 1)->text(), QStringLiteral("https://example.com/2"));
        QVERIFY(m_form->isSectionVisible("external_integration"));
        QVERIFY(!m_form->isSectionVisible("chat"));
        QVERIFY(m_form->isEditable());
    }

    void typingInAField_changesOnlyItsValue_andKeepsTheCaret()
    {
        QLineEdit *name = line("/name");
        name->setFocus();
        name->setCursorPosition(8); // "Socratic| Coach"
        QTest::keyClicks(name, QStringLiteral("al"));
        QCOMPARE(m_document->text(), replaced(kManifest, "Socratic Coach", "Socratical Coach"));
        QCOMPARE(name->text(), QStringLiteral("Socratical Coach"));
        QCOMPARE(name->cursorPosition(), 10);
        QCOMPARE(m_document->undoStack()->count(), 1);
    }

    void textEdits_showInTheForm_withoutMovingTheFieldCaret()
    {
        QLineEdit *name = line("/name");
        name->setCursorPosition(3);
        const std::size_t end = kManifest.find("Coach\"") + 5;
        m_document->applyTyping({end, {}, "!"});
        QCOMPARE(name->text(), QStringLiteral("Socratic Coach!"));
        QCOMPARE(name->cursorPosition(), 3);
    }

    void brokenText_showsABanner_keepsTheLastGoodValues_andTouchesNothing()
    {
        const std::size_t comma = kManifest.find("\"@me\",") + 5;
        m_document->applyTyping({comma, ",", {}});
        const std::string broken = m_document->text();
        QVERIFY(!m_document->parses());
        QVERIFY(m_form->bannerMessage().contains(QStringLiteral("does not parse")));
        QVERIFY(m_form->bannerMessage().contains(QStringLiteral("line 5")));
        QVERIFY(!m_form->isEditable());
        QCOMPARE(line("/author")->text(), QStringLiteral("@me"));
        QCOMPARE(line("/name")->text(), QStringLiteral("Socratic Coach"));
        QCOMPARE(m_document->text(), broken);

        m_document->applyTyping({comma, {}, ","});
        QVERIFY(m_form->bannerMessage().isEmpty());
        QVERIFY(m_form->isEditable());
    }

    void capabilityBox_addsTheCapabilityAndItsSection_inOneStep()
    {
        QCheckBox *chat = capability("chat");
        QVERIFY(!chat->isChecked());
        chat->click();
        QVERIFY(m_form->isSectionVisible("chat"));
        QVERIFY(m_document->manifest().hasCapability("chat"));
        QCOMPARE(m_document->manifest().chatPrompt, std::optional<std::string>(""));
        QVERIFY(
            m_document->text().find("  ],\n  \"chat_prompt\": \"\",\n  \"external_integration\"") !=
            std::string::npos);
        QCOMPARE(m_document->undoStack()->count(), 1);

        m_document->undoStack()->undo();
        QCOMPARE(m_document->text(), kManifest);
        QVERIFY(!chat->isChecked());
        QVERIFY(!m_form->isSectionVisible("chat"));
    }

    void clearingACapability_removesItsSectionToo()
    {
        capability("external_integration")->click();
        QVERIFY(!m_form->isSectionVisible("external_integration"));
        QVERIFY(!m_document->manifest().externalIntegration);
        QVERIFY(m_document->text().find("\"capabilities\": []") != std::string::npos);
        m_document->undoStack()->undo();
        QCOMPARE(m_document->text(), kManifest);
    }

    void clearedSetupUrl_writesNull()
    {
        QLineEdit *setup = line("/external_integration/setup_completed_url");
        setup->setFocus();
        setup->selectAll();
        QTest::keyClick(setup, Qt::Key_Backspace);
        QCOMPARE(m_document->text(), replaced(kManifest, "\"https://example.com/done\"", "null"));
    }

    void triggerChoice_offersTheAppsLabels_andWritesTheValue()
    {
        auto *combo =
            qobject_cast<QComboBox *>(m_form->fieldWidget("/external_integration/triggers_on"));
        QVERIFY(combo);
        QCOMPARE(combo->itemText(0), QStringLiteral("Memory Creation"));
        QCOMPARE(
            combo->itemText(1),
            QStringLiteral("Transcript Segment Processed (every 30 seconds during conversation)"));
        QCOMPARE(combo->currentIndex(), 0);
        combo->setFocus();
        QTest::keyClick(combo, Qt::Key_Down);
        QCOMPARE(m_document->manifest().externalIntegration->triggersOn,
                 std::string("transcript_processed"));
    }

    void unknownTrigger_isShownAsItIs()
    {
        m_document->edit(QStringLiteral("x"),
                         {JsonEdit::set("/external_integration/triggers_on", "memory_created")});
        auto *combo =
            qobject_cast<QComboBox *>(m_form->fieldWidget("/external_integration/triggers_on"));
        QCOMPARE(combo->currentText(), QStringLiteral("memory_created (unknown to the app)"));
    }

    void authSteps_canBeAddedEditedMovedAndRemoved()
    {
        QTableWidget *steps = table();
        auto *add = buttonNear(steps, QStringLiteral("Add"));
        add->click();
        QCOMPARE(m_document->manifest().externalIntegration->authSteps.size(), std::size_t(3));
        QCOMPARE(steps->rowCount(), 3);

        steps->item(2, 0)->setText(QStringLiteral("Three"));
        QCOMPARE(m_document->manifest().externalIntegration->authSteps[2].name,
                 std::string("Three"));

        steps->setCurrentCell(2, 0);
        buttonNear(steps, QStringLiteral("\u2191"))->click();
        const auto &moved = m_document->manifest().externalIntegration->authSteps;
        QCOMPARE(moved[1].name, std::string("Three"));
        QCOMPARE(moved[2].name, std::string("Two"));
        QCOMPARE(steps->currentRow(), 1);

        buttonNear(steps, QStringLiteral("Remove"))->click();
        const auto &left = m_document->manifest().externalIntegration->authSteps;
        QCOMPARE(left.size(), std::size_t(2));
        QCOMPARE(left[1].name, std::string("Two"));
        // One step each: add, edit, move, remove.
        QCOMPARE(m_document->undoStack()->count(), 4);
    }

    void focusField_findsTheFieldOfANestedPointer()
    {
        QVERIFY(m_form->focusField("/external_integration/auth_steps/1/url"));
        QCOMPARE(QApplication::focusWidget(), table());
        QCOMPARE(table()->currentRow(), 1);
        QCOMPARE(table()->currentColumn(), 1);
        QVERIFY(m_form->focusField("/name"));
        QCOMPARE(QApplication::focusWidget(), line("/name"));
        QVERIFY(!m_form->focusField(""));
    }

    void diagnostics_markTheirFields()
    {
        Diagnostic missing;
        missing.rule = RuleId::MissingField;
        missing.pointer = "/description";
        missing.message = "missing";
        Diagnostic style;
        style.rule = RuleId::IdStyle;
        style.pointer = "/id";
        style.message = "style";
        m_form->setDiagnostics({missing, style});
        QCOMPARE(m_form->markAt("/description"), std::optional<Severity>(Severity::Error));
        QCOMPARE(m_form->markAt("/id"), std::optional<Severity>(Severity::Warning));
        QCOMPARE(m_form->markAt("/name"), std::optional<Severity>());
        m_form->setDiagnostics({});
        QCOMPARE(m_form->markAt("/description"), std::optional<Severity>());
    }

    void appContract_showsTheAppsFields_andHidesIdAndDeleted()
    {
        m_document->load(kApp);
        m_form->setContract(Contract::apps2026());
        for (const char *pointer : {"/category", "/private", "/external_integration/app_home_url",
                                    "/external_integration/chat_tools_manifest_url"})
            QVERIFY2(m_form->isFieldShown(pointer), pointer);
        QVERIFY(!m_form->isFieldShown("/id"));
        QVERIFY(!m_form->isFieldShown("/deleted"));
        QCOMPARE(line("/category")->text(), QStringLiteral("productivity"));
        QCOMPARE(line("/external_integration/app_home_url")->text(),
                 QStringLiteral("https://example.com/home"));
        QVERIFY(qobject_cast<QCheckBox *>(m_form->fieldWidget("/private"))->isChecked());
        QCOMPARE(line("/image")->placeholderText(),
                 QStringLiteral("logo.png beside the app document"));
        auto *combo =
            qobject_cast<QComboBox *>(m_form->fieldWidget("/external_integration/triggers_on"));
        QCOMPARE(combo->currentText(), QStringLiteral("Audio Bytes"));
        QCOMPARE(capability("memories")->text(), QStringLiteral("Conversations"));
        QVERIFY(capability("persona"));
    }

    void appContract_categoryRow_writesTheCategoryInOneStep()
    {
        m_document->load(kApp);
        m_form->setContract(Contract::apps2026());
        QLineEdit *category = line("/category");
        category->setFocus();
        category->selectAll();
        QTest::keyClicks(category, QStringLiteral("health"));
        QVERIFY(m_document->lastGoodValue().at("category") == Json("health"));
        QCOMPARE(m_document->undoStack()->count(), 1);
        m_document->undoStack()->undo();
        QCOMPARE(m_document->text(), kApp);
    }

    void appContract_personaBox_showsThePersonaPrompt()
    {
        m_document->load(kApp);
        m_form->setContract(Contract::apps2026());
        QVERIFY(!m_form->isSectionVisible("persona"));
        capability("persona")->click();
        QVERIFY(m_form->isSectionVisible("persona"));
        QVERIFY(m_document->lastGoodValue().at("capabilities") ==
                Json::array({"external_integration", "persona"}));
        auto *prompt = qobject_cast<QPlainTextEdit *>(m_form->fieldWidget("/persona_prompt"));
        QVERIFY(prompt);
        prompt->setFocus();
        QTest::keyClicks(prompt, QStringLiteral("Be kind."));
        QVERIFY(m_document->lastGoodValue().at("persona_prompt") == Json("Be kind."));
    }

    void appContract_actions_areWrittenAsObjects()
    {
        m_document->load(kApp);
        m_form->setContract(Contract::apps2026());
        QWidget *actions = m_form->fieldWidget("/external_integration/actions");
        QVERIFY(m_form->isFieldShown("/external_integration/actions"));
        auto *readTasks = actions->findChild<QCheckBox *>(QStringLiteral("read_tasks"));
        QVERIFY(readTasks && !readTasks->isChecked());
        readTasks->click();
        QVERIFY(m_document->lastGoodValue().at("external_integration").at("actions") ==
                Json::parse(R"([{"action": "read_tasks"}])"));
        QVERIFY(readTasks->isChecked());
        QCOMPARE(m_document->undoStack()->count(), 1);
        readTasks->click();
        QVERIFY(m_document->lastGoodValue().at("external_integration").at("actions") ==
                Json::array());
        QVERIFY(!readTasks->isChecked());
    }

    void appContract_newRows_writeTheirPointerInOneStep_data()
    {
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("written"); // the JSON the document holds after
        QTest::newRow("price") << "/price"
                               << "4.50"
                               << "4.5";
        QTest::newRow("payment link") << "/payment_link"
                                      << "https://pay.example.com"
                                      << "\"https://pay.example.com\"";
        QTest::newRow("source code") << "/source_code_url"
                                     << "https://git.example.com/tk"
                                     << "\"https://git.example.com/tk\"";
        QTest::newRow("username") << "/username"
                                  << "Ada"
                                  << "\"Ada\"";
        QTest::newRow("twitter") << "/twitter"
                                 << "ada_l"
                                 << "\"ada_l\"";
        QTest::newRow("mcp server") << "/external_integration/mcp_server_url"
                                    << "https://example.com/mcp"
                                    << "\"https://example.com/mcp\"";
    }

    void appContract_newRows_writeTheirPointerInOneStep()
    {
        QFETCH(QString, pointer);
        QFETCH(QString, typed);
        QFETCH(QString, written);
        m_document->load(
            replaced(kApp, "\"private\": true", "\"private\": true, \"is_paid\": true"));
        m_form->setContract(Contract::apps2026());
        const std::string before = m_document->text();
        QLineEdit *edit = line(pointer.toStdString());
        QVERIFY(m_form->isFieldShown(pointer.toStdString()));
        edit->setFocus();
        QTest::keyClicks(edit, typed);
        const Json *value =
            ManifestEdits::fieldAt(m_document->lastGoodValue(), pointer.toStdString());
        QVERIFY(value);
        QVERIFY(*value == Json::parse(written.toStdString()));
        QCOMPARE(m_document->undoStack()->count(), 1);
        m_document->undoStack()->undo();
        QCOMPARE(m_document->text(), before);
    }

    void appContract_thumbnails_areLinesOfAnArray()
    {
        m_document->load(kApp);
        m_form->setContract(Contract::apps2026());
        const std::string before = m_document->text();
        auto *edit = qobject_cast<QPlainTextEdit *>(m_form->fieldWidget("/thumbnails"));
        QVERIFY(edit);
        QVERIFY(m_form->isFieldShown("/thumbnails"));
        edit->setFocus();
        QTest::keyClicks(edit, QStringLiteral("https://a.example/1.png"));
        QTest::keyClick(edit, Qt::Key_Return);
        // The new empty line stays while the user types into it.
        QCOMPARE(edit->toPlainText(), QStringLiteral("https://a.example/1.png\n"));
        QTest::keyClicks(edit, QStringLiteral(" https://a.example/2.png "));
        const Json *value = ManifestEdits::fieldAt(m_document->lastGoodValue(), "/thumbnails");
        QVERIFY(value);
        QVERIFY(*value == Json::array({"https://a.example/1.png", "https://a.example/2.png"}));
        QCOMPARE(m_document->undoStack()->count(), 1);
        m_document->undoStack()->undo();
        QCOMPARE(m_document->text(), before);
        QCOMPARE(edit->toPlainText(), QString());
    }

    void appContract_flagsAndChoices_writeTheirPointerInOneStep_data()
    {
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QString>("written");
        QTest::newRow("is_paid") << "/is_paid"
                                 << "true";
        QTest::newRow("payment plan") << "/payment_plan"
                                      << "\"monthly_recurring\"";
        QTest::newRow("chat messages") << "/external_integration/chat_messages_enabled"
                                       << "true";
        QTest::newRow("chat target") << "/external_integration/chat_messages_target"
                                     << "\"main\"";
        QTest::newRow("notify") << "/external_integration/chat_messages_notify"
                                << "true";
    }

    void appContract_flagsAndChoices_writeTheirPointerInOneStep()
    {
        QFETCH(QString, pointer);
        QFETCH(QString, written);
        const std::string key = pointer.toStdString();
        // Paid and chat messages on, so the rows they gate take clicks.
        m_document->load(
            replaced(replaced(kApp, "\"private\": true", "\"private\": true, \"is_paid\": true"),
                     "\"triggers_on\"", "\"chat_messages_enabled\": true, \"triggers_on\""));
        m_form->setContract(Contract::apps2026());
        QVERIFY(m_form->isFieldShown(key));
        QWidget *widget = m_form->fieldWidget(key);
        QVERIFY(widget->isEnabledTo(m_form.get()));
        if (auto *box = qobject_cast<QCheckBox *>(widget)) {
            if (box->isChecked()) // already on in the fixture: clear it, then look at the undo
                m_document->edit(QStringLiteral("clear"), {JsonEdit::set(key, false)});
            m_document->undoStack()->clear();
            box->click();
        } else {
            auto *combo = qobject_cast<QComboBox *>(widget);
            QVERIFY(combo);
            const int index = combo->findData(
                QString::fromStdString(Json::parse(written.toStdString()).get<std::string>()));
            QVERIFY(index >= 0);
            combo->setFocus();
            combo->setCurrentIndex(index);
            emit combo->activated(index);
        }
        const Json *value = ManifestEdits::fieldAt(m_document->lastGoodValue(), key);
        QVERIFY(value);
        QVERIFY(*value == Json::parse(written.toStdString()));
        QCOMPARE(m_document->undoStack()->count(), 1);
    }

    void appContract_priceAndPlan_areEnabledOnlyWhenPaid()
    {
        m_document->load(kApp);
        m_form->setContract(Contract::apps2026());
        for (const char *pointer : {"/price", "/payment_plan", "/payment_link"}) {
            QVERIFY2(m_form->isFieldShown(pointer), pointer);
            QVERIFY2(!m_form->fieldWidget(pointer)->isEnabledTo(m_form.get()), pointer);
        }
        qobject_cast<QCheckBox *>(m_form->fieldWidget("/is_paid"))->click();
        QVERIFY(m_document->lastGoodValue().at("is_paid") == Json(true));
        for (const char *pointer : {"/price", "/payment_plan", "/payment_link"})
            QVERIFY2(m_form->fieldWidget(pointer)->isEnabledTo(m_form.get()), pointer);
        auto *plan = qobject_cast<QComboBox *>(m_form->fieldWidget("/payment_plan"));
        QCOMPARE(plan->itemText(0), QStringLiteral("Monthly Recurring"));
        m_document->undoStack()->undo();
        QVERIFY(!m_form->fieldWidget("/price")->isEnabledTo(m_form.get()));
    }

    void appContract_price_takesOnlyANumber()
    {
        m_document->load(
            replaced(kApp, "\"private\": true", "\"private\": true, \"is_paid\": true"));
        m_form->setContract(Contract::apps2026());
        QLineEdit *price = line("/price");
        price->setFocus();
        QTest::keyClicks(price, QStringLiteral("a3-"));
        QVERIFY(m_document->lastGoodValue().at("price") == Json(3));
        price->selectAll();
        QTest::keyClick(price, Qt::Key_Delete);
        QVERIFY(m_document->lastGoodValue().at("price").is_null());
    }

    void appContract_externalIntegrationBox_insertsTheAppsSection()
    {
        m_document->load(
            replaced(kApp, "\"capabilities\": [\"external_integration\"]", "\"capabilities\": []"));
        m_document->edit(QStringLiteral("drop"), {JsonEdit::remove("/external_integration")});
        m_document->undoStack()->clear();
        m_form->setContract(Contract::apps2026());
        capability("external_integration")->click();
        QVERIFY(m_form->isSectionVisible("external_integration"));
        QVERIFY(m_document->lastGoodValue().at("external_integration") ==
                Json::parse(R"({"triggers_on": "memory_creation", "webhook_url": ""})"));
        QVERIFY(m_document->text().find("/plugins/instructions") == std::string::npos);
        QCOMPARE(m_document->undoStack()->count(), 1);
    }

    void pluginsContract_hasNoneOfTheAppsRows()
    {
        for (const char *pointer :
             {"/is_paid", "/price", "/payment_plan", "/payment_link", "/source_code_url",
              "/username", "/twitter", "/thumbnails", "/connected_accounts",
              "/external_integration/chat_messages_enabled",
              "/external_integration/chat_messages_target",
              "/external_integration/chat_messages_notify", "/external_integration/mcp_server_url"})
            QVERIFY2(!m_form->isFieldShown(pointer), pointer);
        const auto *payments = m_form->fieldWidget("/is_paid")->parentWidget()->parentWidget();
        QVERIFY(payments->isHidden());
        m_form->setContract(Contract::apps2026());
        QVERIFY(!payments->isHidden());
    }

    void pluginsContract_restoresThe2024Rows()
    {
        m_form->setContract(Contract::apps2026());
        m_form->setContract(Contract::plugins2024());
        QVERIFY(m_form->isFieldShown("/id"));
        QVERIFY(m_form->isFieldShown("/deleted"));
        QVERIFY(!m_form->isFieldShown("/category"));
        QVERIFY(!m_form->isFieldShown("/private"));
        QVERIFY(!m_form->isFieldShown("/external_integration/app_home_url"));
        QCOMPARE(line("/id")->text(), QStringLiteral("notes"));
        QVERIFY(!capability("persona"));
        QCOMPARE(capability("memories")->text(), QStringLiteral("Memories"));
        QVERIFY(capability("external_integration")->isChecked());
        auto *combo =
            qobject_cast<QComboBox *>(m_form->fieldWidget("/external_integration/triggers_on"));
        QCOMPARE(combo->count(), int(manifest_schema::triggers().size()));
        QCOMPARE(combo->currentText(), QStringLiteral("Memory Creation"));
    }

private:
    QLineEdit *line(const std::string &pointer) const
    {
        auto *edit = qobject_cast<QLineEdit *>(m_form->fieldWidget(pointer));
        if (!edit)
            qFatal("no line edit for %s", pointer.c_str());
        return edit;
    }
    QTableWidget *table() const
    {
        return m_form->findChild<QTableWidget *>(QStringLiteral("authStepsTable"));
    }
    QCheckBox *capability(const char *value) const
    {
        return m_form->fieldWidget("/capabilities")
            ->findChild<QCheckBox *>(QString::fromLatin1(value));
    }
    static QPushButton *buttonNear(QWidget *table, const QString &text)
    {
        for (auto *button : table->parentWidget()->findChildren<QPushButton *>()) {
            if (button->text() == text)
                return button;
        }
        qFatal("no button %s", qPrintable(text));
    }

    std::unique_ptr<ManifestDocument> m_document;
    std::unique_ptr<ManifestForm> m_form;
};

QTEST_MAIN(ManifestFormTest)
#include "tst_manifestform.moc"
