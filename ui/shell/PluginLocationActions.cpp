#include "PluginLocationActions.h"

#include "actions/ActionRegistry.h"
#include "document/DocumentSession.h"
#include "document/ManifestDocument.h"
#include "project/CliCommand.h"
#include "project/SampleRepository.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QUrl>

namespace studio {

PluginLocationActions::PluginLocationActions(ActionRegistry &actions, DocumentSession &session,
                                             QObject *parent)
    : QObject(parent)
    , m_actions(actions)
    , m_session(session)
{
    connect(actions.action(ActionId::RevealInFileManager), &QAction::triggered, this, [this] {
        if (!QDesktopServices::openUrl(QUrl::fromLocalFile(folder())))
            emit message(tr("No file manager opened %1.").arg(QDir::toNativeSeparators(folder())));
    });
    connect(actions.action(ActionId::CopyValidateCommand), &QAction::triggered, this,
            [this] { copy(validateCommand()); });
    connect(actions.action(ActionId::CopySimulateCommand), &QAction::triggered, this,
            [this] { copy(simulateCommand()); });
    connect(&session, &DocumentSession::sourceChanged, this, &PluginLocationActions::update);
    connect(session.document(), &ManifestDocument::changed, this, &PluginLocationActions::update);
    update();
}

QString PluginLocationActions::folder() const
{
    const DocumentSource &source = m_session.source();
    if (source.hasRepository())
        return source.repositoryRoot;
    return source.filePath.isEmpty() ? QString() : QFileInfo(source.filePath).absolutePath();
}

QString PluginLocationActions::validateCommand() const
{
    return CliCommand::validate(m_session.source());
}

QString PluginLocationActions::simulateCommand() const
{
    return CliCommand::simulate(m_session.source(), m_session.document()->manifest(),
                                SampleRepository::sampleTranscript());
}

void PluginLocationActions::update()
{
    m_actions.action(ActionId::RevealInFileManager)->setEnabled(!folder().isEmpty());
    m_actions.action(ActionId::CopyValidateCommand)->setEnabled(!validateCommand().isEmpty());
    m_actions.action(ActionId::CopySimulateCommand)->setEnabled(!simulateCommand().isEmpty());
}

void PluginLocationActions::copy(const QString &command)
{
    if (command.isEmpty())
        return;
    QApplication::clipboard()->setText(command);
    // The command reads the file: unsaved edits are not in it yet.
    emit message(m_session.document()->isModified()
                     ? tr("Copied (it checks the saved file; save first): %1").arg(command)
                     : tr("Copied: %1").arg(command));
}

} // namespace studio
