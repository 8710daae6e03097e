#include "ManifestDocument.h"

#include "SpliceCommand.h"
#include "edit/JsonEditSplicer.h"

#include <QUndoStack>

namespace studio {

ManifestDocument::ManifestDocument(QObject *parent)
    : TextDocument(parent)
{
    reparse();
}

ManifestDocument::~ManifestDocument() = default;

QString ManifestDocument::edit(const QString &description, const std::vector<JsonEdit> &edits,
                               const QString &mergeKey, EditOrigin origin)
{
    JsonEditsResult result = JsonEditSplicer::applyAll(text(), edits);
    if (!result.ok()) {
        const QString reason = QString::fromStdString(result.error);
        emit editRefused(reason);
        return reason;
    }
    if (result.splices.empty())
        return {};
    auto *command = new SpliceCommand(this, std::move(result.splices), description, origin,
                                      mergeKey.isEmpty() ? SpliceCommand::Merge::Never
                                                         : SpliceCommand::Merge::SameField);
    command->setMergeKey(mergeKey);
    undoStack()->push(command);
    return {};
}

void ManifestDocument::textChanged(bool loaded)
{
    if (loaded) {
        m_lastGoodValue = Json::object();
        m_manifest = {};
    }
    reparse();
}

void ManifestDocument::reparse()
{
    m_parse = parseJson(text());
    if (m_parse.ok()) {
        m_lastGoodValue = m_parse.value;
        m_manifest = PluginManifest::fromJson(m_lastGoodValue);
    }
}

} // namespace studio
