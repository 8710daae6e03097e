// What the integration emulator (emulate-api) checks before its handlers run, on any
// bytes: a query, or a body with or without a JSON Content-Type, read as each model. The
// first byte chooses which. Every problem is located in the query or the body, worded and
// typed; a request is either accepted or has a problem; the 422 body is JSON.

#include "FuzzCheck.h"
#include "integration/IntegrationRequests.h"

using namespace studio;

namespace {

void checkProblems(const RequestProblems &problems)
{
    for (const Json &problem : problems.detail()) {
        const Json &loc = problem.at("loc");
        FUZZ_CHECK(loc.is_array() && !loc.empty());
        FUZZ_CHECK(loc.front() == "body" || loc.front() == "query");
        FUZZ_CHECK(!problem.at("msg").get<std::string>().empty());
        FUZZ_CHECK(!problem.at("type").get<std::string>().empty());
    }
    FUZZ_CHECK(parseJson(problems.body().toStdString()).ok());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const std::uint8_t choice = data[0];
    const QByteArray bytes(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    RequestProblems problems;

    if (choice % 3 == 0) {
        const QueryItems query = IntegrationRequests::query("/memories?" + bytes);
        const auto uid = IntegrationRequests::required(query, QStringLiteral("uid"), problems);
        const auto list = IntegrationRequests::list(query, choice & 4, problems);
        FUZZ_CHECK(uid.has_value() == query.contains(QStringLiteral("uid")));
        if (list) {
            FUZZ_CHECK(list->limit >= 1 && list->limit <= 1000 && list->offset >= 0);
        }
        FUZZ_CHECK((uid && list) == problems.isEmpty());
        checkProblems(problems);
        return 0;
    }

    const QByteArray type = (choice & 4) ? QByteArray("application/json")
                            : (choice & 8) ? QByteArray("text/plain")
                                           : QByteArray();
    const std::optional<Json> body = IntegrationRequests::bodyObject(type, bytes, problems);
    FUZZ_CHECK(body.has_value() == problems.isEmpty());
    if (body) {
        FUZZ_CHECK(body->is_object());
        if (choice % 3 == 1) {
            const auto conversation = IntegrationRequests::createConversation(*body, problems);
            FUZZ_CHECK(conversation.has_value() == problems.isEmpty());
            if (conversation && conversation->startedAt)
                FUZZ_CHECK(conversation->startedAt->isValid());
        } else {
            const auto memories = IntegrationRequests::createMemories(*body, problems);
            FUZZ_CHECK(memories.has_value() == problems.isEmpty());
        }
    }
    checkProblems(problems);
    return 0;
}
