#include "SetupCheckJudge.h"

#include "PythonJson.h"
#include "transcript/JsonInputReader.h"

namespace studio {

namespace {

SetupVerdict notReady(const QString &why)
{
    return {false, SetupCheckJudge::refusal() + QStringLiteral(": ") + why};
}

} // namespace

SetupVerdict SetupCheckJudge::judge(const HttpResult &result)
{
    if (result.error == HttpError::Timeout)
        return notReady(QStringLiteral("the setup check did not answer within %1 s")
                            .arg(result.request.timeoutMs / 1000.0));
    if (result.error == HttpError::MaxTimeReached)
        return notReady(QStringLiteral("the setup check had not finished answering after %1 s, "
                                       "when the studio stopped waiting; the app would still be "
                                       "waiting for it")
                            .arg(result.request.maxTimeMs / 1000.0));
    if (!result.succeeded() && !result.truncated)
        return notReady(QStringLiteral("the setup check failed (%1)")
                            .arg(result.errorMessage.isEmpty() ? QStringLiteral("no response")
                                                               : result.errorMessage));
    if (result.status != 200)
        return notReady(QStringLiteral("the setup check answered status %1; the app requires 200")
                            .arg(result.status));
    if (result.truncated)
        return notReady(QStringLiteral("the answer is larger than the studio's limit and was cut"));

    const JsonParseResult parsed = parseJson(
        std::string_view(result.body.constData(), static_cast<std::size_t>(result.body.size())),
        PythonJson::options());
    if (!parsed.ok())
        return notReady(QStringLiteral("the answer is not JSON (%1); the app expects "
                                       "{\"is_setup_completed\": true}")
                            .arg(QString::fromStdString(parsed.error->message)));
    if (!parsed.value.is_object())
        return notReady(QStringLiteral("the answer is %1, not a JSON object; the app expects "
                                       "{\"is_setup_completed\": true}")
                            .arg(JsonInputReader::typeName(parsed.value)));
    const auto it = parsed.value.find("is_setup_completed");
    if (it == parsed.value.end())
        return notReady(QStringLiteral("the answer has no \"is_setup_completed\"; the app expects "
                                       "{\"is_setup_completed\": true}"));
    if (!it->is_boolean())
        return notReady(
            QStringLiteral("\"is_setup_completed\" is %1 (%2), not the boolean true")
                .arg(JsonInputReader::typeName(*it), QString::fromStdString(it->dump(-1, ' ', false, Json::error_handler_t::replace))));
    if (!it->get<bool>())
        return notReady(QStringLiteral("\"is_setup_completed\" is false: the user has not "
                                       "finished setting up"));
    return {true, QStringLiteral("setup completed: the app enables the plugin")};
}

} // namespace studio
