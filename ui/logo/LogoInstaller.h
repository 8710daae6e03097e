#pragma once

#include <QByteArray>
#include <QString>

namespace studio {

class ManifestDocument;

// Puts a converted logo into the repository as /plugins/logos/<id>.png and points the
// manifest's image at it, as ONE step of the document's history: undo restores the old
// file (or removes the new one) together with the old text.
class LogoInstaller
{
public:
    // Returns "" on success, else why nothing was changed.
    static QString install(ManifestDocument &document, const QString &repositoryRoot,
                           const QByteArray &png);
    // The repository path the logo of `id` goes to.
    static QString targetPath(const std::string &id);
};

} // namespace studio
