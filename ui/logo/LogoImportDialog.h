#pragma once

#include "LogoConverter.h"
#include "imaging/BoundedImageReader.h"

#include <QDialog>
#include <QFutureWatcher>

class QDialogButtonBox;
class QLabel;
class QSpinBox;

namespace studio {

class RoundLogoPreview;

// Pick or drop any picture and see the logo it makes: the centre square, scaled to the
// chosen size (512 px by default), as the store will crop it. Decoding and scaling run on
// a worker thread with the decoder's size limits; Save is enabled once a logo is ready.
class LogoImportDialog : public QDialog
{
    Q_OBJECT

public:
    LogoImportDialog(const QString &targetPath, int size, QWidget *parent = nullptr);
    ~LogoImportDialog() override;

    void loadFile(const QString &path);
    void setLogoSize(int size);
    int logoSize() const;
    const LogoConversion &conversion() const { return m_conversion; }
    QString errorText() const;
    bool isBusy() const { return m_watcher.isRunning(); }

signals:
    // A picture was decoded and converted, or refused (errorText() says why).
    void conversionFinished();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    struct Job
    {
        quint64 generation = 0;
        DecodedImage source;
        LogoConversion conversion;
    };

    void chooseFile();
    void start(const QString &path, QImage decoded);
    void finished();

    QLabel *m_sourceFacts;
    QLabel *m_square;
    RoundLogoPreview *m_round;
    QSpinBox *m_size;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
    QString m_path;
    QImage m_source; // the decoded picture, reused when only the size changes
    LogoConversion m_conversion;
    quint64 m_generation = 0;
    QFutureWatcher<Job> m_watcher;
};

} // namespace studio
