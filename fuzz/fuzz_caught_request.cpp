// What the catcher (listen) does with any body: it recognizes it as a memory, a transcript
// batch or something else with a reason, and a transcript batch always has a session to
// file it under.

#include "FuzzCheck.h"
#include "listen/TrafficRecognizer.h"

using namespace studio;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    HttpServerRequest request;
    request.method = "POST";
    request.target = "/hook?uid=fuzz";
    request.path = "/hook";
    request.version = "HTTP/1.1";
    request.body = QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
    const RecognizedRequest recognized = TrafficRecognizer::recognize(request);
    switch (recognized.kind) {
    case CaughtRequest::Kind::Memory:
        FUZZ_CHECK(recognized.body.is_object());
        break;
    case CaughtRequest::Kind::Transcript:
        FUZZ_CHECK(recognized.body.is_object() && recognized.body["segments"].is_array());
        FUZZ_CHECK(!recognized.session.isEmpty());
        break;
    case CaughtRequest::Kind::Other:
        FUZZ_CHECK(!recognized.reason.isEmpty());
        break;
    }
    return 0;
}
