#include "EntryRules.h"
#include "image/ImageProbe.h"
#include "repository/RepositoryFiles.h"

#include <cstdio>

namespace studio::rules {

namespace {

constexpr std::int64_t kMaxImageBytes = 1024 * 1024;
constexpr int kMinImageSide = 256;

std::string megabytes(std::int64_t bytes)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return buffer;
}

std::string pixelSize(const ImageFacts &facts)
{
    return std::to_string(facts.width) + "x" + std::to_string(facts.height) + " px";
}

void checkImageContent(const ImageFacts &facts, ImageFormat promised, const std::string &pointer,
                       DiagnosticSink &sink)
{
    if (!facts.isImage()) {
        sink.report(RuleId::NotAnImage, pointer,
                    "the image file is not a readable image: " + facts.problem +
                        "; the store shows a broken image");
        return;
    }
    if (promised != ImageFormat::Unknown && facts.format != promised)
        sink.report(RuleId::ImageFormatMismatch, pointer,
                    "the file's extension says " + std::string(imageFormatName(promised)) +
                        " but its content is " + std::string(imageFormatName(facts.format)) +
                        "; rename it or convert it");
    if (!facts.isSquare())
        sink.report(RuleId::ImageNotSquare, pointer,
                    "the image is " + pixelSize(facts) +
                        ", not square; the store crops it to a circle, cutting off its edges");
    if (std::min(facts.width, facts.height) < kMinImageSide)
        sink.report(RuleId::ImageTooSmall, pointer,
                    "the image is " + pixelSize(facts) + "; under " +
                        std::to_string(kMinImageSide) + " px it looks blurred on the plugin page");
    if (facts.fileSize > kMaxImageBytes)
        sink.report(RuleId::ImageTooLarge, pointer,
                    "the image file is " + megabytes(facts.fileSize) +
                        "; every user downloads it to see the store: keep it under 1 MB "
                        "(a 512 px PNG is plenty)");
}

} // namespace

void checkImage(const EntryContext &context, DiagnosticSink &sink)
{
    const Json *image = context.member("image");
    if (!image || !image->is_string())
        return;
    const auto path = image->get<std::string>();
    const std::string pointer = context.at("image");
    if (const auto problem = RepositoryFiles::pathProblem(path); !problem.empty()) {
        sink.report(RuleId::MalformedImagePath, pointer, "malformed image path: " + problem);
        return;
    }
    const std::string extension = pathExtension(path);
    const ImageFormat promised = imageFormatForExtension(extension);
    const bool supported = isStoreImageFormat(promised);
    if (!supported)
        sink.report(RuleId::UnsupportedImageExtension, pointer,
                    (extension.empty() ? std::string("the image path has no extension")
                                       : "'." + extension + "' is not a supported image type") +
                        "; use .png, .jpg, .jpeg or .webp");

    if (!context.repository)
        return;
    if (!context.repository->isFile(path)) {
        std::string message = "the image '" + path + "' does not exist in the repository";
        const auto near = context.repository->nearestExisting(path);
        if (near)
            message += " (did you mean '" + *near + "'?)";
        sink.report(RuleId::MissingImage, pointer, message);
        if (near)
            sink.suggestReplacement("Replace with '" + *near + "'", Json(*near).dump());
        return;
    }
    const ImageFacts facts = ImageProbe::probeFile(context.repository->absolutePath(path));
    checkImageContent(facts, supported ? promised : ImageFormat::Unknown, pointer, sink);
}

} // namespace studio::rules
