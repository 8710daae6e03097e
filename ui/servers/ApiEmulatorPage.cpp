#include "ApiEmulatorPage.h"

#include "ApiCallModel.h"
#include "ApiCallPreview.h"
#include "ApiEmulatorController.h"
#include "RequestLogTable.h"
#include "integration/IntegrationEmulator.h"
#include "runview/BodyFormatter.h"
#include "runview/JsonReindenter.h"
#include "runview/NotificationPreview.h"
#include "simulator/MessageStrip.h"

#include <QClipboard>
#include <QFontDatabase>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace studio {

namespace {

QString shownBody(const QByteArray &body)
{
    if (body.isEmpty())
        return QStringLiteral("(no body)");
    if (body.size() < ApiCallModel::kKeptBodyBytes && BodyFormatter::isJson(body))
        return QString::fromUtf8(JsonReindenter::reindent(body));
    return QString::fromUtf8(BodyFormatter::preview(body).text);
}

QString actionsText(const QSet<QString> &actions)
{
    if (actions.isEmpty())
        return ApiEmulatorPage::tr("none (it may still send notifications)");
    QStringList sorted(actions.begin(), actions.end());
    sorted.sort();
    return sorted.join(QStringLiteral(", "));
}

} // namespace

ApiEmulatorPage::ApiEmulatorPage(ApiEmulatorController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_model(new ApiCallModel(this))
    , m_message(new MessageStrip(this))
    , m_port(new QSpinBox(this))
    , m_start(new QPushButton(tr("&Start API"), this))
    , m_stop(new QPushButton(tr("S&top API"), this))
    , m_key(new QLineEdit(this))
    , m_newKey(new QPushButton(tr("&New Key"), this))
    , m_environment(new QPlainTextEdit(this))
    , m_copy(new QPushButton(tr("&Copy"), this))
    , m_scope(new QLabel(this))
    , m_status(new QLabel(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_table(new QTableView(this))
    , m_details(new QPlainTextEdit(this))
    , m_phone(new NotificationPreview(m_splitter))
{
    setObjectName(QStringLiteral("apiEmulatorPage"));
    m_port->setObjectName(QStringLiteral("apiPort"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("any free"));
    m_port->setValue(controller->port());
    m_port->setToolTip(tr("The port on 127.0.0.1 the app calls (0: any free one)"));
    m_start->setObjectName(QStringLiteral("apiStart"));
    m_stop->setObjectName(QStringLiteral("apiStop"));
    m_key->setObjectName(QStringLiteral("apiKey"));
    m_key->setText(controller->apiKey());
    m_key->setPlaceholderText(tr("made when the API starts"));
    m_key->setToolTip(tr("The app's API key: calls without \"Authorization: Bearer <key>\" "
                         "are refused with 401, with another key 403, as the app's server does"));
    m_newKey->setObjectName(QStringLiteral("apiNewKey"));
    m_newKey->setToolTip(tr("Make a new key; the old one is refused from now on"));
    m_environment->setObjectName(QStringLiteral("apiEnvironment"));
    m_environment->setReadOnly(true);
    m_environment->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_environment->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_environment->setPlaceholderText(tr("Start the API to configure your app with it"));
    m_environment->setFixedHeight(
        m_environment->fontMetrics().lineSpacing() * 3 +
        2 * (m_environment->frameWidth() + int(m_environment->document()->documentMargin())) + 2);
    m_copy->setObjectName(QStringLiteral("apiCopy"));
    m_copy->setToolTip(tr("Copy these lines, for the app's .env file or its shell"));
    m_scope->setObjectName(QStringLiteral("apiScope"));
    m_scope->setWordWrap(true);
    m_scope->setTextFormat(Qt::PlainText);
    m_scope->setForegroundRole(QPalette::PlaceholderText);
    m_scope->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setObjectName(QStringLiteral("apiStatus"));

    m_table->setObjectName(QStringLiteral("apiCalls"));
    request_log_table::setUp(m_table, m_model);
    const auto width = [this](const char *sample) {
        return request_log_table::widthFor(m_table, sample);
    };
    m_table->setColumnWidth(ApiCallModel::Time, width("00:00:00"));
    m_table->setColumnWidth(ApiCallModel::Call, width("POST user/conversations"));
    m_table->setColumnWidth(ApiCallModel::Status, width("Status 00"));
    m_details->setObjectName(QStringLiteral("apiCallDetails"));
    m_details->setReadOnly(true);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_details->setPlaceholderText(tr("The selected call, as the app sent it and as it was "
                                     "answered"));
    m_phone->setObjectName(QStringLiteral("apiPhone"));

    buildLayout();

    connect(m_start, &QPushButton::clicked, this, &ApiEmulatorPage::start);
    connect(m_stop, &QPushButton::clicked, this, &ApiEmulatorPage::stop);
    connect(m_copy, &QPushButton::clicked, this, &ApiEmulatorPage::copyEnvironment);
    connect(m_newKey, &QPushButton::clicked, m_controller, &ApiEmulatorController::regenerateKey);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ApiEmulatorPage::showSelected);
    connect(m_controller, &ApiEmulatorController::stateChanged, this, [this] {
        if (m_controller->state() == ApiEmulatorController::State::Failed)
            m_message->show(MessageStrip::Level::Error, m_controller->errorString());
        updateState();
    });
    connect(m_controller, &ApiEmulatorController::called, this, &ApiEmulatorPage::called);
    updateState();
}

void ApiEmulatorPage::buildLayout()
{
    const auto label = [this](const QString &text, QWidget *buddy) {
        auto *title = new QLabel(text, this);
        title->setBuddy(buddy);
        return title;
    };
    auto *form = new QGridLayout;
    form->setHorizontalSpacing(6);
    form->setVerticalSpacing(4);
    auto *server = new QHBoxLayout;
    server->setSpacing(6);
    server->addWidget(m_port);
    server->addWidget(m_start);
    server->addWidget(m_stop);
    server->addSpacing(6);
    server->addWidget(label(tr("&Key"), m_key));
    server->addWidget(m_key, 1);
    server->addWidget(m_newKey);
    form->addWidget(label(tr("P&ort"), m_port), 0, 0);
    form->addLayout(server, 0, 1);
    auto *environment = new QHBoxLayout;
    environment->setSpacing(6);
    environment->addWidget(m_environment, 1);
    environment->addWidget(m_copy, 0, Qt::AlignTop);
    form->addWidget(label(tr("Your app"), m_environment), 1, 0, Qt::AlignTop);
    form->addLayout(environment, 1, 1);
    form->addWidget(m_scope, 2, 1);
    form->setColumnStretch(1, 1);

    auto *calls = new QWidget(m_splitter);
    auto *callsLayout = new QVBoxLayout(calls);
    callsLayout->setContentsMargins(0, 0, 0, 0);
    callsLayout->setSpacing(4);
    callsLayout->addWidget(m_status);
    auto *callSplitter = new QSplitter(Qt::Vertical, calls);
    callSplitter->addWidget(m_table);
    callSplitter->addWidget(m_details);
    callSplitter->setChildrenCollapsible(false);
    callSplitter->setStretchFactor(0, 3);
    callSplitter->setStretchFactor(1, 2);
    callsLayout->addWidget(callSplitter, 1);
    m_splitter->insertWidget(0, calls);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 0);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);
    layout->addWidget(m_message);
    layout->addLayout(form);
    layout->addWidget(m_splitter, 1);
}

QString ApiEmulatorPage::statusText() const
{
    switch (m_controller->state()) {
    case ApiEmulatorController::State::Running:
        return m_controller->callCount() == 1
                   ? tr("Running at %1: 1 call").arg(m_controller->baseUrl())
                   : tr("Running at %1: %2 calls")
                         .arg(m_controller->baseUrl())
                         .arg(m_controller->callCount());
    case ApiEmulatorController::State::Failed:
        return tr("Not running: %1").arg(m_controller->errorString());
    case ApiEmulatorController::State::Stopped:
        break;
    }
    return tr("Stopped. Start it, give your app the lines above, and send it a memory or a "
              "transcript: what it calls back shows here.");
}

void ApiEmulatorPage::start()
{
    m_message->clear();
    m_model->clear();
    m_phone->clear();
    m_details->clear();
    m_controller->start(quint16(m_port->value()), m_key->text());
}

void ApiEmulatorPage::stop()
{
    m_controller->stop();
}

void ApiEmulatorPage::copyEnvironment()
{
    QGuiApplication::clipboard()->setText(m_controller->environmentLines());
}

void ApiEmulatorPage::called(const IntegrationCall &call)
{
    QScrollBar *scroll = m_table->verticalScrollBar();
    const bool atEnd = scroll->value() == scroll->maximum();
    m_model->add(call);
    if (atEnd)
        m_table->scrollToBottom(); // following the newest, unless the user scrolled up
    if (const QList<PreviewItem> items = previewItemsOf(call, m_controller->app().name);
        !items.isEmpty())
        m_phone->appendItems(items, {});
    m_status->setText(statusText());
}

void ApiEmulatorPage::showSelected()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        m_details->clear();
        return;
    }
    const IntegrationCall &call = m_model->call(rows.first().row());
    QString text = QString::fromLatin1(call.method) + u' ' + QString::fromUtf8(call.target) + u'\n';
    if (!call.requestBody.isEmpty())
        text += shownBody(call.requestBody) + u'\n';
    text += u'\n' + tr("Answered %1").arg(call.status) + u'\n';
    for (const auto &[name, value] : call.answerHeaders)
        text += QString::fromLatin1(name) + QStringLiteral(": ") + QString::fromUtf8(value) + u'\n';
    text += shownBody(call.answerBody);
    m_details->setPlainText(text);
}

void ApiEmulatorPage::updateState()
{
    const bool running = m_controller->isRunning();
    const ApiEmulatorController::App &app = m_controller->app();
    m_start->setEnabled(app.isApp);
    m_start->setText(running ? tr("Re&start API") : tr("&Start API"));
    m_stop->setEnabled(running);
    m_port->setEnabled(!running);
    if (m_key->text() != m_controller->apiKey() && !m_controller->apiKey().isEmpty())
        m_key->setText(m_controller->apiKey());
    m_key->setReadOnly(running);
    m_copy->setEnabled(running);
    m_environment->setPlainText(running ? m_controller->environmentLines() : QString());
    m_phone->setPlugin(app.name, {});
    if (!app.isApp) {
        m_scope->setText(tr("Only an app (apps-2026) calls the integration API back; the open "
                            "document is a 2024 plugin."));
    } else {
        m_scope->setText(tr("The user is %1 (the Simulate target's uid); %2 holds these "
                            "actions: %3. Notifications: 10 an hour.")
                             .arg(m_controller->uid(),
                                  app.name.isEmpty() ? tr("the app") : app.name,
                                  actionsText(app.actions)));
    }
    m_status->setText(statusText());
}

} // namespace studio
