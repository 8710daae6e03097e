#include "TestFiles.h"
#include "contract/Contract.h"
#include "manifest/PluginManifest.h"
#include "preview/ElidedText.h"
#include "preview/LogoAvatar.h"
#include "preview/LogoLoader.h"
#include "preview/PluginDetailPage.h"
#include "preview/PluginListTile.h"
#include "preview/StorePreview.h"

#include <QAbstractButton>
#include <QBuffer>
#include <QImage>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace studio;
using studio::test::TemporaryRepository;

namespace {

PluginManifest manifest(const std::string &json)
{
    return PluginManifest::fromJson(Json::parse(json));
}

PluginManifest meetingNotes()
{
    PluginManifest m;
    m.id = "meeting-notes";
    m.name = "Meeting Notes";
    m.author = "@notes";
    m.description = "Files every meeting in your notes workspace.";
    m.image = "/plugins/logos/meeting-notes.png";
    m.capabilities = {"memories", "external_integration"};
    m.memoryPrompt = "Summarise the meeting.";
    m.externalIntegration =
        ExternalIntegration{"memory_creation",
                            "https://notes.example.com/hook",
                            std::string("https://notes.example.com/done"),
                            "/plugins/instructions/meeting-notes/README.md",
                            {{"Connect your workspace", "https://notes.example.com/c"}}};
    return m;
}

QByteArray pngOf(const QColor &colour, int side)
{
    QImage image(side, side, QImage::Format_RGB32);
    image.fill(colour);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

// The colour at the centre of the avatar as it is painted on screen.
QColor centreColour(const LogoAvatar *avatar)
{
    const QImage painted = const_cast<LogoAvatar *>(avatar)->grab().toImage();
    return painted.pixelColor(painted.width() / 2, painted.height() / 2);
}

} // namespace

class StorePreviewTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void setManifest_showsTextsChipsAndTrigger();
    void setManifest_secondCall_updatesThePreview();
    void narrowPreview_breaksAWordLongerThanTheNamesLine();
    void triggerLabel_data();
    void triggerLabel();
    void capabilities_unknownOnesAreLeftOut();
    void appContract_showsTheCategoryAndTheAppsLabels();
    void deletedEntry_showsTheHiddenBanner();
    void instructionsHtml_replacesThePlaceholder();
    void description_isCutAfterTwoLinesInTheTile();
    void logo_loadsOffTheGuiThread();
    void logo_missingFile_showsPlaceholderWithReason();
    void logo_brokenFile_showsPlaceholderWithReason();
    void logo_unsupportedType_showsPlaceholderAtOnce();
    void logo_tooLargeToDecode_isRefusedWithReason();
    void logo_staleResultIsDropped();
    void logo_seenBefore_showsFromTheCacheAtOnce();
    void logo_replacedOnDisk_isReloaded();
    void appLogo_isTheFileBesideTheAppDocument();
    void appLogo_repositoryPath_showsPlaceholderWithReason();
    void darkToggle_changesThePalette();
};

void StorePreviewTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void StorePreviewTest::setManifest_showsTextsChipsAndTrigger()
{
    StorePreview preview;
    preview.setManifest(meetingNotes(), QString());

    const PluginListTile *tile = preview.listTile();
    QCOMPARE(tile->name(), QStringLiteral("Meeting Notes"));
    QCOMPARE(tile->author(), QStringLiteral("@notes"));
    QCOMPARE(tile->description(), QStringLiteral("Files every meeting in your notes workspace."));

    const PluginDetailPage *page = preview.detailPage();
    QCOMPARE(page->name(), QStringLiteral("Meeting Notes"));
    QCOMPARE(page->author(), QStringLiteral("@notes"));
    QCOMPARE(page->description(), QStringLiteral("Files every meeting in your notes workspace."));
    QCOMPARE(page->capabilityLabels(),
             QStringList({QStringLiteral("Memories"), QStringLiteral("External Integration")}));
    QCOMPARE(page->triggerText(), QStringLiteral("Triggers on Memory Creation"));
    QVERIFY(page->instructionsText().contains(
        QStringLiteral("/plugins/instructions/meeting-notes/README.md")));
    QCOMPARE(page->findChild<QLabel *>(QStringLiteral("memoryPrompt"))->text(),
             QStringLiteral("Summarise the meeting."));
    QVERIFY(page->findChild<QLabel *>(QStringLiteral("setupCompleted"))->isVisibleTo(&preview));
    QVERIFY(page->findChild<QLabel *>(QStringLiteral("triggerLabel"))->isVisibleTo(&preview));
}

