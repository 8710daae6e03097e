#pragma once

#include "TextDocument.h"
#include "edit/JsonEdit.h"
#include "json/JsonParser.h"
#include "manifest/PluginManifest.h"

#include <QString>

#include <vector>

namespace studio {

// The one document both views edit. The JSON text is the single source of truth: the form
// and the text editor both change it through splices, so formatting survives and nothing
// the user typed is rewritten. It keeps the parse of the current text and the typed
// manifest of the last text that parsed, which the form shows while the text is broken.
// Every change goes through one undo stack (TextDocument), whichever view it came from.
class ManifestDocument : public TextDocument
{
    Q_OBJECT

public:
    explicit ManifestDocument(QObject *parent = nullptr);
    ~ManifestDocument() override;

    const JsonParseResult &parse() const { return m_parse; }
    bool parses() const { return m_parse.ok(); }
    // The value and manifest of the last text that parsed (the current one when it does).
    const Json &lastGoodValue() const { return m_lastGoodValue; }
    const PluginManifest &manifest() const { return m_manifest; }

    // A change by meaning, from the form or a tool, as one undo step named `description`.
    // Consecutive edits with the same non-empty `mergeKey` (typing in one field) merge into
    // one step. Returns why the edit was refused, or "" when it was made.
    QString edit(const QString &description, const std::vector<JsonEdit> &edits,
                 const QString &mergeKey = {}, EditOrigin origin = EditOrigin::Form);

signals:
    // An edit by meaning could not be made; says why.
    void editRefused(const QString &reason);

protected:
    void textChanged(bool loaded) override;

private:
    void reparse();

    JsonParseResult m_parse;
    Json m_lastGoodValue;
    PluginManifest m_manifest;
};

} // namespace studio
