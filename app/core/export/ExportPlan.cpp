#include "ExportPlan.h"

#include "repository/RepositoryFiles.h"
#include "io/TextFile.h"
#include "manifest/SubmissionJson.h"

#include <QDir>
#include <QFileInfo>

namespace studio {

namespace {

// Where the index sits in the repository, as a pull request names it.
std::string repositoryPathOf(const QString &indexPath, const QString &repositoryRoot)
{
    const QString fallback = QString::fromLatin1(RepositoryFiles::kIndexFileName);
    if (repositoryRoot.isEmpty())
        return "/" + QFileInfo(indexPath).fileName().toStdString();
    const QString relative =
        QDir(repositoryRoot).relativeFilePath(QFileInfo(indexPath).absoluteFilePath());
    if (relative.isEmpty() || relative.startsWith(QLatin1String("..")))
        return "/" +
               (indexPath.isEmpty() ? fallback : QFileInfo(indexPath).fileName()).toStdString();
    return "/" + relative.toStdString();
}

void patchIndex(ExportPlan &plan, const Json &entry, const DiffBaseRequest &baseRequest)
{
    const TextFileRead index = TextFile::read(*plan.indexPath);
    if (!index.ok) {
        plan.indexProblem = index.error;
        return;
    }
    plan.indexOriginal = index.bytes;
    const IndexSplice patch = IndexSplicer::upsert(index.bytes, entry);
    if (!patch.ok()) {
        plan.indexProblem = patch.error;
        return;
    }
    plan.indexPatched = patch.text;
    plan.indexAction = patch.action;
    plan.entryIndex = patch.entryIndex;
    plan.base = DiffBase::resolve(*plan.indexPath, plan.indexOriginal, baseRequest);
    const std::string name = plan.indexRepositoryPath.substr(1);
    plan.diff = UnifiedDiff::between(plan.base.text, plan.indexPatched,
                                     {.oldName = "a/" + name, .newName = "b/" + name});
    plan.wordMarks = WordDiff::marks(plan.diff.text);
}

} // namespace

ExportPlan ExportPlan::prepare(const ExportRequest &request)
{
    ExportPlan plan;
    if (request.entry.is_object()) {
        const auto id = request.entry.find("id");
        if (id != request.entry.end() && id->is_string())
            plan.entryId = id->get<std::string>();
    }
    plan.submissionJson = studio::submissionJson(request.entry);
    for (const Diagnostic &diagnostic : request.report.diagnostics) {
        if (diagnostic.severity() == Severity::Error)
            plan.errors.push_back(
                {std::string(diagnostic.code()), diagnostic.message, diagnostic.start.line});
        else if (diagnostic.severity() == Severity::Warning)
            ++plan.warningCount;
    }

    plan.indexRepositoryPath = "/" + std::string(RepositoryFiles::kIndexFileName);
    if (request.indexPath) {
        plan.indexPath = request.indexPath;
        plan.indexRepositoryPath = repositoryPathOf(*request.indexPath, request.repositoryRoot);
        patchIndex(plan, request.entry, request.base);
    }
    plan.files = submissionFiles(request.entry, request.repositoryRoot, plan.indexRepositoryPath);
    return plan;
}

} // namespace studio
