#pragma once

#include "BodyFormatter.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QTimer>
#include <QWidget>

class QLabel;
class QsciLexer;

namespace studio {

class JsonEditor;

// One request or response body in a read-only JSON editor (the studio's own: folding,
// brace matching, its light and dark colours): indented when it is JSON, as sent otherwise.
//
// A body of many megabytes never stalls the window. Its first part (64 KB) shows at once;
// the whole body is formatted on a worker thread and then fed to the editor in slices of a
// few milliseconds each. Setting another body drops whatever is still on the way for the
// previous one.
class BodyView : public QWidget
{
    Q_OBJECT

public:
    // Bodies up to this size are formatted at once on the GUI thread.
    static constexpr qsizetype kImmediateBytes = BodyFormatter::kPreviewBytes;
    // Above this size the editor stops wrapping lines: wrapping is laid out line by line.
    static constexpr qsizetype kWrapLimitBytes = 1024 * 1024;

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
    void show(const FormattedBody &formatted);
    void onFormatted();
    void feedSlice();
    void finishLoading();
    void useLexer(bool json);
    void applyPalette();
    void updateStatus();

    JsonEditor *m_editor;
    QsciLexer *m_jsonLexer;
    QLabel *m_status;
    QFutureWatcher<FormattedBody> m_watcher;
    QTimer m_feedTimer;
    int m_revision = 0;
    bool m_loading = false;
    FormattedBody m_shown; // what the editor shows or is being fed
    qsizetype m_fed = 0;   // bytes of m_shown.text already in the editor
};

} // namespace studio
