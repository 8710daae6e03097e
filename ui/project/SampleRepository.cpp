#include "SampleRepository.h"

#include "io/DataFolder.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace studio {

namespace {

const QString kWorkingCopyName = QStringLiteral("sample-repository");

bool isRepository(const QString &path)
{
    return QFileInfo::exists(path + QStringLiteral("/community-plugins.json"));
}

bool copyTree(const QString &from, const QString &to)
{
    QDirIterator files(from, QDir::Files, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString source = files.next();
        const QString target = to + u'/' + QDir(from).relativeFilePath(source);
        if (!QDir().mkpath(QFileInfo(target).absolutePath()))
            return false;
        if (!QFileInfo::exists(target) && !QFile::copy(source, target))
            return false;
        QFile::setPermissions(target, QFile::permissions(target) | QFileDevice::WriteOwner);
    }
    return true;
}

} // namespace

QString SampleRepository::bundledPath()
{
    QStringList candidates;
#ifdef STUDIO_SAMPLES_DIR
    candidates << QStringLiteral(STUDIO_SAMPLES_DIR "/repo");
#endif
    const QString binary = QCoreApplication::applicationDirPath();
    candidates << binary + QStringLiteral("/../share/plugin-studio/samples/repo");
    for (const QString &data :
         QStandardPaths::standardLocations(QStandardPaths::GenericDataLocation))
        candidates << data + QStringLiteral("/plugin-studio/samples/repo");
    for (const QString &candidate : candidates) {
        if (isRepository(candidate))
            return QDir::cleanPath(candidate);
    }
    return {};
}

QString SampleRepository::workingCopy()
{
    const QString copy = workingCopyPath();
    if (isRepository(copy))
        return copy;
    if (!moveLegacyCopy() && isRepository(legacyWorkingCopyPath()))
        return legacyWorkingCopyPath(); // could not be moved: the user's edits stay in use
    if (isRepository(copy))
        return copy;
    const QString bundled = bundledPath();
    if (bundled.isEmpty())
        return {};
    if (!copyTree(bundled, copy))
        return bundled; // read-only use is better than none
    return copy;
}

QString SampleRepository::sampleTranscript()
{
    const QString bundled = bundledPath();
    if (bundled.isEmpty())
        return {};
    const QString transcript =
        QDir::cleanPath(bundled + QStringLiteral("/../transcripts/coffee-chat-3min.json"));
    return QFileInfo::exists(transcript) ? transcript : QString();
}

QString SampleRepository::workingCopyPath()
{
    return DataFolder::filePath(kWorkingCopyName);
}

QString SampleRepository::legacyWorkingCopyPath()
{
    return QDir(DataFolder::legacyPath()).filePath(kWorkingCopyName);
}

std::optional<SampleRepository::Move> SampleRepository::moveLegacyCopy()
{
    const QString from = legacyWorkingCopyPath();
    if (!isRepository(from) || !DataFolder::moveFromLegacy(kWorkingCopyName))
        return std::nullopt;
    return Move{from, workingCopyPath()};
}

} // namespace studio
