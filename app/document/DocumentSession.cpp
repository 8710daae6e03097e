#include "DocumentSession.h"

#include "document/IndexValidation.h"
#include "document/ManifestDocument.h"
#include "document/ValidationScheduler.h"
#include "io/TextFile.h"
#include "repository/RepositoryFiles.h"

#include <QDir>
#include <QFileInfo>
#include <QTimer>
#include <QtConcurrent>

namespace studio {

namespace {

const QString kIndexName = QString::fromLatin1(RepositoryFiles::kIndexFileName);

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

} // namespace

DocumentSession::DocumentSession(QObject *parent)
    : QObject(parent)
    , m_document(new ManifestDocument(this))
    , m_validation(new ValidationScheduler(m_document, this))
    , m_indexValidation(new IndexValidation(this))
    , m_disk(new FileFollower(
          *m_document, [this] { return [source = m_source] { return DiskVersion::read(source); }; },
          this))
{
    m_disk->setInspector([this](DiskVersion &version) { takeIndexVersion(version); });
    connect(m_disk, &FileFollower::changedOnDisk, this, &DocumentSession::changedOnDisk);
    connect(m_disk, &FileFollower::reloadedFromDisk, this, &DocumentSession::reloadedFromDisk);
    connect(m_disk, &FileFollower::missingOnDiskChanged, this,
            &DocumentSession::missingOnDiskChanged);
    connect(m_disk, &FileFollower::checked, this, &DocumentSession::diskChecked);
    connect(&m_saveWrite, &QFutureWatcher<DocumentWrite::Result>::finished, this,
            [this] { saveWritten(false); });
    m_writer.setMaxThreadCount(1); // one save at a time, in the order asked
}

DocumentSession::~DocumentSession() = default;

QString DocumentSession::openPath(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return tr("'%1' does not exist").arg(path);
    QString root;
    if (info.isDir()) {
        if (!QFileInfo::exists(QDir(path).filePath(kIndexName)))
            return tr("'%1' is not a plugin repository: it has no %2").arg(path, kIndexName);
        root = path;
    } else if (info.fileName() == kIndexName) {
        root = info.absolutePath();
    } else {
        return openManifestFile(path);
    }
    const QString error = openRepository(root);
    if (error.isEmpty())
        return {};
    // An index that does not parse cannot be cut into entries, but it is exactly what
    // needs fixing: open it whole as text, with its syntax error in the problems list.
    const QString index = QDir(root).filePath(kIndexName);
    if (!openManifestFile(index).isEmpty())
        return error;
    emit notice(error + u' ' + tr("It is open as one text document so you can fix it."));
    return {};
}

QString DocumentSession::openRepository(const QString &root, const QString &entryId)
{
    const QString error = loadIndex(root);
    if (!error.isEmpty())
        return error;
    emit entriesChanged();
    if (m_entries.empty()) {
        newPlugin({"my-plugin", "My Plugin", "", {"memories"}}, true);
        return {};
    }
    std::size_t position = 0;
    for (const auto &entry : m_entries) {
        if (!entryId.isEmpty() && fromStd(entry.id) == entryId) {
            position = entry.position;
            break;
        }
    }
    return openEntry(position);
}

QString DocumentSession::openEntry(std::size_t position)
{
    const auto it = std::find_if(m_entries.begin(), m_entries.end(), [&](const IndexEntry &entry) {
        return entry.position == position;
    });
    if (it == m_entries.end())
        return tr("the index has no entry #%1").arg(position);
    DocumentSource source;
    source.kind = DocumentSource::Kind::IndexEntry;
    source.filePath = indexPath();
    source.repositoryRoot = m_repositoryRoot;
    source.entryId = it->id;
    source.entryPosition = it->position;
    setSource(std::move(source), it->text);
    return {};
}

QString DocumentSession::openManifestFile(const QString &path)
{
    finishSave();
    const TextFileRead read = TextFile::read(path);
    if (!read.ok)
        return fromStd(read.error);
    const QString absolute = QFileInfo(path).absoluteFilePath();
    // A manifest inside a repository checks its files against it.
    const auto root = RepositoryFiles::findRootAbove(QFileInfo(absolute).absolutePath());
    m_repositoryRoot.clear();
    m_entries.clear();
    m_indexText.clear();
    // For the sibling ids; a broken index only loses that check.
    if (!root || !loadIndex(*root).isEmpty())
        m_indexValidation->clear();
    emit entriesChanged();
    DocumentSource source;
    source.kind = DocumentSource::Kind::ManifestFile;
    source.filePath = absolute;
    source.repositoryRoot = root.value_or(QString());
    setSource(std::move(source), read.bytes);
    return {};
}

void DocumentSession::newPlugin(const NewPluginRequest &request, bool addToRepository)
{
    DocumentSource source;
    if (addToRepository && hasRepository()) {
        source.kind = DocumentSource::Kind::IndexEntry;
        source.filePath = indexPath();
        source.repositoryRoot = m_repositoryRoot;
        source.entryPosition = m_entries.size();
    }
    // A new plugin is unsaved work from the first moment.
    setSource(std::move(source), PluginTemplate::text(request), true);
}

void DocumentSession::openUntitled(const std::string &text)
{
    DocumentSource source;
    source.repositoryRoot = m_repositoryRoot;
    setSource(std::move(source), text, true);
}

void DocumentSession::openNewEntry(const std::string &text)
{
    if (!hasRepository()) {
        openUntitled(text);
        return;
    }
    DocumentSource source;
    source.kind = DocumentSource::Kind::IndexEntry;
    source.filePath = indexPath();
    source.repositoryRoot = m_repositoryRoot;
    source.entryPosition = m_entries.size();
    setSource(std::move(source), text, true);
}

void DocumentSession::closeDocument()
{
    finishSave();
    m_repositoryRoot.clear();
    m_entries.clear();
    m_indexText.clear();
    m_openedIndexRoot.clear();
    m_openedIndexText.reset();
    m_indexValidation->clear();
    emit entriesChanged();
    setSource({}, "{\n}\n");
}

void DocumentSession::save(SaveDone done)
{
    if (isSaving()) {
        afterSave([this, done = std::move(done)]() mutable { save(std::move(done)); });
        return;
    }
    DocumentWrite write;
    write.path = m_source.filePath;
    switch (m_source.kind) {
    case DocumentSource::Kind::Untitled: {
        const QString error = tr("choose where to save the new manifest first");
        emit saveFailed(error);
        if (done)
            done(error);
        return;
    }
    case DocumentSource::Kind::ManifestFile:
        break;
    case DocumentSource::Kind::IndexEntry:
        write.intoIndex = true;
        write.replaces = m_source.entryId;
        break;
    }
    startSave(std::move(write), false, std::move(done));
}

void DocumentSession::saveAs(const QString &path, SaveDone done)
{
    if (isSaving()) {
        afterSave(
            [this, path, done = std::move(done)]() mutable { saveAs(path, std::move(done)); });
        return;
    }
    DocumentWrite write;
    write.path = QFileInfo(path).absoluteFilePath();
    startSave(std::move(write), true, std::move(done));
}

void DocumentSession::startSave(DocumentWrite write, bool asNewFile, SaveDone done)
{
    write.text = m_document->text();
    m_document->beginSave();
    m_disk->holdWhileWriting(true);
    m_saving = Saving{write, asNewFile, std::move(done)};
    m_saveWrite.setFuture(
        QtConcurrent::run(&m_writer, [write = std::move(write)] { return write.run(); }));
}

void DocumentSession::afterSave(std::function<void()> then)
{
    if (!isSaving()) {
        then();
        return;
    }
    m_afterSave.push_back(std::move(then));
}

void DocumentSession::finishSave()
{
    if (!isSaving())
        return;
    m_saveWrite.waitForFinished();
    // Whoever waits for this save hears of it once the caller is done.
    saveWritten(true);
}

void DocumentSession::saveWritten(bool notifyLater)
{
    if (!m_saving || !m_saveWrite.isFinished())
        return; // applied already by finishSave
    Saving saving = std::move(*m_saving);
    m_saving.reset();
    DocumentWrite::Result result = m_saveWrite.result();
    const QString error = result.error;
    m_document->endSave(error.isEmpty());
    if (error.isEmpty())
        applySave(saving, std::move(result));
    else
        emit saveFailed(error);
    m_disk->holdWhileWriting(false);
    auto notify = [this, done = std::move(saving.done), error] {
        if (done)
            done(error);
        // One at a time: a task that saves again holds the others back until it is written.
        while (!isSaving() && !m_afterSave.empty()) {
            const std::function<void()> then = std::move(m_afterSave.front());
            m_afterSave.erase(m_afterSave.begin());
            then();
        }
    };
    if (notifyLater)
        QTimer::singleShot(0, this, std::move(notify));
    else
        notify();
}

void DocumentSession::applySave(const Saving &saving, DocumentWrite::Result result)
{
    const DocumentWrite &write = saving.write;
    if (saving.asNewFile) {
        const auto root = RepositoryFiles::findRootAbove(QFileInfo(write.path).absolutePath());
        m_source = {};
        m_source.kind = DocumentSource::Kind::ManifestFile;
        m_source.filePath = write.path;
        m_source.repositoryRoot = root.value_or(m_repositoryRoot);
        m_disk->setBaseline(write.text);
        updateValidationOptions();
        emit sourceChanged();
    } else if (!write.intoIndex) {
        m_disk->setBaseline(write.text);
    } else {
        if (result.listing.ok()) {
            m_entries = std::move(result.listing.entries);
            m_indexText = std::move(result.indexText);
            m_indexValidation->validate(m_indexText, m_repositoryRoot);
        } else {
            loadIndex(m_repositoryRoot);
        }
        const auto entry =
            std::find_if(m_entries.begin(), m_entries.end(), [&](const IndexEntry &listed) {
                return listed.position == result.entryPosition;
            });
        const bool listed = entry != m_entries.end();
        const std::optional<std::string> id = listed ? std::optional(entry->id) : m_source.entryId;
        const bool renamed = m_source.entryId != id;
        m_source.entryId = id;
        m_source.entryPosition = result.entryPosition;
        m_disk->setBaseline(listed ? entry->text : write.text);
        updateValidationOptions();
        emit entriesChanged();
        if (renamed)
            emit sourceChanged();
    }
    emit saved(write.path);
}

QString DocumentSession::indexPath() const
{
    return m_repositoryRoot.isEmpty() ? QString() : QDir(m_repositoryRoot).filePath(kIndexName);
}

int DocumentSession::currentEntryRow() const
{
    if (!m_source.isIndexEntry() || !m_source.entryId)
        return -1;
    for (std::size_t row = 0; row < m_entries.size(); ++row) {
        if (m_entries[row].position == m_source.entryPosition &&
            m_entries[row].id == *m_source.entryId)
            return static_cast<int>(row);
    }
    return -1;
}

QString DocumentSession::loadIndex(const QString &root)
{
    finishSave();
    const QString path = QDir(root).filePath(kIndexName);
    const TextFileRead read = TextFile::read(path);
    if (!read.ok)
        return fromStd(read.error);
    IndexListing listing = IndexEntries::list(read.bytes);
    if (!listing.ok())
        return tr("cannot open '%1': %2. Open the file on its own to fix it.")
            .arg(QDir::toNativeSeparators(path), fromStd(listing.error));
    m_repositoryRoot = QFileInfo(root).absoluteFilePath();
    m_entries = std::move(listing.entries);
    m_indexText = read.bytes;
    if (m_openedIndexRoot != m_repositoryRoot || !m_openedIndexText) {
        m_openedIndexRoot = m_repositoryRoot;
        m_openedIndexText = read.bytes;
    }
    m_indexValidation->validate(read.bytes, m_repositoryRoot);
    return {};
}

void DocumentSession::setContract(const Contract &contract)
{
    if (m_contract == &contract)
        return;
    m_contract = &contract;
    updateValidationOptions();
    emit contractChanged();
}

void DocumentSession::setSource(DocumentSource source, std::string text, bool modified)
{
    finishSave();
    m_source = std::move(source);
    const bool followsFile = m_source.kind == DocumentSource::Kind::ManifestFile ||
                             (m_source.isIndexEntry() && m_source.entryId);
    m_disk->setBaseline(followsFile ? std::optional(text) : std::nullopt);
    m_document->load(std::move(text), modified);
    // An entry of the index is the 2024 index's; a file or a new document says what it is
    // (from the parse the document just made).
    const Contract &told =
        m_source.isIndexEntry() ? Contract::plugins2024() : Contract::detect(m_document->parse());
    const bool contractChanges = m_contract != &told;
    m_contract = &told;
    updateValidationOptions();
    m_validation->validateNow();
    emit sourceChanged();
    if (contractChanges)
        emit contractChanged();
}

QString DocumentSession::filesFolder() const
{
    if (m_contract->indexed())
        return m_source.repositoryRoot;
    // An app's files (its logo) are beside it; an untitled one has none yet.
    return m_source.filePath.isEmpty() ? QString() : QFileInfo(m_source.filePath).absolutePath();
}

LogoLocation DocumentSession::logoFile() const
{
    return m_contract->logoFile(m_document->manifest().image, filesFolder());
}

void DocumentSession::updateValidationOptions()
{
    m_validation->setContract(*m_contract);
    ValidationOptions options;
    if (const QString folder = filesFolder(); !folder.isEmpty())
        options.repositoryRoot = folder;
    if (!m_contract->indexed()) {
        m_validation->setOptions(std::move(options));
        return;
    }
    // The other entries of the index, for the duplicate id check.
    for (const auto &entry : m_entries) {
        const bool self = m_source.isIndexEntry() && m_source.entryId &&
                          entry.position == m_source.entryPosition && entry.id == *m_source.entryId;
        if (!self)
            options.siblings.push_back({entry.id, entry.author});
    }
    m_validation->setOptions(std::move(options));
}

void DocumentSession::checkDisk()
{
    if (m_source.kind == DocumentSource::Kind::Untitled)
        return;
    m_disk->check();
}

void DocumentSession::takeIndexVersion(DiskVersion &version)
{
    if (!version.indexText || !version.listing.ok() || *version.indexText == m_indexText)
        return;
    m_entries = std::move(version.listing.entries);
    m_indexText = std::move(*version.indexText);
    if (version.entryPosition)
        m_source.entryPosition = *version.entryPosition;
    updateValidationOptions();
    emit entriesChanged();
}

void DocumentSession::reloadFromDisk()
{
    m_disk->reloadFromDisk();
}

void DocumentSession::keepEditsOverDisk()
{
    m_disk->keepEditsOverDisk();
}

const std::optional<std::string> &DocumentSession::changedDiskText() const
{
    return m_disk->changedDiskText();
}

bool DocumentSession::isMissingOnDisk() const
{
    return m_disk->isMissingOnDisk();
}

const QString &DocumentSession::missingReason() const
{
    return m_disk->missingReason();
}

} // namespace studio