void StorePreviewTest::narrowPreview_breaksAWordLongerThanTheNamesLine()
{
    StorePreview preview;
    PluginManifest plugin = meetingNotes();
    plugin.name = "Focus Guardianship";
    preview.setManifest(plugin, QString());
    preview.resize(250, 700); // the store preview beside the entries on a small screen
    preview.show();
    QVERIFY(QTest::qWaitForWindowExposed(&preview));
    auto *name = preview.detailPage()->findChild<QLabel *>(QStringLiteral("detailName"));
    const QFontMetrics metrics(name->font());
    QVERIFY(metrics.horizontalAdvance(QStringLiteral("Guardianship")) >
            name->contentsRect().width());
    // As the app's text does: "Focus", then the long word over two lines, none of it cut.
    QTRY_VERIFY(name->height() >= 3 * metrics.height());
    QCOMPARE(name->text(), QStringLiteral("Focus Guardianship"));
}

void StorePreviewTest::setManifest_secondCall_updatesThePreview()
{
    StorePreview preview;
    preview.setManifest(meetingNotes(), QString());
    preview.setManifest(manifest(R"({"id": "coach", "name": "Coach", "author": "@c",
        "description": "Asks better questions.", "image": "/plugins/logos/coach.png",
        "capabilities": ["chat"], "chat_prompt": "Be Socratic."})"),
                        QString());

    QCOMPARE(preview.listTile()->name(), QStringLiteral("Coach"));
    QCOMPARE(preview.listTile()->author(), QStringLiteral("@c"));
    QCOMPARE(preview.listTile()->description(), QStringLiteral("Asks better questions."));
    const PluginDetailPage *page = preview.detailPage();
    QCOMPARE(page->name(), QStringLiteral("Coach"));
    QCOMPARE(page->capabilityLabels(), QStringList{QStringLiteral("Chat")});
    QCOMPARE(page->triggerText(), QString());
    QVERIFY(!page->findChild<QLabel *>(QStringLiteral("triggerLabel"))->isVisibleTo(&preview));
    QVERIFY(!page->findChild<QLabel *>(QStringLiteral("memoryPrompt"))->isVisibleTo(&preview));
    QCOMPARE(page->findChild<QLabel *>(QStringLiteral("chatPrompt"))->text(),
             QStringLiteral("Be Socratic."));
}

void StorePreviewTest::appContract_showsTheCategoryAndTheAppsLabels()
{
    StorePreview preview;
    const PluginManifest app = manifest(R"({"name": "Keeper", "category": "productivity",
        "capabilities": ["memories", "persona", "external_integration"],
        "external_integration": {"triggers_on": "audio_bytes"}})");
    preview.setManifest(app, QString());
    const PluginDetailPage *page = preview.detailPage();
    // Under the 2024 index: no category, no persona, audio_bytes unknown.
    QCOMPARE(page->category(), QString());
    QCOMPARE(page->triggerText(), QStringLiteral("Triggers on Unknown"));

    preview.setContract(Contract::apps2026());
    QCOMPARE(page->category(), QStringLiteral("productivity"));
    QVERIFY(page->findChild<QLabel *>(QStringLiteral("detailCategory"))->isVisibleTo(&preview));
    QCOMPARE(page->capabilityLabels(),
             QStringList({QStringLiteral("Conversations"), QStringLiteral("Persona"),
                          QStringLiteral("External Integration")}));
    QCOMPARE(page->triggerText(), QStringLiteral("Triggers on Audio Bytes"));

    preview.setContract(Contract::plugins2024());
    QCOMPARE(page->category(), QString());
    QVERIFY(!page->findChild<QLabel *>(QStringLiteral("detailCategory"))->isVisibleTo(&preview));
    QCOMPARE(page->capabilityLabels(),
             QStringList({QStringLiteral("Memories"), QStringLiteral("External Integration")}));
}

void StorePreviewTest::triggerLabel_data()
{
    QTest::addColumn<QString>("triggersOn");
    QTest::addColumn<QString>("expected");
    QTest::newRow("memory creation")
        << QStringLiteral("memory_creation") << QStringLiteral("Triggers on Memory Creation");
    QTest::newRow("transcript processed")
        << QStringLiteral("transcript_processed")
        << QStringLiteral(
               "Triggers on Transcript Segment Processed (every 30 seconds during conversation)");
    QTest::newRow("unknown, as the app words it")
        << QStringLiteral("memory_created") << QStringLiteral("Triggers on Unknown");
}

