#include "UiTestSupport.h"
#include "settings/StudioSettings.h"

#include <QTest>

using namespace studio;

class StudioSettingsTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { m_home = std::make_unique<test::IsolatedHome>(); }
    void init() { QSettings().clear(); }

    void defaults_areSensible()
    {
        const StudioSettings settings;
        QCOMPARE(settings.theme(), Theme::System);
        QVERIFY(settings.recentFiles().isEmpty());
        QCOMPARE(settings.logoSize(), 512);
        QVERIFY(settings.showInlineMessages());
        QVERIFY(settings.windowGeometry().isEmpty());
    }

    void values_surviveANewInstance()
    {
        {
            StudioSettings settings;
            settings.setTheme(Theme::Dark);
            settings.setLogoSize(256);
            settings.setShowInlineMessages(false);
            settings.setLastRepository(QStringLiteral("/tmp/repo"));
            settings.setWindowGeometry(QByteArray("geometry"));
        }
        const StudioSettings settings;
        QCOMPARE(settings.theme(), Theme::Dark);
        QCOMPARE(settings.logoSize(), 256);
        QVERIFY(!settings.showInlineMessages());
        QCOMPARE(settings.lastRepository(), QStringLiteral("/tmp/repo"));
        QCOMPARE(settings.windowGeometry(), QByteArray("geometry"));
    }

    void windowStates_areKeptForEachWidth()
    {
        {
            StudioSettings settings;
            settings.setWindowState(QByteArray("wide"));
            settings.setWindowState(QByteArray("narrow"), LayoutWidth::Narrow);
            settings.setSplitterState(QByteArray("split narrow"), LayoutWidth::Narrow);
        }
        const StudioSettings settings;
        QCOMPARE(settings.windowState(), QByteArray("wide"));
        QCOMPARE(settings.windowState(LayoutWidth::Wide), QByteArray("wide"));
        QCOMPARE(settings.windowState(LayoutWidth::Narrow), QByteArray("narrow"));
        QCOMPARE(settings.splitterState(LayoutWidth::Narrow), QByteArray("split narrow"));
        QVERIFY(settings.splitterState(LayoutWidth::Wide).isEmpty());
    }

    void recentFiles_areMostRecentFirst_unique_andCapped()
    {
        StudioSettings settings;
        for (int i = 0; i < StudioSettings::kMaxRecentFiles + 3; ++i)
            settings.addRecentFile(QStringLiteral("/files/%1.json").arg(i));
        settings.addRecentFile(QStringLiteral("/files/5.json"));
        const QStringList files = settings.recentFiles();
        QCOMPARE(files.size(), StudioSettings::kMaxRecentFiles);
        QCOMPARE(files.first(), QStringLiteral("/files/5.json"));
        QCOMPARE(files.count(QStringLiteral("/files/5.json")), 1);
        settings.removeRecentFile(QStringLiteral("/files/5.json"));
        QVERIFY(!settings.recentFiles().contains(QStringLiteral("/files/5.json")));
    }

    void outOfRangeValues_fallBackToDefaults()
    {
        StudioSettings settings;
        settings.setLogoSize(1);
        QCOMPARE(settings.logoSize(), StudioSettings::kDefaultLogoSize);
        QCOMPARE(StudioSettings::themeFromName(QStringLiteral("purple")), Theme::System);
    }

    void servers_startByDefault_onTheirDefaultPorts_andRememberPortZero()
    {
        StudioSettings settings;
        QVERIFY(settings.builtInServerAutoStart());
        QVERIFY(!settings.builtInServerPort());
        QVERIFY(!settings.listenPort());
        QVERIFY(settings.listenFolder().isEmpty());
        QCOMPARE(settings.listenAnswer(), QByteArray("{}"));

        settings.setBuiltInServerAutoStart(false);
        settings.setBuiltInServerPort(0);
        settings.setListenPort(9000);
        settings.setListenAnswer(R"({"message": "hi"})");
        const StudioSettings again;
        QVERIFY(!again.builtInServerAutoStart());
        QCOMPARE(again.builtInServerPort(), std::optional<quint16>(0));
        QCOMPARE(again.listenPort(), std::optional<quint16>(9000));
        QCOMPARE(again.listenAnswer(), QByteArray(R"({"message": "hi"})"));
        settings.setListenPort(std::nullopt);
        QVERIFY(!StudioSettings().listenPort());
    }

private:
    std::unique_ptr<test::IsolatedHome> m_home;
};

QTEST_MAIN(StudioSettingsTest)
#include "tst_studiosettings.moc"
