#pragma once

#include <QToolButton>

namespace studio {

class Contract;
class DocumentSession;

// The status bar's "Contract: ..." button: which app the open document is checked and
// simulated for, a menu to choose another, and what differs between them.
class ContractChoice : public QToolButton
{
    Q_OBJECT

public:
    ContractChoice(DocumentSession &session, QWidget *parent = nullptr);

    // The differences of every contract, as the "What differs" dialog shows them.
    static QString differencesText();

private:
    void follow();
    void showDifferences();

    DocumentSession &m_session;
};

} // namespace studio
