#include "HttpResults.h"
#include "simulation/judge/SetupCheckJudge.h"

#include <QTest>

using namespace studio;
using namespace studio::test;

Q_DECLARE_METATYPE(studio::HttpResult)

class SetupCheckJudgeTest : public QObject
{
    Q_OBJECT

private slots:
    void judge_data()
    {
        QTest::addColumn<HttpResult>("result");
        QTest::addColumn<bool>("ready");
        QTest::addColumn<QString>("reasonPart");

        QTest::newRow("completed") << answered(200, R"({"is_setup_completed": true})") << true
                                   << QStringLiteral("setup completed");
        QTest::newRow("with other keys")
            << answered(200, R"({"is_setup_completed": true, "user": "x"})") << true
            << QStringLiteral("enables");
        QTest::newRow("false") << answered(200, R"({"is_setup_completed": false})") << false
                               << QStringLiteral("is false");
        QTest::newRow("string true")
            << answered(200, R"({"is_setup_completed": "true"})") << false
            << QStringLiteral("is a string (\"true\"), not the boolean true");
        QTest::newRow("number one") << answered(200, R"({"is_setup_completed": 1})") << false
                                    << QStringLiteral("is a number (1)");
        QTest::newRow("missing key") << answered(200, R"({"setup": true})") << false
                                     << QStringLiteral("has no \"is_setup_completed\"");
        QTest::newRow("array") << answered(200, "[true]") << false
                               << QStringLiteral("an array, not a JSON object");
        QTest::newRow("not json") << answered(200, "yes", "text/plain") << false
                                  << QStringLiteral("not JSON");
        QTest::newRow("status 404") << answered(404, R"({"is_setup_completed": true})") << false
                                    << QStringLiteral("status 404; the app requires 200");
        QTest::newRow("timeout") << failed(HttpError::Timeout, QStringLiteral("timed out")) << false
                                 << QStringLiteral("did not answer");
        QTest::newRow("refused") << failed(HttpError::ConnectionRefused,
                                           QStringLiteral("connection refused"))
                                 << false << QStringLiteral("failed (connection refused)");
    }

    void judge()
    {
        QFETCH(HttpResult, result);
        QFETCH(bool, ready);
        QFETCH(QString, reasonPart);
        const SetupVerdict verdict = SetupCheckJudge::judge(result);
        QCOMPARE(verdict.ready, ready);
        QVERIFY2(verdict.reason.contains(reasonPart), qPrintable(verdict.reason));
        if (!ready)
            QVERIFY(verdict.reason.startsWith(QStringLiteral("Plugin setup is not completed: ")));
    }
};

QTEST_GUILESS_MAIN(SetupCheckJudgeTest)
#include "tst_setupcheckjudge.moc"
