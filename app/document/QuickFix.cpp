#include "QuickFix.h"

#include "ManifestDocument.h"
#include "edit/FixSplicer.h"

#include <QCoreApplication>
#include <QUndoStack>

namespace studio {

namespace {

QString splice(TextDocument &document, const Diagnostic &diagnostic)
{
    FixSplices fix = FixSplicer::apply(document.text(), diagnostic);
    if (!fix.ok())
        return QString::fromStdString(fix.error);
    document.undoStack()->push(document.createSpliceCommand(
        std::move(fix.splices), QString::fromStdString(diagnostic.fix->title), EditOrigin::Tool));
    return {};
}

} // namespace

QString QuickFix::apply(ManifestDocument &document, const Diagnostic &diagnostic)
{
    if (!diagnostic.file.empty())
        return QCoreApplication::translate("studio::QuickFix", "the problem is in another file");
    return splice(document, diagnostic);
}

QString QuickFix::applyInFile(TextDocument &document, const Diagnostic &diagnostic)
{
    if (diagnostic.file.empty())
        return QCoreApplication::translate("studio::QuickFix",
                                           "the problem is in the manifest, not in this file");
    return splice(document, diagnostic);
}

} // namespace studio
