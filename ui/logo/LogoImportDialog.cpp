#include "LogoImportDialog.h"

#include "RoundLogoPreview.h"

#include <QDialogButtonBox>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace studio {

namespace {

QString localFileOf(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    const QList<QUrl> urls = mime->urls();
    return urls.size() == 1 && urls.first().isLocalFile() ? urls.first().toLocalFile() : QString();
}

} // namespace

LogoImportDialog::LogoImportDialog(const QString &targetPath, int size, QWidget *parent)
    : QDialog(parent)
    , m_sourceFacts(new QLabel(this))
    , m_square(new QLabel(this))
    , m_round(new RoundLogoPreview(128, this))
    , m_size(new QSpinBox(this))
    , m_message(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Import Logo"));
    setAcceptDrops(true);
    m_square->setFixedSize(128, 128);
    m_square->setAlignment(Qt::AlignCenter);
    m_square->setFrameShape(QFrame::StyledPanel);
    m_size->setRange(64, 2048);
    m_size->setSingleStep(64);
    m_size->setSuffix(tr(" px"));
    m_size->setValue(size);
    m_message->setWordWrap(true);
    m_sourceFacts->setWordWrap(true);
    m_sourceFacts->setText(tr("Choose a picture, or drop one here."));
    m_buttons->button(QDialogButtonBox::Save)->setText(tr("Save Logo"));
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(false);
    auto *choose = m_buttons->addButton(tr("Choose Picture..."), QDialogButtonBox::ActionRole);

    auto *previews = new QHBoxLayout;
    auto *squareColumn = new QVBoxLayout;
    squareColumn->addWidget(m_square);
    squareColumn->addWidget(new QLabel(tr("The file"), this), 0, Qt::AlignHCenter);
    auto *roundColumn = new QVBoxLayout;
    roundColumn->addWidget(m_round);
    roundColumn->addWidget(new QLabel(tr("In the store"), this), 0, Qt::AlignHCenter);
    previews->addLayout(squareColumn);
    previews->addSpacing(16);
    previews->addLayout(roundColumn);
    previews->addStretch(1);

    auto *form = new QFormLayout;
    form->addRow(tr("Picture"), m_sourceFacts);
    form->addRow(tr("Logo size"), m_size);
    form->addRow(
        tr("Saved as"),
        new QLabel(QStringLiteral("<code>%1</code>").arg(targetPath.toHtmlEscaped()), this));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(previews);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);

    connect(&m_watcher, &QFutureWatcher<Job>::finished, this, &LogoImportDialog::finished);
    connect(m_size, &QSpinBox::valueChanged, this, [this] {
        if (!m_source.isNull())
            start(m_path, m_source);
    });
    connect(choose, &QPushButton::clicked, this, &LogoImportDialog::chooseFile);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

LogoImportDialog::~LogoImportDialog()
{
    m_watcher.waitForFinished();
}

void LogoImportDialog::loadFile(const QString &path)
{
    m_source = {};
    start(path, {});
}

void LogoImportDialog::setLogoSize(int size)
{
    m_size->setValue(size);
}

int LogoImportDialog::logoSize() const
{
    return m_size->value();
}

QString LogoImportDialog::errorText() const
{
    return m_conversion.error;
}

void LogoImportDialog::dragEnterEvent(QDragEnterEvent *event)
{
    if (!localFileOf(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void LogoImportDialog::dropEvent(QDropEvent *event)
{
    const QString path = localFileOf(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    loadFile(path);
}

void LogoImportDialog::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Choose a Picture"), QFileInfo(m_path).absolutePath(),
        tr("Images (*.png *.jpg *.jpeg *.webp *.gif *.bmp);;All files (*)"));
    if (!path.isEmpty())
        loadFile(path);
}

void LogoImportDialog::start(const QString &path, QImage decoded)
{
    m_path = path;
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(false);
    m_message->setText(tr("Reading %1...").arg(QFileInfo(path).fileName()));
    const quint64 generation = ++m_generation;
    const int size = m_size->value();
    m_watcher.setFuture(QtConcurrent::run([generation, path, decoded, size] {
        Job job;
        job.generation = generation;
        if (decoded.isNull()) {
            job.source = BoundedImageReader::read(path);
        } else {
            job.source.image = decoded;
            job.source.size = decoded.size();
        }
        if (!job.source.ok()) {
            job.conversion.error = job.source.error;
            return job;
        }
        job.conversion = LogoConverter::convert(job.source.image, size);
        return job;
    }));
}

void LogoImportDialog::finished()
{
    Job job = m_watcher.result();
    if (job.generation != m_generation)
        return; // a newer picture or size is on its way
    m_conversion = std::move(job.conversion);
    if (!m_conversion.ok()) {
        m_source = {};
        m_square->clear();
        m_round->setImage({});
        m_message->setText(QStringLiteral("<span style='color:#d93636'>%1</span>")
                               .arg(m_conversion.error.toHtmlEscaped()));
        emit conversionFinished();
        return;
    }
    if (m_source.isNull()) {
        m_source = job.source.image;
        const QSize size = job.source.size;
        m_sourceFacts->setText(tr("%1: %2 x %3 px%4")
                                   .arg(QFileInfo(m_path).fileName())
                                   .arg(size.width())
                                   .arg(size.height())
                                   .arg(size.width() == size.height()
                                            ? QString()
                                            : tr(", the centre square is used")));
    }
    m_square->setPixmap(QPixmap::fromImage(m_conversion.logo.scaled(
        m_square->size() - QSize(4, 4), Qt::KeepAspectRatio, Qt::SmoothTransformation)));
    m_round->setImage(m_conversion.logo);
    m_message->setText(m_conversion.note.isEmpty()
                           ? tr("A %1 px square PNG, %2 KB.")
                                 .arg(m_conversion.logo.width())
                                 .arg((m_conversion.png.size() + 1023) / 1024)
                           : m_conversion.note);
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(true);
    emit conversionFinished();
}

} // namespace studio
