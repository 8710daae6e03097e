#pragma once

#include <QDialog>
#include <QList>
#include <QString>

namespace studio {

// Help > About: the build (version, commit, licence, home page) and the libraries it runs
// on with their versions, to paste into a bug report.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    struct Library
    {
        QString name;
        QString version;
    };

    explicit AboutDialog(QWidget *parent = nullptr);

    // Qt as loaded at run time; the others as linked (libcurl and cmark-gfm report their
    // own), or as compiled in for the header-only nlohmann/json and QScintilla's headers.
    static QList<Library> libraries();
    // The whole of it as plain text, what "Copy" puts on the clipboard.
    static QString text();
};

} // namespace studio
