#include "PluginAnswers.h"

#include <QStringList>

namespace studio {

namespace {

const QStringList &commitments()
{
    static const QStringList phrases = {QStringLiteral("remind me"), QStringLiteral("i'll"),
                                        QStringLiteral("i will"),    QStringLiteral("we need to"),
                                        QStringLiteral("don't forget"), QStringLiteral("let's")};
    return phrases;
}

QString stringAt(const Json &object, const char *key)
{
    if (!object.is_object())
        return {};
    const auto found = object.find(key);
    return found != object.end() && found->is_string()
               ? QString::fromStdString(found->get<std::string>())
               : QString();
}

const Json &arrayAt(const Json &object, const char *key)
{
    static const Json empty = Json::array();
    if (!object.is_object())
        return empty;
    const auto found = object.find(key);
    return found != object.end() && found->is_array() ? *found : empty;
}

qsizetype wordCount(const Json &segments)
{
    qsizetype words = 0;
    for (const Json &segment : segments)
        words += stringAt(segment, "text").simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts).size();
    return words;
}

std::string utf8(const QString &text)
{
    return text.toStdString();
}

} // namespace

Json PluginAnswers::memoryFiled(const Json &memory)
{
    const Json structured =
        memory.is_object() && memory.contains("structured") && memory["structured"].is_object()
            ? memory["structured"]
            : Json::object();
    const Json &segments = arrayAt(memory, "transcript_segments");
    int open = 0;
    for (const Json &item : arrayAt(structured, "action_items")) {
        const bool completed = item.is_object() && item.contains("completed") &&
                               item["completed"].is_boolean() && item["completed"].get<bool>();
        open += completed ? 0 : 1;
    }
    QString title = stringAt(structured, "title");
    if (title.isEmpty())
        title = QStringLiteral("Untitled conversation");
    const QString message =
        QStringLiteral("Filed \"%1\": %2 segments, %3 words, %4 open action item%5.")
            .arg(title)
            .arg(segments.size())
            .arg(wordCount(segments))
            .arg(open)
            .arg(open == 1 ? QString() : QStringLiteral("s"));
    return Json{{"message", utf8(message)}};
}

Json PluginAnswers::commitmentHeard(const Json &newSegments, int segmentsSoFar)
{
    for (const Json &segment : newSegments) {
        const QString text = stringAt(segment, "text");
        const QString lower = text.toLower();
        for (const QString &phrase : commitments()) {
            if (lower.contains(phrase)) {
                return Json{{"message", utf8(QStringLiteral("Noted for later: \"%1\" (%2 "
                                                            "segments so far).")
                                                 .arg(text)
                                                 .arg(segmentsSoFar))}};
            }
        }
    }
    return Json::object();
}

Json PluginAnswers::questionHeard(const Json &newSegments, int segmentsSoFar)
{
    QString question;
    for (const Json &segment : newSegments) {
        const bool isUser = segment.is_object() && segment.contains("is_user") &&
                            segment["is_user"].is_boolean() && segment["is_user"].get<bool>();
        const QString text = stringAt(segment, "text");
        if (isUser && text.trimmed().endsWith(QLatin1Char('?')))
            question = text;
    }
    if (question.isEmpty())
        return Json::object();
    // The app fills the {{placeholders}} of the scopes the manifest declares, asks its own
    // model, and sends at most one such notification per user per plugin every 30 s.
    const QString prompt = QStringLiteral("{{user_name}} just asked: \"%1\". Using what you know "
                                          "from {{user_context}}, suggest a helpful answer in "
                                          "one short sentence.")
                               .arg(question);
    return Json{{"notification",
                 {{"prompt", utf8(prompt)},
                  {"params", {"user_name", "user_context"}},
                  {"context", {{"question", utf8(question)}, {"segments_heard", segmentsSoFar}}}}}};
}

} // namespace studio
