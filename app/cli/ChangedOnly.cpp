#include "ChangedOnly.h"

#include "export/ChangedEntries.h"
#include "git/GitBase.h"

namespace studio::cli {

namespace {

std::string baseName(const GitBaseFile &base)
{
    return base.branch + " (" + base.shortCommit() + ")";
}

std::string joined(const std::vector<std::string> &ids)
{
    std::string text;
    for (const std::string &id : ids)
        text += (text.empty() ? "" : ", ") + id;
    return text;
}

} // namespace

std::optional<ChangedOnly> keepChangedEntries(const ValidationReport &report,
                                              const DocumentInput &input, const CliIo &io)
{
    if (report.kind != DocumentKind::Index) {
        io.fail("--changed needs an index (community-plugins.json), and " + input.display +
                " is not one");
        return std::nullopt;
    }
    const GitBaseFile base = GitBase::fileAtBase(input.path);
    if (!base.ok()) {
        io.fail("--changed: cannot tell the pull request's base of " + input.display + ": " +
                base.problem);
        return std::nullopt;
    }
    std::optional<std::string_view> baseText;
    if (base.status == GitBaseFile::Status::Found)
        baseText = base.bytes;
    const auto changed = changedEntries(input.text, baseText);
    if (!changed) // not an array after all: every finding is about the whole document
        return ChangedOnly{report, {}};

    const std::size_t count = changed->ids.size();
    io.err << printable(input.display) << ": " << count << " of " << report.entryCount
           << (report.entryCount == 1 ? " entry" : " entries") << " changed since "
           << printable(baseName(base))
           << (base.status == GitBaseFile::Status::NewFile ? ", which has no such file" : "")
           << (count ? ": " + printable(joined(changed->ids)) : std::string()) << '\n';
    return ChangedOnly{report.onlyEntries(changed->indices), changed->ids};
}

} // namespace studio::cli
