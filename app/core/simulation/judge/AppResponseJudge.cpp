#include "AppResponseJudge.h"
#include "PythonJson.h"

#include "json/LineIndex.h"
#include "transcript/JsonInputReader.h"

#include <algorithm>
#include <variant>

namespace studio {

namespace {

using Kind = ResponseVerdict::Kind;

QString quotedExcerpt(const QString &text)
{
    constexpr qsizetype kLimit = 60;
    return QLatin1Char('"') +
           (text.size() > kLimit ? text.left(kLimit) + QStringLiteral("\u2026") : text) +
           QLatin1Char('"');
}

ResponseVerdict verdictOf(Kind kind, const QString &reason)
{
    ResponseVerdict verdict;
    verdict.kind = kind;
    verdict.reason = reason;
    return verdict;
}

// Python truthiness of a JSON value: the app's `if not data` and `if message` checks.
bool isFalsy(const Json &value)
{
    switch (value.type()) {
    case Json::value_t::null:
        return true;
    case Json::value_t::boolean:
        return !value.get<bool>();
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
        return value.get<double>() == 0.0;
    case Json::value_t::string:
        return value.get_ref<const std::string &>().empty();
    case Json::value_t::array:
    case Json::value_t::object:
        return value.empty();
    default:
        return false;
    }
}

std::optional<ResponseVerdict> transportVerdict(const HttpResult &result)
{
    if (result.truncated || result.error == HttpError::ResponseTooLarge)
        return verdictOf(Kind::Ignored,
                         QStringLiteral("the answer is larger than the studio's limit of %1 bytes; "
                                        "it was cut, so what the app would do cannot be judged")
                             .arg(result.request.maxResponseBytes));
    if (result.error == HttpError::Timeout)
        return verdictOf(Kind::Ignored,
                         QStringLiteral("no answer within %1 s: the app gives up on the call "
                                        "(no retry)")
                             .arg(result.request.timeoutMs / 1000.0));
    if (result.error == HttpError::MaxTimeReached)
        return verdictOf(Kind::Ignored,
                         QStringLiteral("the answer had not ended after %1 s, when the studio "
                                        "stopped waiting: the app would still be waiting for it "
                                        "(its timeout counts only silence), and nothing of it "
                                        "reaches the user")
                             .arg(result.request.maxTimeMs / 1000.0));
    if (!result.succeeded())
        return verdictOf(Kind::Ignored,
                         QStringLiteral("the request failed (%1): the app logs it and moves on, "
                                        "no retry")
                             .arg(result.errorMessage.isEmpty() ? QStringLiteral("no response")
                                                                : result.errorMessage));
    if (result.status != 200)
        return verdictOf(Kind::Ignored,
                         QStringLiteral("status %1: the app reads only answers with status 200 "
                                        "and ignores this one")
                             .arg(result.status));
    return std::nullopt;
}

// The body as Python's response.json() reads it, or the verdict when it cannot.
std::variant<Json, ResponseVerdict> decodeBody(const QByteArray &body)
{
    const std::string_view text(body.constData(), static_cast<std::size_t>(body.size()));
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
        return verdictOf(Kind::Ignored,
                         QStringLiteral("the body is empty, not JSON: the app "
                                        "fails to decode it and ignores the answer"));
    JsonParseResult parsed = parseJson(text, PythonJson::options());
    if (!parsed.ok()) {
        const SourcePosition position = LineIndex(text).position(parsed.error->offset);
        return verdictOf(Kind::Ignored,
                         QStringLiteral("the body is not JSON (line %1, column %2: %3): the app "
                                        "fails to decode it and ignores the answer")
                             .arg(position.line)
                             .arg(position.column)
                             .arg(QString::fromStdString(parsed.error->message)));
    }
    return std::move(parsed.value);
}

const Json *member(const Json &object, const char *key)
{
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

ResponseVerdict judgeMemoryCreation(const Json &answer, const JudgeContext &context)
{
    if (!answer.is_object())
        return verdictOf(Kind::Ignored, QStringLiteral("the answer is %1, not a JSON object: the "
                                                       "app ignores it")
                                            .arg(JsonInputReader::typeName(answer)));
    ResponseVerdict verdict;
    if (const Json *notification = member(answer, "notification");
        notification && !isFalsy(*notification))
        verdict.notes.append(QStringLiteral("\"notification\" is ignored: the app reads it only "
                                            "on transcript_processed"));
    const Json *message = member(answer, "message");
    if (!message || isFalsy(*message)) {
        verdict.kind = Kind::Silent;
        verdict.reason = QStringLiteral("no message: a valid answer, the app shows nothing");
        return verdict;
    }
    if (!message->is_string()) {
        verdict.kind = Kind::Ignored;
        verdict.reason = QStringLiteral("\"message\" is %1, not a string: the app cannot show it")
                             .arg(JsonInputReader::typeName(*message));
        return verdict;
    }
    const QString text = QString::fromStdString(message->get<std::string>());
    verdict.chatMessage = text;
    if (context.rules.memoryMessageNotifies) {
        const AppNotification notification{context.plugin.notificationTitle(), text, false};
        verdict.kind = Kind::Notification;
        verdict.notifications.append(notification);
        verdict.reason = QStringLiteral("the app stores the message in the user's chat and "
                                        "notifies \"%1\": %2")
                             .arg(notification.title, quotedExcerpt(text));
    } else {
        verdict.kind = Kind::Silent;
        verdict.reason = QStringLiteral("the app stores the message in the user's chat as from "
                                        "%1, with no push notification: %2")
                             .arg(context.plugin.name, quotedExcerpt(text));
    }
    if (text.trimmed().isEmpty())
        verdict.notes.append(
            QStringLiteral("the message is only white space, yet the app shows it"));
    return verdict;
}

// Collects what happens to the parts of a transcript_processed answer, then picks the kind
// the user experiences: a notification beats a drop, a drop beats an ignored part.
class TranscriptAnswer
{
public:
    explicit TranscriptAnswer(const JudgeContext &context)
        : m_context(context)
    {}

    ResponseVerdict judge(const Json &answer)
    {
        if (isFalsy(answer))
            return verdictOf(Kind::Silent, QStringLiteral("an empty answer: the app does nothing"));
        if (!answer.is_object())
            return verdictOf(Kind::Ignored, QStringLiteral("the answer is %1, not a JSON object: "
                                                           "the app ignores it")
                                                .arg(JsonInputReader::typeName(answer)));
        if (const Json *message = member(answer, "message"); message && !isFalsy(*message)) {
            if (!message->is_string())
                return verdictOf(
                    Kind::Ignored,
                    QStringLiteral("\"message\" is %1, not a string: the app's "
                                   "length check fails and it ignores the whole answer")
                        .arg(JsonInputReader::typeName(*message)));
            readMessage(QString::fromStdString(message->get<std::string>()));
        }
        if (const Json *notification = member(answer, "notification");
            notification && !isFalsy(*notification)) {
            if (m_context.plugin.hasCapability(QStringLiteral("proactive_notification")))
                readProactive(*notification);
            else
                add(Kind::Ignored,
                    QStringLiteral("the answer asks for a proactive notification, but "
                                   "the plugin does not declare the "
                                   "proactive_notification capability: the app "
                                   "ignores it"));
        }
        return verdict();
    }

private:
    void add(Kind kind, const QString &sentence) { m_events.append({kind, sentence}); }

    void notify(const QString &body, bool writtenByModel)
    {
        m_verdict.notifications.append(
            {m_context.plugin.notificationTitle(), body, writtenByModel});
        m_verdict.chatMessage = body;
    }

    void readMessage(const QString &text)
    {
        const int length = AppResponseJudge::codePoints(text);
        if (length >= AppResponseJudge::kMinimumTranscriptMessage) {
            notify(text, false);
            add(Kind::Notification,
                QStringLiteral("the app notifies \"%1\" and stores the "
                               "message in the user's chat: %2")
                    .arg(m_context.plugin.notificationTitle(), quotedExcerpt(text)));
        } else {
            add(Kind::Dropped, QStringLiteral("the message %1 has %2 character(s): the app drops "
                                              "messages of 5 characters or fewer")
                                   .arg(quotedExcerpt(text))
                                   .arg(length));
        }
    }

    void readProactive(const Json &request)
    {
        if (!request.is_object()) {
            add(Kind::Ignored, QStringLiteral("\"notification\" is %1, not an object: the app "
                                              "fails on it and ignores it")
                                   .arg(JsonInputReader::typeName(request)));
            return;
        }
        ProactiveOutcome outcome;
        if (const Json *prompt = member(request, "prompt")) {
            if (!prompt->is_string()) {
                add(Kind::Ignored, QStringLiteral("\"notification.prompt\" is %1, not a string: "
                                                  "the app fails on it and ignores it")
                                       .arg(JsonInputReader::typeName(*prompt)));
                return;
            }
            outcome.prompt = QString::fromStdString(prompt->get<std::string>());
        }
        const int promptLength = AppResponseJudge::codePoints(outcome.prompt);
        const int promptLimit = m_context.rules.proactivePromptLimit;
        if (promptLength > promptLimit) {
            if (!m_context.rules.promptTooLongNotifies) {
                add(Kind::Dropped, QStringLiteral("the prompt has %1 characters, over the app's "
                                                  "limit of %2: the app refuses it (\"Prompt too "
                                                  "long\") and the user sees nothing")
                                       .arg(promptLength)
                                       .arg(promptLimit));
                return;
            }
            const QString body =
                QStringLiteral("Prompt too long: %1/%2 characters. Please shorten.")
                    .arg(promptLength)
                    .arg(promptLimit);
            m_verdict.notifications.append({m_context.plugin.notificationTitle(), body, false});
            add(Kind::Notification, QStringLiteral("the prompt has %1 characters, over the app's "
                                                   "limit of %2: instead of a message the user is "
                                                   "notified \"%3\"")
                                        .arg(promptLength)
                                        .arg(promptLimit)
                                        .arg(body));
            return;
        }

        readParams(request, outcome);
        if (const Json *context = member(request, "context")) {
            outcome.context = *context;
            if (!context->is_object() && !context->is_null())
                m_verdict.notes.append(QStringLiteral("\"notification.context\" is %1, not an "
                                                      "object: the app uses no context")
                                           .arg(JsonInputReader::typeName(*context)));
        }
        outcome.modelInput =
            AppResponseJudge::fillPrompt(outcome.prompt, outcome.filledParams, m_context.user);
        m_verdict.proactive = outcome;
        if (outcome.modelInput.isEmpty()) {
            add(Kind::Dropped, QStringLiteral("the proactive prompt is empty: the app has nothing "
                                              "to ask its model and sends nothing"));
            return;
        }
        if (const std::optional<qint64> until = m_context.proactiveBlockedUntil) {
            add(Kind::Dropped, QStringLiteral("a proactive notification went out less than "
                                              "30 s ago: the app sends at most one per user per "
                                              "plugin per 30 s (next possible at %1 ms of the run)")
                                   .arg(*until));
            return;
        }
        if (m_context.generatedMessage &&
            AppResponseJudge::codePoints(*m_context.generatedMessage) <
                AppResponseJudge::kMinimumGeneratedMessage) {
            add(Kind::Dropped, QStringLiteral("the model's message %1 is under 5 characters: the "
                                              "app drops it")
                                   .arg(quotedExcerpt(*m_context.generatedMessage)));
            return;
        }
        m_verdict.proactiveNotified = true;
        if (m_context.generatedMessage) {
            notify(*m_context.generatedMessage, true);
        } else {
            notify(QStringLiteral("[the app's model writes this message from the prompt]"), true);
        }
        add(Kind::Notification, QStringLiteral("the app sends the filled prompt to its own model "
                                               "and notifies \"%1\" with what the model writes "
                                               "(the user never sees the prompt)")
                                    .arg(m_context.plugin.notificationTitle()));
    }

    void readParams(const Json &request, ProactiveOutcome &outcome)
    {
        const Json *params = member(request, "params");
        if (params && params->is_array()) {
            for (const Json &param : *params) {
                if (param.is_string())
                    outcome.requestedParams.append(
                        QString::fromStdString(param.get<std::string>()));
                else
                    m_verdict.notes.append(QStringLiteral("a param that is %1, not a scope name, "
                                                          "is ignored")
                                               .arg(JsonInputReader::typeName(param)));
            }
        } else if (params && !params->is_null()) {
            m_verdict.notes.append(QStringLiteral("\"notification.params\" is %1, not a list of "
                                                  "scopes: the app fills no placeholder")
                                       .arg(JsonInputReader::typeName(*params)));
        }
        for (const QString &param : std::as_const(outcome.requestedParams)) {
            if (m_context.plugin.proactiveScopes.contains(param)) {
                outcome.filledParams.append(param);
            } else {
                outcome.unfilledParams.append(param);
                m_verdict.notes.append(QStringLiteral("param \"%1\" is not among the scopes the "
                                                      "manifest declares: {{%1}} stays as is")
                                           .arg(param));
            }
        }
    }

    ResponseVerdict verdict()
    {
        if (m_events.isEmpty()) {
            m_verdict.kind = Kind::Silent;
            m_verdict.reason = QStringLiteral("no message and no notification: a valid answer, "
                                              "the app shows nothing");
            return m_verdict;
        }
        const auto rank = [](Kind kind) {
            switch (kind) {
            case Kind::Notification:
                return 0;
            case Kind::Dropped:
                return 1;
            case Kind::Ignored:
                return 2;
            case Kind::Silent:
                break;
            }
            return 3;
        };
        Kind best = Kind::Silent;
        for (const auto &[kind, sentence] : std::as_const(m_events)) {
            if (rank(kind) < rank(best))
                best = kind;
        }
        QStringList reason;
        QStringList notes;
        for (const auto &[kind, sentence] : std::as_const(m_events))
            (kind == best ? reason : notes).append(sentence);
        m_verdict.kind = best;
        m_verdict.reason = reason.join(QStringLiteral("; "));
        m_verdict.notes = notes + m_verdict.notes;
        return m_verdict;
    }

    const JudgeContext &m_context;
    ResponseVerdict m_verdict;
    QList<QPair<Kind, QString>> m_events;
};

} // namespace

int AppResponseJudge::codePoints(const QString &text)
{
    int count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate())
            ++i;
        ++count;
    }
    return count;
}

