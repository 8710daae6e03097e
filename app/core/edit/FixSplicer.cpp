#include "FixSplicer.h"

#include "JsonEditSplicer.h"

namespace studio {

namespace {

FixSplices refused(std::string why)
{
    FixSplices result;
    result.error = std::move(why);
    return result;
}

FixSplices replace(std::string_view text, const Fix &fix)
{
    if (fix.span.begin > fix.span.end || fix.span.end > text.size())
        return refused("the text changed since the problem was found");
    FixSplices result;
    TextSplice splice{fix.span.begin,
                      std::string(text.substr(fix.span.begin, fix.span.end - fix.span.begin)),
                      fix.text};
    result.text = std::string(text);
    splice.applyTo(result.text);
    result.splices.push_back(std::move(splice));
    return result;
}

FixSplices move(std::string_view text, const std::string &pointer, const Fix &fix)
{
    const JsonParseResult parsed = parseJson(text);
    if (!parsed.ok())
        return refused("the text does not parse");
    const Json::json_pointer from(pointer);
    if (!parsed.value.contains(from))
        return refused("the member is not there any more");
    if (parsed.value.contains(Json::json_pointer(fix.target)))
        return refused(fix.target + " is already there; merge the two by hand");
    JsonEditsResult edits = JsonEditSplicer::applyAll(
        text, {JsonEdit::remove(pointer), JsonEdit::set(fix.target, parsed.value.at(from))});
    if (!edits.ok())
        return refused(std::move(edits.error));
    return {std::move(edits.splices), std::move(edits.text), {}};
}

} // namespace

FixSplices FixSplicer::apply(std::string_view text, const Diagnostic &diagnostic)
{
    if (!diagnostic.fix)
        return refused("this problem has no automatic fix");
    const Fix &fix = *diagnostic.fix;
    return fix.kind == Fix::Kind::Replace ? replace(text, fix)
                                          : move(text, diagnostic.pointer, fix);
}

} // namespace studio