void StorePreviewTest::triggerLabel()
{
    QFETCH(QString, triggersOn);
    QFETCH(QString, expected);
    PluginManifest m = meetingNotes();
    m.externalIntegration->triggersOn = triggersOn.toStdString();
    StorePreview preview;
    preview.setManifest(m, QString());
    QCOMPARE(preview.detailPage()->triggerText(), expected);
}

void StorePreviewTest::capabilities_unknownOnesAreLeftOut()
{
    StorePreview preview;
    PluginManifest m = meetingNotes();
    m.capabilities = {"proactive_notification", "memorys", "chat", "chat"};
    preview.setManifest(m, QString());
    QCOMPARE(preview.detailPage()->capabilityLabels(),
             QStringList({QStringLiteral("Chat"), QStringLiteral("Proactive Notification")}));
    // Without the capability the app ignores the integration section the entry carries.
    QCOMPARE(preview.detailPage()->triggerText(), QString());
}

void StorePreviewTest::deletedEntry_showsTheHiddenBanner()
{
    StorePreview preview;
    PluginManifest m = meetingNotes();
    preview.setManifest(m, QString());
    auto *banner = preview.findChild<QLabel *>(QStringLiteral("hiddenBanner"));
    QVERIFY(!banner->isVisibleTo(&preview));
    m.deleted = true;
    preview.setManifest(m, QString());
    QVERIFY(banner->isVisibleTo(&preview));
}

void StorePreviewTest::instructionsHtml_replacesThePlaceholder()
{
    StorePreview preview;
    preview.setManifest(meetingNotes(), QString());
    preview.setInstructionsHtml(QStringLiteral("<ol><li>Open the workspace</li></ol>"));
    QCOMPARE(preview.detailPage()->instructionsText(),
             QStringLiteral("<ol><li>Open the workspace</li></ol>"));
    preview.setManifest(meetingNotes(), QString()); // typing elsewhere keeps the instructions
    QCOMPARE(preview.detailPage()->instructionsText(),
             QStringLiteral("<ol><li>Open the workspace</li></ol>"));
    preview.setInstructionsHtml(QString());
    QVERIFY(preview.detailPage()->instructionsText().contains(QStringLiteral("README.md")));
}

void StorePreviewTest::description_isCutAfterTwoLinesInTheTile()
{
    StorePreview preview;
    preview.resize(420, 700);
    PluginManifest m = meetingNotes();
    m.description = "Short.";
    preview.setManifest(m, QString());
    preview.show();
    QVERIFY(QTest::qWaitForWindowExposed(&preview));
    const ElidedText *description = preview.listTile()->descriptionText();
    QVERIFY(!description->isElided());
    QTRY_COMPARE(description->height(), description->fontMetrics().lineSpacing());

    m.description = std::string(40, 'x') + " " + std::string(300, 'y') + " the end of a long text";
    preview.setManifest(m, QString());
    QTRY_VERIFY(description->isElided());
    QTRY_COMPARE(description->height(), 2 * description->fontMetrics().lineSpacing());
}

void StorePreviewTest::logo_loadsOffTheGuiThread()
{
    TemporaryRepository repository;
    repository.write(QStringLiteral("plugins/logos/meeting-notes.png"), pngOf(Qt::red, 300));
    StorePreview preview;
    preview.setManifest(meetingNotes(), repository.root());

    // Nothing decodes on the GUI thread: until the event loop delivers the worker's result
    // the logo is still loading.
    QCOMPARE(preview.listTile()->avatar()->state(), LogoImage::State::Loading);
    QTRY_COMPARE(preview.listTile()->avatar()->state(), LogoImage::State::Loaded);
    QCOMPARE(preview.detailPage()->avatar()->state(), LogoImage::State::Loaded);
    QCOMPARE(centreColour(preview.listTile()->avatar()), QColor(Qt::red));
    QCOMPARE(centreColour(preview.detailPage()->avatar()), QColor(Qt::red));
    QVERIFY(preview.listTile()->avatar()->toolTip().contains(QStringLiteral("300x300 px")));
    QVERIFY(preview.listTile()->toolTip().isEmpty());
}

void StorePreviewTest::logo_missingFile_showsPlaceholderWithReason()
{
    TemporaryRepository repository;
    StorePreview preview;
    preview.setManifest(meetingNotes(), repository.root());
    QTRY_COMPARE(preview.listTile()->avatar()->state(), LogoImage::State::Placeholder);
    QCOMPARE(preview.detailPage()->avatar()->state(), LogoImage::State::Placeholder);
    QVERIFY2(preview.listTile()->toolTip().contains(QStringLiteral(
                 "'/plugins/logos/meeting-notes.png' does not exist")),
             qPrintable(preview.listTile()->toolTip()));
    // The placeholder is a neutral circle, not the logo's colour.
    const QColor centre = centreColour(preview.listTile()->avatar());
    QVERIFY(centre.saturation() < 40);
}

