// Validates a whole plugin repository (index, images, instructions) repeatedly and prints the
// time per run. Not a test: speed targets are read here, never asserted in unit tests.
//
//   bench_validate REPOSITORY_DIR [RUNS]

#include "io/TextFile.h"
#include "validation/DocumentValidator.h"

#include <QCoreApplication>
#include <QDir>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

using namespace studio;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_validate REPOSITORY_DIR [RUNS]\n");
        return 2;
    }
    const QString root = QDir(QString::fromLocal8Bit(argv[1])).absolutePath();
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 50;

    std::vector<double> millis;
    ValidationReport report;
    for (int run = 0; run < runs; ++run) {
        const auto start = std::chrono::steady_clock::now();
        // Everything a user waits for: reading the index, parsing, every rule, every file.
        const TextFileRead read = TextFile::read(root + u"/community-plugins.json");
        if (!read.ok) {
            std::fprintf(stderr, "%s\n", read.error.c_str());
            return 2;
        }
        ValidationOptions options;
        options.repositoryRoot = root;
        report = DocumentValidator::validate(read.bytes, options);
        const auto end = std::chrono::steady_clock::now();
        millis.push_back(std::chrono::duration<double, std::milli>(end - start).count());
    }
    const double first = millis.front();
    std::sort(millis.begin(), millis.end());
    std::printf("repository   %s\n", qPrintable(root));
    std::printf("entries      %zu\n", report.entryCount);
    std::printf("diagnostics  %zu (%zu errors, %zu warnings)\n", report.diagnostics.size(),
                report.count(Severity::Error), report.count(Severity::Warning));
    std::printf("runs         %d (the first reads files cold)\n", runs);
    std::printf("first        %.2f ms\n", first);
    std::printf("median       %.2f ms\n", millis[millis.size() / 2]);
    std::printf("min / max    %.2f / %.2f ms\n", millis.front(), millis.back());
    return 0;
}
