#include "ContractChoice.h"

#include "contract/Contract.h"
#include "document/DocumentSession.h"

#include <QActionGroup>
#include <QMenu>
#include <QMessageBox>

namespace studio {

namespace {

QString nameOf(const Contract &contract)
{
    return QString::fromLatin1(contract.name().data(), qsizetype(contract.name().size()));
}

} // namespace

ContractChoice::ContractChoice(DocumentSession &session, QWidget *parent)
    : QToolButton(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("contractChoice"));
    setPopupMode(QToolButton::InstantPopup);
    setAutoRaise(true);
    auto *menu = new QMenu(this);
    auto *group = new QActionGroup(menu);
    for (const Contract *contract : Contract::all()) {
        QAction *action = menu->addAction(
            tr("%1 (%2)").arg(contract->title(), nameOf(*contract)));
        action->setObjectName(nameOf(*contract));
        action->setCheckable(true);
        action->setToolTip(contract->differences());
        group->addAction(action);
        connect(action, &QAction::triggered, this,
                [this, contract] { m_session.setContract(*contract); });
    }
    menu->addSeparator();
    menu->addAction(tr("What Differs..."), this, &ContractChoice::showDifferences);
    setMenu(menu);
    connect(&session, &DocumentSession::contractChanged, this, &ContractChoice::follow);
    follow();
}

QString ContractChoice::differencesText()
{
    QString text;
    for (const Contract *contract : Contract::all())
        text += QStringLiteral("<p><b>%1</b> (<code>%2</code>)<br>%3</p>")
                    .arg(contract->title().toHtmlEscaped(), nameOf(*contract),
                         contract->differences().toHtmlEscaped());
    return text + tr("<p>The open document is checked and simulated under the contract shown "
                     "in the status bar; the command line takes <code>--contract</code>.</p>");
}

void ContractChoice::follow()
{
    const Contract &contract = m_session.contract();
    setText(tr("Contract: %1").arg(contract.title()));
    setToolTip(tr("Checked and simulated as the %1 (%2) expects. Click to choose another.\n\n%3")
                   .arg(contract.title(), nameOf(contract), contract.differences()));
    for (QAction *action : menu()->actions())
        if (action->isCheckable())
            action->setChecked(action->objectName() == nameOf(contract));
}

void ContractChoice::showDifferences()
{
    QMessageBox box(QMessageBox::Information, tr("Contracts"), differencesText(),
                    QMessageBox::Close, window());
    box.setTextFormat(Qt::RichText);
    box.exec();
}

} // namespace studio