QString AppResponseJudge::fillPrompt(const QString &prompt, const QStringList &scopes,
                                     const SimulatedUser &user)
{
    QString filled = prompt;
    for (const QString &scope : scopes) {
        if (scope == QLatin1String("user_name"))
            filled.replace(QStringLiteral("{{user_name}}"), user.name);
        else if (scope == QLatin1String("user_facts"))
            filled.replace(QStringLiteral("{{user_facts}}"), user.facts);
        else if (scope == QLatin1String("user_context"))
            filled.replace(QStringLiteral("{{user_context}}"), user.context);
        else if (scope == QLatin1String("user_chat"))
            filled.replace(QStringLiteral("{{user_chat}}"), user.chat);
    }
    filled.remove(QStringLiteral("    "));
    return filled.trimmed();
}

ResponseVerdict AppResponseJudge::judge(const HttpResult &result, const JudgeContext &context)
{
    if (std::optional<ResponseVerdict> verdict = transportVerdict(result))
        return *verdict;
    if (context.trigger == AppTrigger::AudioBytes)
        return verdictOf(Kind::Silent, QStringLiteral("the app ignores what an audio_bytes "
                                                      "webhook answers"));
    std::variant<Json, ResponseVerdict> decoded = decodeBody(result.body);
    if (auto *verdict = std::get_if<ResponseVerdict>(&decoded))
        return *verdict;
    const Json &answer = std::get<Json>(decoded);
    if (context.trigger == AppTrigger::MemoryCreation)
        return judgeMemoryCreation(answer, context);
    return TranscriptAnswer(context).judge(answer);
}

} // namespace studio
