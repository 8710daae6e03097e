#include "document/ManifestDocument.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace studio;

namespace {

const std::string kManifest =
    "{\n  \"id\": \"notes\",\n  \"name\": \"Notes\",\n  \"capabilities\": [\n"
    "    \"chat\"\n  ],\n  \"chat_prompt\": \"Hi\"\n}\n";

std::size_t offsetAfter(const std::string &text, const std::string &needle)
{
    return text.find(needle) + needle.size();
}

} // namespace

class ManifestDocumentTest : public QObject
{
    Q_OBJECT

private slots:
    void load_startsUnmodifiedWithAnEmptyHistory()
    {
        ManifestDocument document;
        document.load(kManifest);
        QCOMPARE(document.text(), kManifest);
        QVERIFY(document.parses());
        QCOMPARE(document.manifest().name, std::string("Notes"));
        QVERIFY(!document.isModified());
        QCOMPARE(document.undoStack()->count(), 0);

        document.load(kManifest, true);
        QVERIFY(document.isModified());
    }

    void typing_aRunOfCharactersIsOneUndoStep()
    {
        ManifestDocument document;
        document.load(kManifest);
        const std::size_t at = offsetAfter(kManifest, "\"Notes");
        for (std::size_t i = 0; i < 3; ++i)
            document.applyTyping({at + i, {}, std::string(1, "abc"[i])});
        QCOMPARE(document.manifest().name, std::string("Notesabc"));
        QCOMPARE(document.undoStack()->count(), 1);
        QVERIFY(document.isModified());

        document.undoStack()->undo();
        QCOMPARE(document.text(), kManifest);
        QVERIFY(!document.isModified());
        document.undoStack()->redo();
        QCOMPARE(document.manifest().name, std::string("Notesabc"));
    }

    void typing_aNewLineOrAJumpStartsANewStep()
    {
        ManifestDocument document;
        document.load(kManifest);
        const std::size_t at = offsetAfter(kManifest, "\"Notes");
        document.applyTyping({at, {}, "a"});
        document.applyTyping({at + 1, {}, "\n"});
        document.applyTyping({2, {}, " "}); // elsewhere
        QCOMPARE(document.undoStack()->count(), 3);
    }

    void formEdits_ofOneFieldMerge_andOtherFieldsStartANewStep()
    {
        ManifestDocument document;
        document.load(kManifest);
        QVERIFY(document
                    .edit(QStringLiteral("Edit name"), {JsonEdit::set("/name", "Notes 2")},
                          QStringLiteral("/name"))
                    .isEmpty());
        QVERIFY(document
                    .edit(QStringLiteral("Edit name"), {JsonEdit::set("/name", "Notes 23")},
                          QStringLiteral("/name"))
                    .isEmpty());
        QCOMPARE(document.undoStack()->count(), 1);
        QVERIFY(document
                    .edit(QStringLiteral("Edit author"), {JsonEdit::set("/author", "@me")},
                          QStringLiteral("/author"))
                    .isEmpty());
        QCOMPARE(document.undoStack()->count(), 2);
        QVERIFY(document.text().find("\"name\": \"Notes 23\",\n  \"author\": \"@me\",\n") !=
                std::string::npos);

        document.undoStack()->undo();
        QVERIFY(document.text().find("author") == std::string::npos);
        document.undoStack()->undo();
        QCOMPARE(document.text(), kManifest);
    }

    void edits_announceTheirSplicesWithTheirOrigin()
    {
        ManifestDocument document;
        document.load(kManifest);
        QSignalSpy spliced(&document, &ManifestDocument::spliced);
        document.edit(QStringLiteral("Edit name"), {JsonEdit::set("/name", "N")});
        QCOMPARE(spliced.count(), 1);
        QCOMPARE(spliced.at(0).at(1).value<EditOrigin>(), EditOrigin::Form);
        const auto splice = spliced.at(0).at(0).value<TextSplice>();
        // The smallest change: "Notes" keeps its "N".
        QCOMPARE(splice.offset, offsetAfter(kManifest, "\"name\": \"N"));
        QCOMPARE(splice.removed, std::string("otes"));
        QCOMPARE(splice.inserted, std::string());

        document.undoStack()->undo();
        QCOMPARE(spliced.count(), 2);
        QCOMPARE(spliced.at(1).at(1).value<EditOrigin>(), EditOrigin::UndoRedo);
        QCOMPARE(spliced.at(1).at(0).value<TextSplice>(), splice.inverted());
    }

