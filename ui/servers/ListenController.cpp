#include "ListenController.h"

#include "AnswerJson.h"
#include "listen/FixtureFolder.h"
#include "listen/TrafficCatcher.h"
#include "server/HttpServer.h"

#include <QDir>
#include <QtConcurrent/QtConcurrentRun>

namespace studio {

ListenController::ListenController(QObject *parent)
    : QObject(parent)
{
    connect(&m_prepare, &QFutureWatcherBase::finished, this, &ListenController::folderPrepared);
}

ListenController::~ListenController()
{
    m_prepare.waitForFinished(); // a mkdir at most
}

QString ListenController::defaultFolder()
{
    return QDir::home().filePath(QStringLiteral("plugin-studio-recordings"));
}

QString ListenController::baseUrl() const
{
    return m_catcher && isListening() ? m_catcher->baseUrl() : QString();
}

quint16 ListenController::port() const
{
    return m_catcher && isListening() ? m_catcher->server().port() : m_options.port;
}

void ListenController::start(const Options &options)
{
    m_catcher.reset();
    m_options = options;
    QString folder = options.folder.trimmed();
    if (folder == u"~" || folder.startsWith(QStringLiteral("~/")))
        folder = QDir::homePath() + folder.mid(1); // as a shell would
    m_options.folder = QDir::cleanPath(QDir(folder).absolutePath());
    m_caught = 0;
    const quint64 revision = ++m_revision;
    if (const QString problem = AnswerJson::problem(options.answer); !problem.isEmpty()) {
        fail(tr("The answer is not JSON (%1).").arg(problem));
        return;
    }
    m_state = State::Starting;
    m_error.clear();
    emit stateChanged();
    m_prepare.setFuture(QtConcurrent::run([revision, folder = m_options.folder] {
        return std::pair(revision, FixtureFolder::prepare(folder));
    }));
}

void ListenController::folderPrepared()
{
    const auto [revision, problem] = m_prepare.result();
    if (revision != m_revision || m_state != State::Starting)
        return;
    if (!problem.empty()) {
        fail(tr("The folder %1 cannot hold the recordings: %2")
                 .arg(QDir::toNativeSeparators(m_options.folder), QString::fromStdString(problem)));
        return;
    }
    HttpServerOptions server;
    server.port = m_options.port;
    server.keptRequests = 0; // each request is shown and recorded, then forgotten here
    auto catcher = std::make_unique<TrafficCatcher>(server, m_options.folder, m_options.answer);
    if (!catcher->isListening()) {
        fail(catcher->errorString());
        return;
    }
    connect(catcher.get(), &TrafficCatcher::caught, this, [this](const CaughtRequest &request) {
        ++m_caught;
        emit caught(request);
    });
    m_catcher = std::move(catcher);
    m_state = State::Listening;
    emit stateChanged();
}

void ListenController::stop()
{
    ++m_revision;
    m_catcher.reset(); // closes the port and joins the server thread
    m_state = State::Stopped;
    m_error.clear();
    emit stateChanged();
}

void ListenController::fail(const QString &error)
{
    m_catcher.reset();
    m_state = State::Failed;
    // The server's words start lower case ("cannot listen on ..."); here they are a sentence.
    m_error = error.isEmpty() ? error : error.front().toUpper() + error.mid(1);
    emit stateChanged();
}

} // namespace studio
