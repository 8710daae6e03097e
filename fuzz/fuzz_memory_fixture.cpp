// A memory fixture (`simulate memory --memory FILE`, a memory dropped on the Simulate tab):
// whatever the bytes, the loader returns a memory or an error that says where, and a loaded
// memory becomes a body, in every profile, that is valid JSON.

#include "FuzzCheck.h"
#include "json/JsonParser.h"
#include "simulation/payload/MemoryFixtureLoader.h"
#include "simulation/payload/MemoryPayload.h"

using namespace studio;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const MemoryLoadResult loaded = MemoryFixtureLoader::parse(fuzz::bytes(data, size));
    if (!loaded.ok()) {
        FUZZ_CHECK(!loaded.error->message.isEmpty());
        return 0;
    }
    for (const PayloadProfile profile : PayloadProfiles::all()) {
        const QByteArray body = MemoryPayload::body(loaded.memory, profile);
        FUZZ_CHECK(parseJson(std::string_view(body.constData(), std::size_t(body.size()))).ok());
    }
    return 0;
}
