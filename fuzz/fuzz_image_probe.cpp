// A logo or an instructions image as validation probes it: whatever the bytes, the header
// gives a format and a pixel size, or a problem in words.

#include "FuzzCheck.h"
#include "image/ImageProbe.h"

#include <QBuffer>

using namespace studio;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    QByteArray bytes =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    QBuffer device(&bytes);
    FUZZ_CHECK(device.open(QIODevice::ReadOnly));
    const ImageFacts facts = ImageProbe::probe(device);
    FUZZ_CHECK(facts.fileSize == static_cast<std::int64_t>(size));
    FUZZ_CHECK(facts.isImage() == (facts.format != ImageFormat::Unknown && facts.problem.empty()));
    if (facts.isImage())
        FUZZ_CHECK(facts.width > 0 && facts.height > 0);
    else
        FUZZ_CHECK(!facts.problem.empty());
    return 0;
}
