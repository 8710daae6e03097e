#pragma once

#include "export/WordDiff.h"

#include <QHash>
#include <QPlainTextEdit>

#include <vector>

namespace studio {

// A read-only unified diff, coloured as a pull request shows it: added lines green, removed
// lines red, hunk headers tinted, and the changed words of a changed line on a stronger
// shade. The colours follow the palette's light or dark base.
class DiffView : public QPlainTextEdit
{
    Q_OBJECT

public:
    enum class LineKind
    {
        Context,
        Added,
        Removed,
        Hunk,
        FileHeader,
        Note
    };

    explicit DiffView(QWidget *parent = nullptr);

    // `marks`: the changed words (WordDiff::marks of the same text).
    void setDiff(const QString &diff, const std::vector<DiffLineMarks> &marks = {});
    LineKind lineKind(int line) const; // 0-based
    // The marked words of a line, as character positions within it.
    QList<std::pair<int, int>> wordMarks(int line) const;

    static LineKind kindOf(QStringView line, int lineNumber);

private:
    void colourLines();
    void markWords(const std::vector<DiffLineMarks> &marks);

    QHash<int, QList<std::pair<int, int>>> m_wordMarks; // line -> [begin, end)
};

} // namespace studio
