#include "runview/BodyView.h"
#include "runview/HeaderTable.h"
#include "RealRuns.h"
#include "runview/RequestInspector.h"
#include "runview/TimingWaterfall.h"
#include "runview/VerdictBanner.h"
#include "editor/JsonEditor.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QThreadPool>

using namespace studio;
using namespace studio::test;

namespace {

// About 10 MB of compact JSON on one line, as a plugin that dumps a big object sends it.
QByteArray bigJson()
{
    QByteArray json = R"({"message": "a big answer", "items": [)";
    for (int i = 0; json.size() < 10'000'000; ++i) {
        if (i > 0)
            json += ',';
        json += R"({"n": )" + QByteArray::number(i) +
                R"(, "text": "the quick brown fox jumps over the lazy dog"})";
    }
    return json + "]}";
}

QByteArray bigText()
{
    QByteArray text;
    for (int i = 0; text.size() < 10'000'000; ++i)
        text += "line " + QByteArray::number(i) + ": a stack trace or a log, not JSON\n";
    return text;
}

int rowOf(const HeaderTable *table, const QString &name)
{
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->headerName(row).compare(name, Qt::CaseInsensitive) == 0)
            return row;
    }
    return -1;
}

} // namespace

// The inspector on real exchanges: what was sent, what came back, how long each phase took,
// what the app made of it, and bodies of ten megabytes that open without waiting.
class RequestInspectorTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void request_showsMethodUrlHeadersAndIndentedBody()
    {
        LoopbackServer server;
        const RunRecord record = memoryExchange(
            server, "/hook", LoopbackServer::Behaviour::json(200, R"({"message":"Hi there"})"));
        QCOMPARE(record.result.status, 200);
        RequestInspector inspector;
        inspector.setRecord(record);

        QCOMPARE(inspector.urlText(),
                 QStringLiteral("POST ") +
                     server.url(QByteArray("/hook?uid=") + SimulationPlan::kDefaultUid));
        const HeaderTable *headers = inspector.requestHeaders();
        QCOMPARE(headers->rowCount(), int(record.result.requestHeaders.size()));
        QVERIFY(headers->rowCount() >= 3);
        QCOMPARE(headers->headerValue(rowOf(headers, QStringLiteral("Content-Type"))),
                 QStringLiteral("application/json"));
        QCOMPARE(headers->headerValue(rowOf(headers, QStringLiteral("User-Agent"))),
                 QString::fromLatin1(HttpClient::kUserAgent));

        // The body as sent, indented two spaces, keys in the order the app sends them.
        const BodyView *body = inspector.requestBody();
        QVERIFY(body->isJson());
        QVERIFY(body->showsWholeBody());
        const QString text = body->text();
        QVERIFY(text.startsWith(QStringLiteral("{\n  \"id\": \"4f6b1c2d-")));
        QVERIFY(text.indexOf(QStringLiteral("\"id\"")) <
                text.indexOf(QStringLiteral("\"created_at\"")));
        QVERIFY(text.contains(QStringLiteral("\n    \"title\": \"Weekly sync\"")));
    }

    void response_showsStatusHeadersBodyTimingsAndVerdict()
    {
        LoopbackServer server;
        const RunRecord record = memoryExchange(
            server, "/hook", LoopbackServer::Behaviour::json(200, R"({"message":"Hi there"})"));
        RequestInspector inspector;
        inspector.setRecord(record);

        QCOMPARE(inspector.statusText(), QStringLiteral("HTTP/1.1 200 OK"));
        QVERIFY(inspector.responseSummaryText().contains(QStringLiteral("application/json")));
        QCOMPARE(inspector.responseHeaders()->rowCount(),
                 int(record.result.responseHeaders.size()));
        QCOMPARE(inspector.responseBody()->text(),
                 QStringLiteral("{\n  \"message\": \"Hi there\"\n}\n"));

        // The waterfall: the phases in order, back to back, adding up to the total.
        const TimingWaterfall *waterfall = inspector.waterfall();
        QCOMPARE(waterfall->totalMs(), record.result.timings.totalMs);
        const QList<TimingWaterfall::Phase> phases = waterfall->phases();
        QStringList names;
        double end = 0;
        for (const TimingWaterfall::Phase &phase : phases) {
            names.append(phase.name);
            QVERIFY(std::abs(phase.startMs - end) < 1e-9);
            QVERIFY(phase.durationMs() >= 0);
            end = phase.endMs;
        }
        QVERIFY2(!names.contains(QStringLiteral("TLS handshake")), "plain http has no TLS");
        QVERIFY(names.contains(QStringLiteral("TCP connect")));
        QVERIFY(names.contains(QStringLiteral("Waiting (first byte)")));
        QVERIFY(names.contains(QStringLiteral("Download")));
        QVERIFY(std::abs(end - record.result.timings.totalMs) < 0.01);
        QCOMPARE(phases.last().endMs, phases.last().startMs + phases.last().durationMs());

        QVERIFY(inspector.verdict()->plainText().contains(record.verdict.reason));
        QVERIFY(inspector.verdict()->plainText().startsWith(QStringLiteral("NOTIFICATION")));
    }

    void failedAnswer_showsTheReasonAndTheRawBody()
    {
        LoopbackServer server;
        const RunRecord record =
            memoryExchange(server, "/hook", LoopbackServer::Behaviour::text(500, "boom"));
        RequestInspector inspector;
        inspector.setRecord(record);
        QCOMPARE(inspector.statusText(), QStringLiteral("HTTP/1.1 500 Internal Server Error"));
        QVERIFY(!inspector.responseBody()->isJson());
        QCOMPARE(inspector.responseBody()->text(), QStringLiteral("boom"));
        QVERIFY(inspector.verdict()->plainText().startsWith(QStringLiteral("FAILED")));
        QVERIFY(inspector.verdict()->plainText().contains(record.verdict.reason));
        QVERIFY(record.verdict.reason.contains(QStringLiteral("500")));
    }

    void tenMegabyteJson_showsItsStartAtOnceThenTheWholeIndentedBody()
    {
        LoopbackServer server;
        const QByteArray json = bigJson();
        const RunRecord record =
            memoryExchange(server, "/big", LoopbackServer::Behaviour::json(200, json));
        QCOMPARE(record.result.body.size(), json.size());
        QVERIFY(!record.result.truncated);

        RequestInspector inspector;
        BodyView *body = inspector.responseBody();
        QSignalSpy loaded(body, &BodyView::loaded);
        QElapsedTimer clock;
        clock.start();
        inspector.setRecord(record);
        const qint64 openMs = clock.elapsed();
        // At once: the first 64 KB as they came, while the rest is prepared.
        QVERIFY(body->isLoading());
        QVERIFY(!body->showsWholeBody());
        const QString preview = body->text();
        QVERIFY(preview.startsWith(QStringLiteral("{\"message\": \"a big answer\"")));
        QVERIFY(preview.size() <= BodyFormatter::kPreviewBytes + 100);
        QVERIFY(body->statusText().contains(QStringLiteral("first 64.0 KB")));
        qInfo("setRecord with a 10 MB body took %lld ms", openMs);
        QVERIFY2(openMs < 500, "the preview must not wait for the whole body");

        QVERIFY(loaded.wait(30'000));
        QVERIFY(body->showsWholeBody());
        QVERIFY(body->isJson());
        const QString text = body->text();
        QVERIFY(text.startsWith(QStringLiteral(
            "{\n  \"message\": \"a big answer\",\n  \"items\": [\n    {\n      \"n\": 0,")));
        QVERIFY(text.size() > json.size());
        QVERIFY(text.contains(QStringLiteral("\n      \"text\": \"the quick brown fox")));
        QVERIFY(body->statusText().contains(QStringLiteral("indented")));
    }

    void tenMegabyteText_showsAsSent()
    {
        LoopbackServer server;
        const QByteArray text = bigText();
        const RunRecord record =
            memoryExchange(server, "/text", LoopbackServer::Behaviour::text(200, text));
        RequestInspector inspector;
        BodyView *body = inspector.responseBody();
        QSignalSpy loaded(body, &BodyView::loaded);
        inspector.setRecord(record);
        QVERIFY(body->text().startsWith(QStringLiteral("line 0: a stack trace")));
        QVERIFY(loaded.wait(30'000));
        QVERIFY(!body->isJson());
        QCOMPARE(body->text().toUtf8(), text);
        QVERIFY(inspector.verdict()->plainText().contains(QStringLiteral("not JSON"),
                                                          Qt::CaseInsensitive) ||
                inspector.verdict()->plainText().contains(record.verdict.reason));
    }

    void anotherSelection_dropsTheStaleResult()
    {
        LoopbackServer server;
        const RunRecord big =
            memoryExchange(server, "/big", LoopbackServer::Behaviour::json(200, bigJson()));
        const RunRecord small = memoryExchange(
            server, "/small", LoopbackServer::Behaviour::json(200, R"({"message":"small one"})"));
        RequestInspector inspector;
        QSignalSpy loaded(inspector.responseBody(), &BodyView::loaded);
        inspector.setRecord(big);
        inspector.setRecord(small);
        QThreadPool::globalInstance()->waitForDone();
        QCoreApplication::processEvents();
        QTest::qWait(50); // any late result would have been delivered by now
        QCOMPARE(inspector.responseBody()->text(),
                 QStringLiteral("{\n  \"message\": \"small one\"\n}\n"));
        QVERIFY(inspector.responseBody()->showsWholeBody());
    }

    void largeThenSmallThenLarge_eachShowsWhole()
    {
        LoopbackServer server;
        const RunRecord big =
            memoryExchange(server, "/big", LoopbackServer::Behaviour::json(200, bigJson()));
        const RunRecord small = memoryExchange(
            server, "/small", LoopbackServer::Behaviour::json(200, R"({"message":"small one"})"));
        RequestInspector inspector;
        BodyView *body = inspector.responseBody();
        QSignalSpy loaded(body, &BodyView::loaded);
        inspector.setRecord(big);
        QTRY_VERIFY_WITH_TIMEOUT(body->showsWholeBody(), 30'000);
        QVERIFY(body->text().size() > 10'000'000);
        inspector.setRecord(small);
        QCOMPARE(body->text(), QStringLiteral("{\n  \"message\": \"small one\"\n}\n"));
        QVERIFY(body->isJson());
        inspector.setRecord(big);
        QVERIFY(!body->showsWholeBody());
        QTRY_VERIFY_WITH_TIMEOUT(body->showsWholeBody(), 30'000);
        QVERIFY(body->text().startsWith(QStringLiteral("{\n  \"message\": \"a big answer\"")));
    }

    void closingWhileLoading_dropsTheLoad()
    {
        LoopbackServer server;
        const RunRecord big =
            memoryExchange(server, "/big", LoopbackServer::Behaviour::json(200, bigJson()));
        {
            RequestInspector inspector;
            inspector.setRecord(big);
            QVERIFY(inspector.responseBody()->isLoading());
        }
        QThreadPool::globalInstance()->waitForDone(); // the worker ends without a view
    }

    void truncatedBody_saysWhereItWasCut()
    {
        LoopbackServer server;
        const RunRecord record =
            memoryExchange(server, "/huge", LoopbackServer::Behaviour::hugeBody(12 * 1024 * 1024));
        QVERIFY(record.result.truncated);
        RequestInspector inspector;
        inspector.setRecord(record);
        QVERIFY2(inspector.responseSummaryText().contains(QStringLiteral("cut at 10.0 MB")),
                 qPrintable(inspector.responseSummaryText()));
    }

    void actions_copyAndResend()
    {
        LoopbackServer server;
        const RunRecord record = memoryExchange(
            server, "/hook", LoopbackServer::Behaviour::json(200, R"({"message":"Hi there"})"));
        RequestInspector inspector;
        inspector.setRecord(record);
        inspector.copyBodyAction()->trigger();
        QCOMPARE(QApplication::clipboard()->text().toUtf8(), record.result.request.body);
        inspector.copyResponseAction()->trigger();
        const QString response = QApplication::clipboard()->text();
        QVERIFY(response.startsWith(QStringLiteral("HTTP/1.1 200 OK\n")));
        QVERIFY(response.endsWith(QStringLiteral("\n\n{\"message\":\"Hi there\"}")));

        inspector.show();
        QApplication::setActiveWindow(&inspector);
        QVERIFY(QTest::qWaitForWindowActive(&inspector));
        inspector.requestBody()->editor()->setFocus();
        QSignalSpy resend(&inspector, &RequestInspector::resendRequested);
        QTest::keyClick(inspector.requestBody()->editor(), Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(resend.size(), 1);
        QCOMPARE(resend.first().first().value<RunRecord>().result.request.url,
                 record.result.request.url);
        QTest::keyClick(inspector.requestBody()->editor(), Qt::Key_C,
                        Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(QApplication::clipboard()->text().startsWith(QStringLiteral("curl ")));
    }
};

QTEST_MAIN(RequestInspectorTest)
#include "tst_requestinspector.moc"
