#pragma once

#include <QPlainTextEdit>

namespace studio {

// A read-only unified diff, coloured as a pull request shows it: added lines green, removed
// lines red, hunk headers tinted. The colours follow the palette's light or dark base.
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

    void setDiff(const QString &diff);
    LineKind lineKind(int line) const; // 0-based

    static LineKind kindOf(QStringView line, int lineNumber);

private:
    void colourLines();
};

} // namespace studio