void StorePreviewTest::logo_brokenFile_showsPlaceholderWithReason()
{
    TemporaryRepository repository;
    repository.write(QStringLiteral("plugins/logos/meeting-notes.png"),
                     QByteArray("not a picture at all"));
    StorePreview preview;
    preview.setManifest(meetingNotes(), repository.root());
    QTRY_COMPARE(preview.listTile()->avatar()->state(), LogoImage::State::Placeholder);
    QVERIFY2(preview.listTile()->toolTip().contains(
                 QStringLiteral("is not an image the studio can read")),
             qPrintable(preview.listTile()->toolTip()));
}

void StorePreviewTest::logo_unsupportedType_showsPlaceholderAtOnce()
{
    TemporaryRepository repository;
    repository.write(QStringLiteral("plugins/logos/x.gif"), studio::test::gifBytes(300, 300));
    StorePreview preview;
    PluginManifest m = meetingNotes();
    m.image = "/plugins/logos/x.gif";
    preview.setManifest(m, repository.root());
    QCOMPARE(preview.listTile()->avatar()->state(), LogoImage::State::Placeholder);
    QVERIFY(preview.listTile()->toolTip().contains(QStringLiteral("not a PNG, JPEG or WebP")));
    QVERIFY(!preview.logoLoader()->isBusy());

    m.image = "plugins/logos/x.png";
    preview.setManifest(m, repository.root());
    QVERIFY(preview.listTile()->toolTip().contains(QStringLiteral("malformed")));
}

void StorePreviewTest::logo_tooLargeToDecode_isRefusedWithReason()
{
    // A header claiming 20000x20000 px: decoding it would take 1.5 GB.
    TemporaryRepository repository;
    repository.write(QStringLiteral("plugins/logos/meeting-notes.png"),
                     test::pngBytes(20000, 20000));
    StorePreview preview;
    preview.setManifest(meetingNotes(), repository.root());
    QTRY_COMPARE(preview.listTile()->avatar()->state(), LogoImage::State::Placeholder);
    QVERIFY2(
        preview.listTile()->toolTip().contains(QStringLiteral("declares 20000 x 20000 pixels")),
        qPrintable(preview.listTile()->toolTip()));
    QVERIFY(preview.listTile()->toolTip().contains(QStringLiteral("are not decoded")));
}

void StorePreviewTest::logo_staleResultIsDropped()
{
    TemporaryRepository repository;
    repository.write(QStringLiteral("plugins/logos/red.png"), pngOf(Qt::red, 400));
    repository.write(QStringLiteral("plugins/logos/blue.png"), pngOf(Qt::blue, 40));
    StorePreview preview;
    PluginManifest m = meetingNotes();
    m.image = "/plugins/logos/red.png";
    preview.setManifest(m, repository.root());
    m.image = "/plugins/logos/blue.png";
    preview.setManifest(m, repository.root());

    QTRY_VERIFY(!preview.logoLoader()->isBusy());
    QCOMPARE(preview.listTile()->avatar()->state(), LogoImage::State::Loaded);
    QCOMPARE(centreColour(preview.listTile()->avatar()), QColor(Qt::blue));
}

void StorePreviewTest::logo_seenBefore_showsFromTheCacheAtOnce()
{
    TemporaryRepository repository;
    repository.write(QStringLiteral("plugins/logos/red.png"), pngOf(Qt::red, 64));
    repository.write(QStringLiteral("plugins/logos/blue.png"), pngOf(Qt::blue, 64));
    StorePreview preview;
    PluginManifest m = meetingNotes();
    m.image = "/plugins/logos/red.png";
    preview.setManifest(m, repository.root());
    QTRY_COMPARE(preview.listTile()->avatar()->state(), LogoImage::State::Loaded);
    m.image = "/plugins/logos/blue.png";
    preview.setManifest(m, repository.root());
    QTRY_COMPARE(centreColour(preview.listTile()->avatar()), QColor(Qt::blue));

    m.image = "/plugins/logos/red.png";
    preview.setManifest(m, repository.root());
    QCOMPARE(preview.listTile()->avatar()->state(), LogoImage::State::Loaded);
    QCOMPARE(centreColour(preview.listTile()->avatar()), QColor(Qt::red));
}

