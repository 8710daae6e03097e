#pragma once

#include <QByteArray>

#include <algorithm>
#include <chrono>

namespace studio {

// How far the server's answer on the current hop had got, as libcurl's header and body
// callbacks saw it: what a failure message needs to say what broke, and what a server that
// never finished kept sending.
struct AnswerProgress
{
    int interimResponses = 0;     // 1xx responses ("100 Continue", "102 Processing")
    QByteArray interimStatus;     // the last one's code and reason: "102 Processing"
    bool finalStatusSeen = false; // the status line of the final response arrived
    int headerLines = 0;          // of the final response
    bool headersComplete = false; // the final response's header block ended
    qint64 bodyBytes = 0;
    int longestSilenceMs = 0; // the longest wait for the server's next bytes

    // An interim response is not the answer: the app's client waits on for the final one.
    bool started() const { return finalStatusSeen || bodyBytes > 0; }
};

// The server was heard from now: the silence this ends counts towards the longest one. Both
// of the engine's paths time silences this way (the timeout, and what a failure reports).
inline void endSilence(std::chrono::steady_clock::time_point &lastActivity, int &longestSilenceMs)
{
    const auto now = std::chrono::steady_clock::now();
    const auto silence = std::chrono::duration_cast<std::chrono::milliseconds>(now - lastActivity);
    longestSilenceMs = std::max(longestSilenceMs, int(silence.count()));
    lastActivity = now;
}

} // namespace studio
