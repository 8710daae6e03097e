#include "TestFiles.h"
#include "markdown/InstructionsAssets.h"

#include <QTest>

using namespace studio;
using studio::test::TemporaryRepository;

// The local files a submission's pull request must carry beside the instructions.
class InstructionsAssetsTest : public QObject
{
    Q_OBJECT

private slots:
    void list_eachAssetOnceInOrderWithExistence()
    {
        TemporaryRepository repository;
        repository.write(
            QStringLiteral("plugins/instructions/multion-amazon/assets/desktop-app.gif"),
            test::gifBytes(4, 4));
        InstructionsContext context;
        context.pluginId = "multion-amazon";
        context.instructionsPath = "/plugins/instructions/multion-amazon/README.md";
        context.repositoryRoot = repository.root();
        const std::string markdown =
            "1. Open [the page](https://a.example)\n   ![Explanation GIF](assets/desktop-app.gif)\n"
            "2. ![Explanation GIF](assets/friend-app.gif)\n\n[again](./assets/desktop-app.gif) "
            "[form](assets/form%20v2.pdf) ![remote](https://cdn.example/x.png) "
            "![other](img/y.png)\n";
        const auto assets = InstructionsAssets::list(markdown, context);
        QCOMPARE(assets.size(), std::size_t(3));
        QCOMPARE(QString::fromStdString(assets[0].repositoryPath),
                 QStringLiteral("/plugins/instructions/multion-amazon/assets/desktop-app.gif"));
        QVERIFY(assets[0].image);
        QCOMPARE(assets[0].exists, std::optional<bool>(true));
        QCOMPARE(QString::fromStdString(assets[1].repositoryPath),
                 QStringLiteral("/plugins/instructions/multion-amazon/assets/friend-app.gif"));
        QCOMPARE(assets[1].exists, std::optional<bool>(false));
        QCOMPARE(QString::fromStdString(assets[2].repositoryPath),
                 QStringLiteral("/plugins/instructions/multion-amazon/assets/form v2.pdf"));
        QVERIFY(!assets[2].image);
    }

    void list_usesTheIdFolderEvenWhenTheMarkdownIsElsewhere()
    {
        InstructionsContext context;
        context.pluginId = "heaven-or-hell";
        context.instructionsPath = "/plugins/instructions/heavenorhell/README.md";
        const auto assets = InstructionsAssets::list("![a](assets/a.png)\n", context);
        QCOMPARE(assets.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(assets[0].repositoryPath),
                 QStringLiteral("/plugins/instructions/heaven-or-hell/assets/a.png"));
        QCOMPARE(assets[0].exists, std::nullopt);
    }

    void list_noAssets()
    {
        QVERIFY(InstructionsAssets::list("# Just text\n\n[x](https://a.example)\n", {}).empty());
        QVERIFY(InstructionsAssets::list("", {}).empty());
    }
};

QTEST_GUILESS_MAIN(InstructionsAssetsTest)
#include "tst_instructionsassets.moc"
