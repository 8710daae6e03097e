#include "RunHistory.h"

#include "HistorySchema.h"
#include "HistoryTransaction.h"
#include "RunRecordCodec.h"
#include "RunSettingsCodec.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <atomic>
#include <limits>

namespace studio {

namespace {

const QString kDriver = QStringLiteral("QSQLITE");
const QString kMaxRunsKey = QStringLiteral("max_runs");
const QString kMaxBytesKey = QStringLiteral("max_bytes");

QString connectionName()
{
    static std::atomic<int> serial{0};
    return QStringLiteral("studio-run-history-%1").arg(++serial);
}

QString errorText(const QSqlError &error)
{
    return error.databaseText().isEmpty() ? error.text() : error.databaseText();
}

QString jsonText(const Json &json)
{
    return QString::fromStdString(json.dump(-1, ' ', false, Json::error_handler_t::replace));
}

Json parseJson(const QVariant &value)
{
    return Json::parse(value.toString().toStdString());
}

// QtSql binds a null QByteArray as SQL NULL; a body is bytes, possibly none.
QByteArray blob(const QByteArray &bytes)
{
    return bytes.isNull() ? QByteArray("") : bytes;
}

QString startedText(const QDateTime &startedAt)
{
    // UTC with milliseconds: these sort as text in time order.
    return startedAt.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

RunHistory::RunHistory(QString path, int busyTimeoutMs)
    : m_path(std::move(path))
    , m_busyTimeoutMs(busyTimeoutMs)
    , m_connectionName(connectionName())
{}

RunHistory::~RunHistory()
{
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        QSqlDatabase database = QSqlDatabase::database(m_connectionName, false);
        database.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QString RunHistory::failure(const QString &what, const QString &why) const
{
    return QStringLiteral("the run history '%1' %2: %3")
        .arg(QDir::toNativeSeparators(m_path), what, why);
}

bool RunHistory::exists() const
{
    return m_open || QFileInfo::exists(m_path);
}

HistoryStatus RunHistory::open()
{
    if (m_open)
        return HistoryStatus::success({});
    if (!QSqlDatabase::isDriverAvailable(kDriver))
        return HistoryStatus::failure(
            failure(QStringLiteral("cannot be opened"),
                    QStringLiteral("Qt's SQLite driver is missing (Debian: libqt6sql6-sqlite)")));
    const QString folder = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(folder))
        return HistoryStatus::failure(failure(QStringLiteral("cannot be created"),
                                              QStringLiteral("the folder '%1' cannot be made")
                                                  .arg(QDir::toNativeSeparators(folder))));
    QSqlDatabase database = QSqlDatabase::contains(m_connectionName)
                                ? QSqlDatabase::database(m_connectionName, false)
                                : QSqlDatabase::addDatabase(kDriver, m_connectionName);
    database.setDatabaseName(m_path);
    database.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(m_busyTimeoutMs));
    if (!database.open())
        return HistoryStatus::failure(
            failure(QStringLiteral("cannot be opened"), errorText(database.lastError())));
    QSqlQuery(database).exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    const QString error = HistorySchema::prepare(database);
    if (!error.isEmpty()) {
        database.close();
        return HistoryStatus::failure(failure(QStringLiteral("cannot be used"), error));
    }
    m_open = true;
    return HistoryStatus::success({});
}

HistoryResult<qint64> RunHistory::record(const StoredRun &run)
{
    using Result = HistoryResult<qint64>;
    if (const HistoryStatus opened = open(); !opened.ok())
        return Result::failure(opened.error());
    const QString cannotWrite = QStringLiteral("cannot be written");

    const QString info = jsonText(RunSettingsCodec::infoToJson(run.info));
    const QString settings = jsonText(RunSettingsCodec::settingsToJson(run.settings));
    const QString summary = jsonText(run.summaryJson());
    const QString report = QString::fromStdString(run.report);
    QStringList records;
    qint64 bytes = info.size() + settings.size() + summary.size() + qint64(run.report.size());
    for (const RunRecord &record : run.records) {
        records.append(jsonText(RunRecordCodec::toJson(record)));
        bytes +=
            records.last().size() + record.result.request.body.size() + record.result.body.size();
    }

    QSqlDatabase database = QSqlDatabase::database(m_connectionName, false);
    HistoryTransaction transaction(database);
    if (!transaction.begin())
        return Result::failure(failure(cannotWrite, errorText(transaction.error())));
    QSqlQuery insertRun(database);
    insertRun.prepare(QStringLiteral(
        "INSERT INTO runs (plugin_id, plugin_name, kind, started_at, url, info, settings, "
        "summary, report, bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant &value :
         {QVariant(run.info.pluginId), QVariant(run.info.pluginName),
          QVariant(RunKinds::name(run.kind)), QVariant(startedText(run.info.startedAt)),
          QVariant(run.url()), QVariant(info), QVariant(settings), QVariant(summary),
          QVariant(report), QVariant(bytes)})
        insertRun.addBindValue(value);
    if (!insertRun.exec())
        return Result::failure(failure(cannotWrite, errorText(insertRun.lastError())));
    const qint64 id = insertRun.lastInsertId().toLongLong();

    QSqlQuery insertRequest(database);
    insertRequest.prepare(QStringLiteral("INSERT INTO requests (run_id, position, record, "
                                         "request_body, response_body) VALUES (?, ?, ?, ?, ?)"));
    for (qsizetype position = 0; position < run.records.size(); ++position) {
        const RunRecord &record = run.records.at(position);
        insertRequest.addBindValue(id);
        insertRequest.addBindValue(qint64(position));
        insertRequest.addBindValue(records.at(position));
        insertRequest.addBindValue(blob(record.result.request.body));
        insertRequest.addBindValue(blob(record.result.body));
        if (!insertRequest.exec())
            return Result::failure(failure(cannotWrite, errorText(insertRequest.lastError())));
    }
    if (!transaction.commit())
        return Result::failure(failure(cannotWrite, errorText(transaction.error())));
    return Result::success(id);
}

HistoryResult<QList<RunListing>> RunHistory::list(const QString &pluginId)
{
    using Result = HistoryResult<QList<RunListing>>;
    if (!exists())
        return Result::success({});
    if (const HistoryStatus opened = open(); !opened.ok())
        return Result::failure(opened.error());
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT id, plugin_id, plugin_name, kind, started_at, url, summary, bytes "
                       "FROM runs %1 ORDER BY started_at DESC, id DESC")
            .arg(pluginId.isEmpty() ? QString() : QStringLiteral("WHERE plugin_id = ?")));
    if (!pluginId.isEmpty())
        query.addBindValue(pluginId);
    if (!query.exec())
        return Result::failure(
            failure(QStringLiteral("cannot be read"), errorText(query.lastError())));
    QList<RunListing> runs;
    while (query.next()) {
        RunListing run;
        run.id = query.value(0).toLongLong();
        run.pluginId = query.value(1).toString();
        run.pluginName = query.value(2).toString();
        run.kind = RunKinds::fromName(query.value(3).toString()).value_or(RunKind::Memory);
        run.startedAt = QDateTime::fromString(query.value(4).toString(), Qt::ISODateWithMs);
        run.url = query.value(5).toString();
        run.summary = Json::parse(query.value(6).toString().toStdString(), nullptr, false);
        if (run.summary.is_discarded())
            run.summary = Json::object();
        run.bytes = query.value(7).toLongLong();
        runs.append(run);
    }
    if (query.lastError().isValid())
        return Result::failure(
            failure(QStringLiteral("cannot be read"), errorText(query.lastError())));
    return Result::success(runs);
}

HistoryResult<StoredRun> RunHistory::load(qint64 id)
{
    using Result = HistoryResult<StoredRun>;
    const QString notFound = QStringLiteral("no run %1 in the run history '%2'")
                                 .arg(id)
                                 .arg(QDir::toNativeSeparators(m_path));
    if (!exists())
        return Result::notFound(notFound);
    if (const HistoryStatus opened = open(); !opened.ok())
        return Result::failure(opened.error());
    const QString cannotRead = QStringLiteral("cannot be read");
    QSqlDatabase database = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery query(database);
    query.prepare(QStringLiteral("SELECT kind, info, settings, report FROM runs WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return Result::failure(failure(cannotRead, errorText(query.lastError())));
    if (!query.next())
        return query.lastError().isValid()
                   ? Result::failure(failure(cannotRead, errorText(query.lastError())))
                   : Result::notFound(notFound);
    StoredRun run;
    run.id = id;
    try {
        run.kind = RunKinds::fromName(query.value(0).toString()).value_or(RunKind::Memory);
        run.info = RunSettingsCodec::infoFromJson(parseJson(query.value(1)));
        QString error;
        const std::optional<RunSettings> settings =
            RunSettingsCodec::settingsFromJson(parseJson(query.value(2)), &error);
        if (!settings)
            return Result::failure(
                failure(cannotRead, QStringLiteral("run %1: %2").arg(id).arg(error)));
        run.settings = *settings;
        run.report = query.value(3).toString().toStdString();

        QSqlQuery requests(database);
        requests.setForwardOnly(true);
        requests.prepare(QStringLiteral("SELECT record, request_body, response_body FROM requests "
                                        "WHERE run_id = ? ORDER BY position"));
        requests.addBindValue(id);
        if (!requests.exec())
            return Result::failure(failure(cannotRead, errorText(requests.lastError())));
        while (requests.next())
            run.records.append(RunRecordCodec::fromJson(parseJson(requests.value(0)),
                                                        requests.value(1).toByteArray(),
                                                        requests.value(2).toByteArray()));
        if (requests.lastError().isValid())
            return Result::failure(failure(cannotRead, errorText(requests.lastError())));
    } catch (const Json::exception &error) {
        return Result::failure(failure(
            cannotRead,
            QStringLiteral("run %1 is damaged: %2").arg(id).arg(QString::fromUtf8(error.what()))));
    }
    return Result::success(run);
}

HistoryStatus RunHistory::remove(qint64 id)
{
    const QString notFound = QStringLiteral("no run %1 in the run history '%2'")
                                 .arg(id)
                                 .arg(QDir::toNativeSeparators(m_path));
    if (!exists())
        return HistoryStatus::notFound(notFound);
    if (const HistoryStatus opened = open(); !opened.ok())
        return opened;
    const QString cannotWrite = QStringLiteral("cannot be written");
    QSqlDatabase database = QSqlDatabase::database(m_connectionName, false);
    HistoryTransaction transaction(database);
    if (!transaction.begin())
        return HistoryStatus::failure(failure(cannotWrite, errorText(transaction.error())));
    QSqlQuery query(database);
    query.prepare(QStringLiteral("DELETE FROM requests WHERE run_id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return HistoryStatus::failure(failure(cannotWrite, errorText(query.lastError())));
    query.prepare(QStringLiteral("DELETE FROM runs WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return HistoryStatus::failure(failure(cannotWrite, errorText(query.lastError())));
    const bool removed = query.numRowsAffected() > 0;
    if (!transaction.commit())
        return HistoryStatus::failure(failure(cannotWrite, errorText(transaction.error())));
    if (!removed)
        return HistoryStatus::notFound(notFound);
    return HistoryStatus::success({});
}

HistoryResult<int> RunHistory::prune(const HistoryLimits &limits)
{
    using Result = HistoryResult<int>;
    if (!exists())
        return Result::success(0);
    if (const HistoryStatus opened = open(); !opened.ok())
        return Result::failure(opened.error());
    const QString cannotWrite = QStringLiteral("cannot be pruned");
    QSqlDatabase database = QSqlDatabase::database(m_connectionName, false);
    HistoryTransaction transaction(database);
    if (!transaction.begin())
        return Result::failure(failure(cannotWrite, errorText(transaction.error())));
    QSqlQuery query(database);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT id, bytes FROM runs ORDER BY started_at DESC, id DESC")))
        return Result::failure(failure(cannotWrite, errorText(query.lastError())));
    // Newest first: the runs are kept while both limits hold; from the first that would break
    // one, it and every older run go.
    QList<qint64> doomed;
    qint64 kept = 0;
    qint64 keptBytes = 0;
    while (query.next()) {
        const qint64 bytes = query.value(1).toLongLong();
        const bool fits = kept < limits.maxRuns && keptBytes + bytes <= limits.maxBytes;
        if (doomed.isEmpty() && (kept == 0 || fits)) {
            ++kept;
            keptBytes += bytes;
        } else {
            doomed.append(query.value(0).toLongLong());
        }
    }
    QSqlQuery remove(database);
    for (const qint64 id : std::as_const(doomed)) {
        for (const QString &statement : {QStringLiteral("DELETE FROM requests WHERE run_id = ?"),
                                         QStringLiteral("DELETE FROM runs WHERE id = ?")}) {
            remove.prepare(statement);
            remove.addBindValue(id);
            if (!remove.exec())
                return Result::failure(failure(cannotWrite, errorText(remove.lastError())));
        }
    }
    if (!transaction.commit())
        return Result::failure(failure(cannotWrite, errorText(transaction.error())));
    return Result::success(int(doomed.size()));
}

HistoryResult<HistoryLimits> RunHistory::limits()
{
    using Result = HistoryResult<HistoryLimits>;
    HistoryLimits limits;
    if (!exists())
        return Result::success(limits);
    if (const HistoryStatus opened = open(); !opened.ok())
        return Result::failure(opened.error());
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(QStringLiteral("SELECT key, value FROM options")))
        return Result::failure(
            failure(QStringLiteral("cannot be read"), errorText(query.lastError())));
    while (query.next()) {
        bool ok = false;
        const qint64 value = query.value(1).toLongLong(&ok);
        if (!ok || value <= 0)
            continue;
        if (query.value(0).toString() == kMaxRunsKey)
            limits.maxRuns = int(std::min<qint64>(value, std::numeric_limits<int>::max()));
        else if (query.value(0).toString() == kMaxBytesKey)
            limits.maxBytes = value;
    }
    return Result::success(limits);
}

HistoryStatus RunHistory::setLimits(const HistoryLimits &limits)
{
    if (const HistoryStatus opened = open(); !opened.ok())
        return opened;
    const QString cannotWrite = QStringLiteral("cannot be written");
    QSqlDatabase database = QSqlDatabase::database(m_connectionName, false);
    HistoryTransaction transaction(database);
    if (!transaction.begin())
        return HistoryStatus::failure(failure(cannotWrite, errorText(transaction.error())));
    QSqlQuery query(database);
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO options (key, value) VALUES (?, ?)"));
    for (const auto &[key, value] : {std::pair{kMaxRunsKey, qint64(limits.maxRuns)},
                                     std::pair{kMaxBytesKey, limits.maxBytes}}) {
        query.addBindValue(key);
        query.addBindValue(QString::number(value));
        if (!query.exec())
            return HistoryStatus::failure(failure(cannotWrite, errorText(query.lastError())));
    }
    if (!transaction.commit())
        return HistoryStatus::failure(failure(cannotWrite, errorText(transaction.error())));
    return HistoryStatus::success({});
}

} // namespace studio
