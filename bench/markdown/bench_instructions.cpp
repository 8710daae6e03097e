// Renders and checks the setup instructions of a plugin repository repeatedly and prints the
// time per pass: what one edit costs the preview's worker thread (preview with anchors,
// the store's rendering, the checks, the asset list). Also one large document made of all
// of them repeated, for the worst case a user could type. Not a test: figures, no targets.
//
//   bench_instructions REPOSITORY_DIR [RUNS]

#include "io/TextFile.h"
#include "json/JsonParser.h"
#include "manifest/PluginManifest.h"
#include "markdown/InstructionsAssets.h"
#include "markdown/InstructionsChecker.h"
#include "markdown/InstructionsFile.h"
#include "markdown/InstructionsRenderer.h"

#include <QCoreApplication>
#include <QDir>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

using namespace studio;

namespace {

struct Document
{
    std::string text;
    InstructionsContext context;
};

// One edit's worth of work, as the editor's worker does it.
void pass(const Document &document)
{
    InstructionsRenderOptions options;
    options.context = document.context;
    options.sourceAnchors = true;
    InstructionsRenderer::render(document.text, options);
    options.sourceAnchors = false;
    options.showUid = false;
    InstructionsRenderer::render(document.text, options);
    InstructionsChecker::check(document.text, document.context);
    InstructionsAssets::list(document.text, document.context);
}

void report(const char *label, std::size_t bytes, std::vector<double> millis)
{
    std::sort(millis.begin(), millis.end());
    std::printf("%-28s %8zu bytes   median %7.3f ms   min %7.3f   max %7.3f\n", label, bytes,
                millis[millis.size() / 2], millis.front(), millis.back());
}

template <typename Work> std::vector<double> time(int runs, Work work)
{
    std::vector<double> millis;
    for (int run = 0; run < runs; ++run) {
        const auto start = std::chrono::steady_clock::now();
        work();
        millis.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count());
    }
    return millis;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_instructions REPOSITORY_DIR [RUNS]\n");
        return 2;
    }
    const QString root = QDir(QString::fromLocal8Bit(argv[1])).absolutePath();
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 200;
    const TextFileRead index = TextFile::read(root + u"/community-plugins.json");
    const JsonParseResult parsed = parseJson(index.bytes);
    if (!index.ok || !parsed.ok() || !parsed.value.is_array()) {
        std::fprintf(stderr, "cannot read %s/community-plugins.json\n", qPrintable(root));
        return 2;
    }

    std::vector<Document> documents;
    for (const Json &entry : parsed.value) {
        const InstructionsContext context =
            InstructionsContext::forManifest(PluginManifest::fromJson(entry), root);
        if (context.instructionsPath.empty())
            continue;
        const TextFileRead read =
            InstructionsFile::read(context.filePath(context.instructionsPath));
        if (read.ok)
            documents.push_back({read.bytes, context});
    }
    if (documents.empty()) {
        std::fprintf(stderr, "no instructions files in %s\n", qPrintable(root));
        return 2;
    }

    std::printf("repository %s: %zu instructions files, %d runs each\n", qPrintable(root),
                documents.size(), runs);
    std::size_t totalBytes = 0;
    for (const Document &document : documents) {
        totalBytes += document.text.size();
        report(document.context.pluginId.c_str(), document.text.size(),
               time(runs, [&] { pass(document); }));
    }

    Document large{{}, documents.front().context};
    while (large.text.size() < 256 * 1024) {
        for (const Document &document : documents)
            large.text += document.text + "\n\n";
    }
    report("all of them, repeated", large.text.size(),
           time(std::max(3, runs / 20), [&] { pass(large); }));
    std::printf("%zu bytes of real instructions in total\n", totalBytes);
    return 0;
}
