#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace studio {

// The strip above the form saying why the form cannot follow the text right now (a
// syntax error, a document that is not a manifest), with a button to the error.
class ParseBanner : public QFrame
{
    Q_OBJECT

public:
    explicit ParseBanner(QWidget *parent = nullptr);

    void showMessage(const QString &message, bool canJump);
    QString message() const;

signals:
    void jumpRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyColours();

    QLabel *m_icon;
    QLabel *m_text;
    QPushButton *m_jump;
};

} // namespace studio
