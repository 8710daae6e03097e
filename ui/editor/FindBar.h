#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace studio {

class JsonEditor;

// A find bar under the text editor: type to find, Return / Shift+Return for the next and
// previous match, Escape to close and go back to the text.
class FindBar : public QWidget
{
    Q_OBJECT

public:
    explicit FindBar(JsonEditor *editor, QWidget *parent = nullptr);

    // Shows the bar with the editor's selection (if any) as the text to find.
    void activate();
    void findNext();
    void findPrevious();
    QLineEdit *field() const { return m_field; }

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    bool find(bool forward, bool fromSelectionStart);

    JsonEditor *m_editor;
    QLineEdit *m_field;
    QCheckBox *m_matchCase;
    QLabel *m_status;
};

} // namespace studio
