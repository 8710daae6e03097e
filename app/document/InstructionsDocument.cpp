#include "InstructionsDocument.h"

#include "FileFollower.h"
#include "markdown/InstructionsFile.h"
#include "markdown/InstructionsTemplate.h"
#include "repository/RepositoryFiles.h"

#include <QFileInfo>

namespace studio {

namespace {

// The instructions as on disk now; a file that cannot be read is no text, like a deleted one.
DiskVersion readInstructions(const QString &path)
{
    DiskVersion version;
    if (!QFileInfo(path).isFile())
        return version;
    TextFileRead read = InstructionsFile::read(path);
    if (read.ok)
        version.text = std::move(read.bytes);
    return version;
}

} // namespace

InstructionsDocument::InstructionsDocument(QObject *parent)
    : TextDocument(parent)
    , m_disk(new FileFollower(
          *this, [this] { return [path = filePath()] { return readInstructions(path); }; }, this))
{}

InstructionsDocument::~InstructionsDocument() = default;

bool InstructionsDocument::setLocation(std::string repositoryPath,
                                       std::optional<QString> repositoryRoot)
{
    if (repositoryPath == m_repositoryPath && repositoryRoot == m_repositoryRoot &&
        m_state == State::Open)
        return false;
    m_repositoryPath = std::move(repositoryPath);
    m_repositoryRoot = std::move(repositoryRoot);
    open();
    return true;
}

QString InstructionsDocument::filePath() const
{
    if (!m_repositoryRoot || !RepositoryFiles::pathProblem(m_repositoryPath).empty())
        return {};
    return RepositoryFiles(*m_repositoryRoot).absolutePath(m_repositoryPath);
}

void InstructionsDocument::open()
{
    if (m_repositoryPath.empty()) {
        close(State::NoPath);
        return;
    }
    if (const auto problem = RepositoryFiles::pathProblem(m_repositoryPath); !problem.empty()) {
        close(State::NoPath, QString::fromStdString(problem));
        return;
    }
    if (!m_repositoryRoot) {
        close(State::NoRepository);
        return;
    }
    if (!QFileInfo::exists(filePath())) {
        close(State::Missing);
        return;
    }
    TextFileRead read = InstructionsFile::read(filePath());
    if (!read.ok) {
        close(State::Unreadable, QString::fromStdString(read.error));
        return;
    }
    const bool changed = m_state != State::Open;
    m_state = State::Open;
    m_problem.clear();
    m_disk->setBaseline(read.bytes);
    load(std::move(read.bytes));
    if (changed)
        emit stateChanged(m_state);
    emit opened(filePath());
}

void InstructionsDocument::close(State state, const QString &problem)
{
    const bool changed = state != m_state;
    m_state = state;
    m_problem = problem;
    m_disk->setBaseline(std::nullopt);
    load({});
    if (changed)
        emit stateChanged(state);
}

bool InstructionsDocument::save()
{
    if (m_state != State::Open) {
        fail(tr("There are no open instructions to save."));
        return false;
    }
    const std::string error = InstructionsFile::write(filePath(), text());
    if (!error.empty()) {
        fail(QString::fromStdString(error));
        return false;
    }
    m_disk->setBaseline(text());
    markSaved();
    emit saved(filePath());
    return true;
}

bool InstructionsDocument::createFromTemplate(const PluginManifest &manifest)
{
    if (m_repositoryPath.empty() || filePath().isEmpty()) {
        fail(tr("The plugin has no instructions path in a known repository."));
        return false;
    }
    if (QFileInfo::exists(filePath())) {
        fail(tr("%1 already exists; it is not replaced.").arg(filePath()));
        return false;
    }
    const std::string error =
        InstructionsFile::write(filePath(), InstructionsTemplate::text(manifest));
    if (!error.empty()) {
        fail(QString::fromStdString(error));
        return false;
    }
    open();
    return m_state == State::Open;
}

void InstructionsDocument::reload()
{
    open();
}

bool InstructionsDocument::openIfClosed()
{
    if (m_state != State::Missing && m_state != State::Unreadable)
        return false;
    open();
    return true;
}

bool InstructionsDocument::restoreText(const std::string &text)
{
    if (m_state != State::Open)
        return false;
    replaceText(text, tr("Restore Unsaved Edits"));
    return true;
}

void InstructionsDocument::checkDisk()
{
    if (m_state == State::Open && m_disk->isFollowing())
        m_disk->check();
}

void InstructionsDocument::fail(const QString &message)
{
    m_lastError = message;
    emit errorOccurred(message);
}

} // namespace studio
