#pragma once

#include "EditOrigin.h"
#include "edit/TextSplice.h"

#include <QUndoCommand>

#include <vector>

namespace studio {

class TextDocument;

// One step of the shared history: splices of the document's text. Undo applies their
// inverses in reverse order. Keystrokes merge into typing runs and consecutive edits of
// one form field into one step, as a user expects from a text editor.
class SpliceCommand : public QUndoCommand
{
public:
    enum class Merge
    {
        Never,
        Typing,
        SameField
    };

    SpliceCommand(TextDocument *document, std::vector<TextSplice> splices,
                  const QString &description, EditOrigin origin, Merge merge = Merge::Never,
                  QUndoCommand *parent = nullptr);

    void setMergeKey(const QString &key) { m_mergeKey = key; }

    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    TextDocument *m_document;
    std::vector<TextSplice> m_splices;
    EditOrigin m_origin;
    Merge m_merge;
    QString m_mergeKey;
    bool m_firstRedo = true;
};

} // namespace studio