void StorePreviewTest::logo_replacedOnDisk_isReloaded()
{
    TemporaryRepository repository;
    const QString logo = QStringLiteral("plugins/logos/meeting-notes.png");
    repository.write(logo, pngOf(Qt::red, 64));
    StorePreview preview;
    preview.setManifest(meetingNotes(), repository.root());
    QTRY_COMPARE(preview.listTile()->avatar()->state(), LogoImage::State::Loaded);
    QCOMPARE(centreColour(preview.listTile()->avatar()), QColor(Qt::red));

    // A different size, so the file's stamp changes whatever the clock's resolution.
    repository.write(logo, pngOf(Qt::green, 96));
    QTRY_COMPARE(centreColour(preview.listTile()->avatar()), QColor(Qt::green));
}

void StorePreviewTest::appLogo_isTheFileBesideTheAppDocument()
{
    // An app as samples/apps/task-keeper has it: app.json with logo.png beside it.
    TemporaryRepository folder;
    folder.write(QStringLiteral("app.json"), QByteArray(R"({"name": "Task Keeper",
        "author": "me", "description": "Keeps tasks.", "category": "other",
        "image": "logo.png", "capabilities": ["chat"], "chat_prompt": "Hi"})"));
    folder.write(QStringLiteral("logo.png"), pngOf(Qt::red, 128));
    const PluginManifest app = manifest(R"({"name": "Task Keeper", "author": "me",
        "image": "logo.png", "capabilities": ["chat"]})");

    StorePreview preview;
    preview.setManifest(app, folder.root()); // the 2024 index: not a repository path
    QCOMPARE(preview.listTile()->avatar()->state(), LogoImage::State::Placeholder);
    QVERIFY(centreColour(preview.listTile()->avatar()) != QColor(Qt::red));

    preview.setContract(Contract::apps2026());
    preview.setManifest(app, folder.root());
    QTRY_COMPARE(preview.listTile()->avatar()->state(), LogoImage::State::Loaded);
    QCOMPARE(centreColour(preview.listTile()->avatar()), QColor(Qt::red));
    QCOMPARE(centreColour(preview.detailPage()->avatar()), QColor(Qt::red));
    QVERIFY(preview.listTile()->avatar()->toolTip().contains(QStringLiteral("logo.png, 128x128")));
}

void StorePreviewTest::appLogo_repositoryPath_showsPlaceholderWithReason()
{
    TemporaryRepository folder;
    folder.write(QStringLiteral("plugins/logos/x.png"), pngOf(Qt::red, 64));
    StorePreview preview;
    preview.setContract(Contract::apps2026());
    preview.setManifest(manifest(R"({"name": "X", "image": "/plugins/logos/x.png"})"),
                        folder.root());
    QCOMPARE(preview.listTile()->avatar()->state(), LogoImage::State::Placeholder);
    QVERIFY2(preview.listTile()->toolTip().contains(
                 QStringLiteral("is not a file beside the app document")),
             qPrintable(preview.listTile()->toolTip()));
    QVERIFY(!preview.logoLoader()->isBusy());
}

void StorePreviewTest::darkToggle_changesThePalette()
{
    StorePreview preview;
    QSignalSpy changed(&preview, &StorePreview::darkChanged);
    QVERIFY(preview.isDark()); // the app's default
    const QColor dark = preview.storeSurface()->palette().color(QPalette::Window);
    QVERIFY(dark.lightnessF() < 0.2);

    auto *light = preview.findChild<QAbstractButton *>(QStringLiteral("lightToggle"));
    QVERIFY(light);
    QTest::mouseClick(light, Qt::LeftButton);
    QVERIFY(!preview.isDark());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().first().toBool(), false);
    const QColor lightWindow = preview.storeSurface()->palette().color(QPalette::Window);
    QVERIFY(lightWindow.lightnessF() > 0.8);
    // The cards follow: their text turns dark on the light page.
    QVERIFY(preview.listTile()->palette().color(QPalette::WindowText).lightnessF() < 0.3);

    preview.setDark(true);
    QCOMPARE(changed.count(), 2);
    QVERIFY(preview.findChild<QAbstractButton *>(QStringLiteral("darkToggle"))->isChecked());
    QCOMPARE(preview.storeSurface()->palette().color(QPalette::Window), dark);
    preview.setDark(true);
    QCOMPARE(changed.count(), 2);
}

QTEST_MAIN(StorePreviewTest)
#include "tst_storepreview.moc"
