#include "QuickFix.h"

#include "ManifestDocument.h"
#include "json/JsonPointer.h"

#include <QCoreApplication>
#include <QUndoStack>

namespace studio {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("studio::QuickFix", text);
}

QString applyReplace(ManifestDocument &document, const Fix &fix)
{
    const std::string &text = document.text();
    if (fix.span.begin > fix.span.end || fix.span.end > text.size())
        return tr("the text changed since the problem was found");
    TextSplice splice{fix.span.begin, text.substr(fix.span.begin, fix.span.end - fix.span.begin),
                      fix.text};
    document.undoStack()->push(document.createSpliceCommand(
        {std::move(splice)}, QString::fromStdString(fix.title), EditOrigin::Tool));
    return {};
}

QString applyMove(ManifestDocument &document, const std::string &pointer, const Fix &fix)
{
    if (!document.parses())
        return tr("the text does not parse");
    const Json &root = document.parse().value;
    const Json::json_pointer from(pointer);
    if (!root.contains(from))
        return tr("the member is not there any more");
    if (root.contains(Json::json_pointer(fix.target)))
        return tr("%1 is already there; merge the two by hand")
            .arg(QString::fromStdString(fix.target));
    return document.edit(QString::fromStdString(fix.title),
                         {JsonEdit::remove(pointer), JsonEdit::set(fix.target, root.at(from))}, {},
                         EditOrigin::Tool);
}

} // namespace

QString QuickFix::apply(ManifestDocument &document, const Diagnostic &diagnostic)
{
    if (!diagnostic.fix)
        return tr("this problem has no automatic fix");
    if (!diagnostic.file.empty())
        return tr("the problem is in another file");
    const Fix &fix = *diagnostic.fix;
    return fix.kind == Fix::Kind::Replace ? applyReplace(document, fix)
                                          : applyMove(document, diagnostic.pointer, fix);
}

} // namespace studio
