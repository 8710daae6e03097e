#pragma once

#include "BodyFormatter.h"
#include "ScintillaLoader.h"

#include <QFutureWatcher>
#include <QWidget>

class QLabel;
class QsciLexer;

namespace studio {

class JsonEditor;

// One request or response body in a read-only JSON editor (the studio's own: folding,
// brace matching, its light and dark colours): indented when it is JSON, as sent otherwise.
//
// A body of many megabytes never stalls the window. Its first part (64 KB) shows at once;
// a worker thread formats the whole body and loads it into a Scintilla document of its own
// (ScintillaLoader), which the editor then switches to in one step. Colouring and folding
// of a large document happen in the editor's idle time. Setting another body drops
// whatever is still on the way for the previous one.
class BodyView : public QWidget
{
    Q_OBJECT

public:
    // Bodies up to this size are formatted and shown at once on the GUI thread.
    static constexpr qsizetype kImmediateBytes = BodyFormatter::kPreviewBytes;
    // Above this size the editor stops wrapping lines (see wrapModeFor in the .cpp).
    static constexpr qsizetype kWrapLimitBytes = 16 * 1024;

    explicit BodyView(QWidget *parent = nullptr);
    ~BodyView() override;

    void setBody(const QByteArray &body);
    void clear() { setBody({}); }

    // The text the editor holds now (a preview while loading).
    QString text() const;
    bool isLoading() const { return m_loading; }
    bool showsWholeBody() const { return m_shown.complete && !m_loading; }
    bool isJson() const { return m_shown.json; }
    QString statusText() const;
    JsonEditor *editor() const { return m_editor; }

signals:
    // The whole body is in the editor.
    void loaded();

protected:
    void changeEvent(QEvent *event) override;

private:
    struct LoadedBody
    {
        FormattedBody formatted; // its text is dropped once it is in the document
        ScintillaLoader document;
    };

    void showInHomeDocument(const FormattedBody &formatted);
    void onLoaded();
    void returnHome();
    void finishLoading();
    void useLexer(bool json);
    void applyJsonLexerToDocument();
    void applyPalette();
    void updateStatus();

    JsonEditor *m_editor;
    QsciLexer *m_jsonLexer;
    QLabel *m_status;
    void *m_homeDocument; // the editor's own document, kept for small bodies
    QFutureWatcher<LoadedBody> m_watcher;
    int m_revision = 0;
    bool m_loading = false;
    FormattedBody m_shown; // what the editor shows (its text may be dropped)
};

} // namespace studio
