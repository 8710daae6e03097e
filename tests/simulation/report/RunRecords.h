#pragma once

#include "HttpResults.h"
#include "simulation/report/RunInfo.h"
#include "simulation/report/RunRecord.h"

#include <QTimeZone>

namespace studio::test {

inline RunInfo runInfo()
{
    RunInfo info;
    info.pluginId = QStringLiteral("focus-guardian");
    info.pluginName = QStringLiteral("Focus Guardian");
    info.trigger = QStringLiteral("transcript_processed");
    info.batching = QStringLiteral("30 s windows");
    info.uid = QStringLiteral("u1");
    info.source = QStringLiteral("coffee-chat-3min.json");
    info.startedAt = QDateTime(QDate(2024, 9, 1), QTime(18, 0), QTimeZone(2 * 3600));
    info.speed = 10;
    return info;
}

inline RunRecord record(int index, HttpResult result, ResponseVerdict::Kind kind,
                        const QString &reason)
{
    RunRecord r;
    r.index = index;
    r.label = QStringLiteral("window %1-%2 s").arg(index * 30).arg(index * 30 + 30);
    r.windowStart = index * 30.0;
    r.windowEnd = index * 30.0 + 30;
    r.segmentCount = 3;
    r.scheduledMs = index * 3000;
    r.sentMs = index * 3000 + 2;
    r.payloadBytes = result.request.body.size();
    r.sentAt = runInfo().startedAt.addMSecs(r.sentMs);
    r.result = std::move(result);
    r.verdict.kind = kind;
    r.verdict.reason = reason;
    return r;
}

// Three requests: a notification, a refused connection, an answer the app cannot use.
inline QList<RunRecord> threeRecords()
{
    RunRecord shown =
        record(0, answered(200, R"({"message": "Stay on topic!"})"),
               ResponseVerdict::Kind::Notification, QStringLiteral("the app notifies"));
    shown.verdict.notifications = {
        {QStringLiteral("Focus Guardian says"), QStringLiteral("Stay on topic!"), false}};
    shown.verdict.chatMessage = QStringLiteral("Stay on topic!");
    RunRecord refused = record(
        1,
        failed(HttpError::ConnectionRefused, QStringLiteral("connection refused by 127.0.0.1:9")),
        ResponseVerdict::Kind::Ignored, QStringLiteral("the request failed"));
    RunRecord garbage =
        record(2, answered(200, "<oops & \"quotes\" \x01>", "text/html"),
               ResponseVerdict::Kind::Ignored, QStringLiteral("the body is not JSON <&>"));
    garbage.verdict.notes = {QStringLiteral("a note")};
    return {shown, refused, garbage};
}

// A request the app's circuit breaker held back: the request it would have made, no result.
inline RunRecord notSent(int index)
{
    HttpResult none;
    none.request.url = QStringLiteral("http://127.0.0.1:8000/hook?uid=u1");
    none.request.body = "{\"session_id\":\"u1\",\"segments\":[]}";
    none.request.headers = {{"Content-Type", "application/json"}};
    RunRecord held = record(index, none, ResponseVerdict::Kind::Ignored, QString());
    held.notSentReason =
        QStringLiteral("circuit open until 35 s (5 failures in a row, the last at 5 s)");
    return held;
}

// threeRecords() and one request not sent.
inline QList<RunRecord> fourWithOneNotSent()
{
    return threeRecords() << notSent(3);
}

} // namespace studio::test