    void brokenText_keepsTheLastGoodManifest_andRefusesEditsByMeaning()
    {
        ManifestDocument document;
        document.load(kManifest);
        const std::size_t brace = kManifest.rfind('}');
        document.applyTyping({brace, "}", {}});
        QVERIFY(!document.parses());
        QCOMPARE(document.manifest().name, std::string("Notes"));
        QCOMPARE(document.lastGoodValue()["chat_prompt"].get<std::string>(), std::string("Hi"));

        const std::string broken = document.text();
        QSignalSpy refused(&document, &ManifestDocument::editRefused);
        const QString reason =
            document.edit(QStringLiteral("Edit name"), {JsonEdit::set("/name", "X")});
        QVERIFY(reason.contains(QStringLiteral("does not parse")));
        QCOMPARE(refused.count(), 1);
        QCOMPARE(document.text(), broken);
    }

    void replaceText_isOneUndoableStep()
    {
        ManifestDocument document;
        document.load(kManifest);
        const std::string recovered = "{\n  \"id\": \"other\"\n}\n";
        document.replaceText(recovered, QStringLiteral("Restore"));
        QCOMPARE(document.text(), recovered);
        QCOMPARE(document.undoStack()->count(), 1);
        QVERIFY(document.isModified());
        document.undoStack()->undo();
        QCOMPARE(document.text(), kManifest);
    }

    void markSaved_makesTheCurrentTextTheCleanOne()
    {
        ManifestDocument document;
        document.load(kManifest);
        QSignalSpy modified(&document, &ManifestDocument::modifiedChanged);
        document.edit(QStringLiteral("Edit name"), {JsonEdit::set("/name", "N")});
        QVERIFY(document.isModified());
        document.markSaved();
        QVERIFY(!document.isModified());
        QCOMPARE(modified.count(), 2);
        document.undoStack()->undo();
        QVERIFY(document.isModified());
    }

    // A save under way: the point it saves is kept apart from what is typed meanwhile.
    void save_marksTheRevisionSaved_notTheTypingThatFollowed()
    {
        ManifestDocument document;
        document.load(kManifest);
        const std::size_t at = offsetAfter(kManifest, "\"Notes");
        document.applyTyping({at, {}, "a"});
        const std::string saved = document.text();
        QSignalSpy modified(&document, &ManifestDocument::modifiedChanged);
        document.beginSave();
        document.applyTyping({at + 1, {}, "b"}); // would merge into the step saved
        QCOMPARE(document.undoStack()->count(), 2);
        QVERIFY(document.isModified());
        document.endSave(true);
        QVERIFY(document.isModified());
        QCOMPARE(modified.count(), 0); // modified all along
        document.undoStack()->undo();
        QCOMPARE(document.text(), saved);
        QVERIFY(!document.isModified());
        QCOMPARE(modified.count(), 1);
    }

    void save_whileUnderWay_staysModified_evenUndoneToTheSavedText()
    {
        ManifestDocument document;
        document.load(kManifest);
        document.edit(QStringLiteral("Edit name"), {JsonEdit::set("/name", "N")});
        document.beginSave();
        document.edit(QStringLiteral("Edit name"), {JsonEdit::set("/name", "M")});
        document.undoStack()->undo();
        QVERIFY(document.isModified()); // the file does not hold it yet
        document.endSave(true);
        QVERIFY(!document.isModified());
    }

    void failedSave_leavesTheEditsUnsaved()
    {
        ManifestDocument document;
        document.load(kManifest);
        document.edit(QStringLiteral("Edit name"), {JsonEdit::set("/name", "N")});
        document.beginSave();
        document.endSave(false);
        QVERIFY(document.isModified());
        document.undoStack()->undo();
        QCOMPARE(document.text(), kManifest);
        QVERIFY(document.isModified()); // which step the file holds is no longer known
        document.undoStack()->redo();
        QVERIFY(document.isModified());
    }

    void save_ofAPointUndoneAndEditedOver_leavesNoStepSaved()
    {
        ManifestDocument document;
        document.load(kManifest);
        document.edit(QStringLiteral("Edit name"), {JsonEdit::set("/name", "N")});
        document.beginSave();
        document.undoStack()->undo();
        document.edit(QStringLiteral("Edit name"), {JsonEdit::set("/name", "Other")});
        document.endSave(true);
        QVERIFY(document.isModified());
        document.undoStack()->undo();
        QVERIFY(document.isModified());
    }

    void revision_countsEveryChange()
    {
        ManifestDocument document;
        document.load(kManifest);
        const quint64 start = document.revision();
        document.edit(QStringLiteral("Edit name"), {JsonEdit::set("/name", "N")});
        QVERIFY(document.revision() > start);
        const quint64 afterEdit = document.revision();
        document.undoStack()->undo();
        QVERIFY(document.revision() > afterEdit);
    }
};

QTEST_MAIN(ManifestDocumentTest)
#include "tst_manifestdocument.moc"
