#include "diagnostics/RuleCatalog.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace studio;

class RuleCatalogTest : public QObject
{
    Q_OBJECT

private slots:
    void everyRule_isAtItsOwnIndex()
    {
        const auto rules = allRules();
        for (std::size_t i = 0; i < rules.size(); ++i) {
            QCOMPARE(static_cast<std::size_t>(rules[i].id), i);
            QCOMPARE(&ruleInfo(rules[i].id), &rules[i]);
        }
    }

    void codes_areUniqueAndWellFormed()
    {
        QSet<QString> codes;
        const QRegularExpression pattern(QStringLiteral("^PS\\d{3}$"));
        for (const auto &rule : allRules()) {
            const QString code = QString::fromLatin1(rule.code.data(), qsizetype(rule.code.size()));
            QVERIFY2(pattern.match(code).hasMatch(), qPrintable(code));
            QVERIFY2(!codes.contains(code), qPrintable(code));
            codes.insert(code);
            QCOMPARE(findRule(rule.code), &rule);
        }
        QVERIFY(!findRule("PS999"));
    }

    // docs/diagnostics.md is the table users read: it must list every rule with its severity.
    void documentation_listsEveryRuleWithItsSeverity()
    {
        QFile file(QStringLiteral(STUDIO_DOCS_DIR "/diagnostics.md"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString table = QString::fromUtf8(file.readAll());
        for (const auto &rule : allRules()) {
            const QString row =
                u"| " % QString::fromLatin1(rule.code.data(), qsizetype(rule.code.size())) %
                u" | " % QString::fromLatin1(severityName(rule.severity).data()) % u" |";
            QVERIFY2(table.contains(row), qPrintable(u"missing or wrong row: " % row));
        }
    }
};

QTEST_GUILESS_MAIN(RuleCatalogTest)
#include "tst_rulecatalog.moc"
