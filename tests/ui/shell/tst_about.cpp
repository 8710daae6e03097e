#include "shell/AboutDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QTest>
#include <Qsci/qsciglobal.h>

#include <cmark-gfm.h>
#include <curl/curl.h>
#include <nlohmann/json.hpp>

using namespace studio;

class AboutTest : public QObject
{
    Q_OBJECT

private slots:
    void showsTheBuild()
    {
        AboutDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const auto *build = dialog.findChild<QLabel *>(QStringLiteral("build"));
        QVERIFY(build);
        const QString text = build->text();
        QVERIFY2(text.contains(u"Plugin Studio " STUDIO_VERSION), qPrintable(text));
        // A git checkout builds with its short hash; a source tarball says so.
        QVERIFY2(QRegularExpression(QStringLiteral("Commit ([0-9a-f]{7,}|unknown)<"))
                     .match(text)
                     .hasMatch(),
                 qPrintable(text));
        QVERIFY(text.contains(u"licence"));
    }

    // Every library, with the version it reports itself.
    void listsTheLibrariesWithTheirVersions()
    {
        AboutDialog dialog;
        const auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("libraries"));
        QVERIFY(table);
        QMap<QString, QString> shown;
        for (int row = 0; row < table->rowCount(); ++row)
            shown.insert(table->item(row, 0)->text(), table->item(row, 1)->text());
        const QMap<QString, QString> expected{
            {QStringLiteral("Qt"), QString::fromLatin1(qVersion())},
            {QStringLiteral("QScintilla"), QStringLiteral(QSCINTILLA_VERSION_STR)},
            {QStringLiteral("libcurl"),
             QString::fromLatin1(curl_version_info(CURLVERSION_NOW)->version)},
            {QStringLiteral("cmark-gfm"), QString::fromLatin1(cmark_version_string())},
            {QStringLiteral("nlohmann/json"), QStringLiteral("%1.%2.%3")
                                                  .arg(NLOHMANN_JSON_VERSION_MAJOR)
                                                  .arg(NLOHMANN_JSON_VERSION_MINOR)
                                                  .arg(NLOHMANN_JSON_VERSION_PATCH)}};
        QCOMPARE(shown, expected);
        for (const QString &version : shown)
            QVERIFY2(QRegularExpression(QStringLiteral("^\\d+\\.\\d+(\\.\\d+)?"))
                         .match(version)
                         .hasMatch(),
                     qPrintable(version));
    }

    void copy_putsItAllOnTheClipboard()
    {
        AboutDialog dialog;
        auto *copy = dialog.findChild<QPushButton *>(QStringLiteral("copy"));
        QVERIFY(copy);
        QApplication::clipboard()->clear();
        copy->click();
        const QString copied = QApplication::clipboard()->text();
        QVERIFY2(copied.startsWith(u"Plugin Studio " STUDIO_VERSION " ("), qPrintable(copied));
        QVERIFY(copied.contains(u"\nQt " + QString::fromLatin1(qVersion()) + u'\n'));
        QVERIFY(copied.contains(u"\ncmark-gfm "));
    }
};

QTEST_MAIN(AboutTest)
#include "tst_about.moc"
