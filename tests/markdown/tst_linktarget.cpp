#include "markdown/LinkTarget.h"

#include <QTest>

using namespace studio;
using Kind = LinkTarget::Kind;

Q_DECLARE_METATYPE(LinkTarget::Kind)

class LinkTargetTest : public QObject
{
    Q_OBJECT

private slots:
    void classify_data()
    {
        QTest::addColumn<QString>("destination");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<QString>("detail"); // asset path, or a word of the reason

        QTest::newRow("https") << "https://a.example/setup" << Kind::Web << "";
        QTest::newRow("http") << "http://a.example/setup" << Kind::Web << "";
        QTest::newRow("scheme in capitals") << "HTTPS://a.example/" << Kind::Web << "";
        QTest::newRow("mailto") << "mailto:help@a.example" << Kind::Mail << "";
        QTest::newRow("tel") << "tel:+4912345" << Kind::Phone << "";
        QTest::newRow("fragment") << "#troubleshooting" << Kind::Fragment << "";
        QTest::newRow("asset") << "assets/step_4.png" << Kind::Asset << "assets/step_4.png";
        QTest::newRow("asset with ./") << "./assets/a.gif" << Kind::Asset << "assets/a.gif";
        QTest::newRow("asset percent-encoded")
            << "assets/step%201.png?raw=1#x" << Kind::Asset << "assets/step 1.png";
        QTest::newRow("asset in a subfolder")
            << "assets/gifs/a.gif" << Kind::Asset << "assets/gifs/a.gif";
        QTest::newRow("other relative") << "images/a.png" << Kind::Relative << "";
        QTest::newRow("repository path")
            << "/plugins/instructions/x/assets/a.png" << Kind::Relative << "";
        QTest::newRow("parent folder") << "../README.md" << Kind::Relative << "";
        QTest::newRow("www without scheme") << "www.example.com" << Kind::Relative << "";
        QTest::newRow("colon in a path") << "assets/a:b.png" << Kind::Asset << "assets/a:b.png";
        QTest::newRow("empty") << "" << Kind::Malformed << "no destination";
        QTest::newRow("white space") << "https://a.example/a b" << Kind::Malformed << "white space";
        QTest::newRow("javascript") << "javascript:alert(1)" << Kind::Malformed << "script";
        QTest::newRow("JavaScript in capitals")
            << "JavaScript:alert(1)" << Kind::Malformed << "script";
        QTest::newRow("file") << "file:///home/me/a.png" << Kind::Malformed << "your computer";
        QTest::newRow("data") << "data:image/png;base64,AAAA" << Kind::Malformed << "data:";
        QTest::newRow("typo in scheme")
            << "htps://a.example" << Kind::Malformed << "unknown scheme 'htps:'";
        QTest::newRow("no host") << "https:///setup" << Kind::Malformed << "no host";
        QTest::newRow("scheme-relative") << "//a.example/x" << Kind::Malformed << "https://";
        QTest::newRow("the assets folder itself") << "assets/" << Kind::Malformed << "folder";
        QTest::newRow("leaves the folder") << "assets/../../x.png" << Kind::Malformed << "..";
        QTest::newRow("mailto without address") << "mailto:" << Kind::Malformed << "no address";
    }

    void classify()
    {
        QFETCH(QString, destination);
        QFETCH(Kind, kind);
        QFETCH(QString, detail);
        const LinkTarget target = LinkTarget::classify(destination.toStdString());
        QCOMPARE(target.kind, kind);
        QCOMPARE(QString::fromStdString(target.destination), destination);
        if (kind == Kind::Asset)
            QCOMPARE(QString::fromStdString(target.detail), detail);
        else if (!detail.isEmpty())
            QVERIFY2(QString::fromStdString(target.detail).contains(detail), target.detail.c_str());
    }

    void flags_plainHttpAndDotSlash()
    {
        QVERIFY(LinkTarget::classify("http://a.example").plainHttp);
        QVERIFY(!LinkTarget::classify("https://a.example").plainHttp);
        QVERIFY(LinkTarget::classify("./assets/a.png").dotSlash);
        QVERIFY(!LinkTarget::classify("assets/a.png").dotSlash);
    }
};

QTEST_GUILESS_MAIN(LinkTargetTest)
#include "tst_linktarget.moc"
