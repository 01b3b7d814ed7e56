// campaign-manager-cli, the built executable, run with QProcess against altcraft-emulator in its
// own process. Each run has a private HOME and XDG directories: its settings (saved accounts) and
// History are files this test reads back. No mocks: every exit code comes from a real situation.

#include "account.h"
#include "accountstore.h"
#include "apitokengrant.h"
#include "emulatorprocess.h"
#include "journal.h"
#include "journaltablemodel.h"
#include "recordwriter.h"
#include "settings.h"
#include "terminaltext.h"
#include "tokenstore.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <QTextStream>
#include <csignal>

using namespace Qt::StringLiterals;

#ifndef CAMPAIGN_MANAGER_CLI_PATH
#error "CAMPAIGN_MANAGER_CLI_PATH must name the campaign-manager-cli executable"
#endif

namespace {

const QString kToken = ApiTokenGrant::defaultFullToken();

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
    QString all() const { return out + err; }
};

QList<QJsonObject> jsonLines(const QString &out)
{
    QList<QJsonObject> objects;
    for (const QString &line : out.split(u'\n', Qt::SkipEmptyParts)) {
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(line.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            return {}; // the caller's QVERIFY on the count fails, with the output
        objects << doc.object();
    }
    return objects;
}

// Lines of the emulator's request log that name an API method.
int requestCount(EmulatorProcess &emulator, const QString &method)
{
    return static_cast<int>(emulator.collect().count(u"/api/v1.1/scampaigns/"_s + method + u" "_s));
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void helpAndUsageErrorsExitTwo();
    void badIdsExitTwoAndSendNothing();
    void listPrintsJsonLinesThatParseBack();
    void listFiltersAndTable();
    void statusReadsEachCampaignNow();
    void idsFromStandardInput();
    void deactivateIsJournalledWithReasonAndShownByHistory();
    void ineligibleCampaignIsSkippedAndExitsOne();
    void alreadyInTheTargetStatusIsDoneAndExitsZero();
    void serverErrorNotInEffectExitsOne();
    void dryRunSendsNothing();
    void closeIdsAreReadInOnePageBeforeAnythingIsSent();
    void completeNeedsTheRightConfirmCount();
    void activateSendsTheSchedule();
    void wrongOrViewOnlyTokenExitsFour();
    void lostServerMidActionIsUnknownAndExitsThree();
    void interruptStopsSendingAndSettlesWhatWasSent();
    void hostileNameCannotReachTheTerminal();
    void savedAccountWithKeychainToken();
    void readOnlyAccountRefusesWrites();

private:
    Run run(const QStringList &arguments, const QString &token = kToken, const QByteArray &input = {});
    QProcessEnvironment environment(const QString &token) const;
    QString journalPath() const;
    QString settingsPath() const;
    QList<qint64> idsWithStatus(const QUrl &url, const QString &status);
    QString statusOf(const QUrl &url, qint64 id);
    QStringList apiUrl(const EmulatorProcess &emulator) const
    {
        return {u"--api-url"_s, emulator.baseUrl().toString()};
    }

    std::unique_ptr<QTemporaryDir> m_home;
};

void TestCli::initTestCase()
{
    QVERIFY(QFile::exists(QStringLiteral(CAMPAIGN_MANAGER_CLI_PATH)));
}

void TestCli::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    // Requests the emulator never answers end after 2 s, not the default 30.
    Settings settings(settingsPath());
    settings.setValue(Settings::Key::RequestTimeoutSeconds, 2);
    settings.sync();
}

QString TestCli::settingsPath() const
{
    // Where QSettings puts organisation "CampaignManager", application "campaign-manager".
    return m_home->filePath(u"config/CampaignManager/campaign-manager.conf"_s);
}

QString TestCli::journalPath() const
{
    // QStandardPaths::AppDataLocation + "/journal.sqlite": the file the window's History reads.
    return m_home->filePath(u"data/CampaignManager/campaign-manager/journal.sqlite"_s);
}

QProcessEnvironment TestCli::environment(const QString &token) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, m_home->path());
    env.insert(u"XDG_CONFIG_HOME"_s, m_home->filePath(u"config"_s));
    env.insert(u"XDG_DATA_HOME"_s, m_home->filePath(u"data"_s));
    env.insert(u"XDG_CACHE_HOME"_s, m_home->filePath(u"cache"_s));
    env.insert(u"LANG"_s, u"C.UTF-8"_s);
    env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    env.remove(u"QT_LOGGING_RULES"_s);
    env.remove(u"ALTCRAFT_API_TOKEN"_s);
    if (!token.isEmpty())
        env.insert(u"ALTCRAFT_API_TOKEN"_s, token);
    return env;
}

Run TestCli::run(const QStringList &arguments, const QString &token, const QByteArray &input)
{
    QProcess process;
    process.setProcessEnvironment(environment(token));
    process.start(QStringLiteral(CAMPAIGN_MANAGER_CLI_PATH), arguments);
    Run r;
    if (!process.waitForStarted(10000))
        return r;
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished(5000);
        return r;
    }
    r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    r.out = QString::fromUtf8(process.readAllStandardOutput());
    r.err = QString::fromUtf8(process.readAllStandardError());
    // The token is never printed, whatever happened.
    if (!kToken.isEmpty() && r.all().contains(kToken))
        r.exitCode = -2;
    return r;
}

QList<qint64> TestCli::idsWithStatus(const QUrl &url, const QString &status)
{
    const Run r = run({u"list"_s, u"--json"_s, u"--status"_s, status, u"--api-url"_s, url.toString()});
    QList<qint64> ids;
    if (r.exitCode != 0)
        return ids;
    for (const QJsonObject &o : jsonLines(r.out))
        ids << o.value(u"id"_s).toInteger();
    return ids;
}

QString TestCli::statusOf(const QUrl &url, qint64 id)
{
    const Run r = run({u"status"_s, QString::number(id), u"--json"_s, u"--api-url"_s, url.toString()});
    const QList<QJsonObject> lines = jsonLines(r.out);
    return lines.size() == 1 ? lines.first().value(u"status"_s).toString() : QString();
}

void TestCli::helpAndUsageErrorsExitTwo()
{
    Run r = run({u"--help"_s});
    QCOMPARE(r.exitCode, 0);
    for (const QString &command :
         {u"list"_s, u"status"_s, u"deactivate"_s, u"activate"_s, u"complete"_s, u"history"_s, u"accounts"_s})
        QVERIFY2(r.out.contains(command), qPrintable(r.out));

    r = run({u"deactivate"_s, u"--help"_s});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(u"--dry-run"_s) && r.out.contains(u"--reason"_s), qPrintable(r.out));
    QVERIFY2(!r.out.contains(u"--confirm-count"_s), qPrintable(r.out));
    r = run({u"complete"_s, u"--help"_s});
    QVERIFY2(r.out.contains(u"--confirm-count"_s), qPrintable(r.out));
    r = run({u"activate"_s, u"--help"_s});
    QVERIFY2(r.out.contains(u"--start"_s) && r.out.contains(u"--pause-at"_s) && r.out.contains(u"--complete-at"_s),
             qPrintable(r.out));

    QCOMPARE(run({}).exitCode, 2);
    r = run({u"frobnicate"_s});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"frobnicate"_s), qPrintable(r.err));
    // No account named: a usage error, before anything is sent.
    QCOMPARE(run({u"list"_s}).exitCode, 2);
    // The token is never an option.
    r = run({u"list"_s, u"--api-url"_s, u"http://127.0.0.1:9/"_s, u"--token"_s, u"secret0given0on0argv"_s});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(!r.all().contains(u"secret0given0on0argv"_s), qPrintable(r.all()));
    // An option of another command.
    QCOMPARE(
        run({u"deactivate"_s, u"1"_s, u"--api-url"_s, u"http://127.0.0.1:9/"_s, u"--confirm-count"_s, u"1"_s}).exitCode,
        2);
    QCOMPARE(run({u"activate"_s, u"1"_s, u"--api-url"_s, u"http://127.0.0.1:9/"_s, u"--start"_s, u"soon"_s}).exitCode,
             2);
}

void TestCli::badIdsExitTwoAndSendNothing()
{
    EmulatorProcess emulator;
    QVERIFY(emulator.start({u"--port"_s, u"0"_s, u"--campaigns"_s, u"20"_s, u"--seed"_s, u"3"_s}));
    const Run r = run(QStringList{u"deactivate"_s, u"18, 19x 20-"_s} + apiUrl(emulator));
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"19x"_s), qPrintable(r.err));
    QCOMPARE(run(QStringList{u"status"_s, u"abc"_s} + apiUrl(emulator)).exitCode, 2);
    // Nothing reached the server: a later request is the first line of the log.
    QCOMPARE(run(QStringList{u"status"_s, u"1"_s} + apiUrl(emulator)).exitCode, 0);
    QVERIFY(emulator.waitForOutput(QRegularExpression(u"scampaigns/get_status"_s)));
    QCOMPARE(requestCount(emulator, u"get"_s), 0);
    QCOMPARE(requestCount(emulator, u"deactivate"_s), 0);
    QCOMPARE(requestCount(emulator, u"get_status"_s), 1);
}

void TestCli::listPrintsJsonLinesThatParseBack()
{
    EmulatorProcess emulator;
    QVERIFY(emulator.start({u"--port"_s, u"0"_s, u"--campaigns"_s, u"30"_s, u"--seed"_s, u"3"_s, u"--quiet"_s}));
    // stdout is not a terminal here: JSON Lines without --json.
    for (const QStringList &format : {QStringList{u"--json"_s}, QStringList{}}) {
        const Run r = run(QStringList{u"list"_s} + format + apiUrl(emulator));
        QCOMPARE(r.exitCode, 0);
        const QList<QJsonObject> lines = jsonLines(r.out);
        QCOMPARE(lines.size(), 30);
        QSet<qint64> ids;
        for (const QJsonObject &o : lines) {
            QVERIFY(o.value(u"id"_s).isDouble());
            QVERIFY(!o.value(u"name"_s).toString().isEmpty());
            QVERIFY(!o.value(u"status"_s).toString().isEmpty());
            ids.insert(o.value(u"id"_s).toInteger());
        }
        QCOMPARE(ids.size(), 30);
        // The English translation's plural form, not the source text's "campaign(s)".
        QVERIFY2(r.err.startsWith(u"30 campaigns"_s), qPrintable(r.err));
    }
}

void TestCli::listFiltersAndTable()
{
    EmulatorProcess emulator;
    QVERIFY(emulator.start({u"--port"_s, u"0"_s, u"--campaigns"_s, u"40"_s, u"--seed"_s, u"3"_s, u"--quiet"_s}));
    const QList<qint64> active = idsWithStatus(emulator.baseUrl(), u"active"_s);
    QVERIFY(!active.isEmpty());
    QVERIFY(active.size() < 40);
    Run r = run(QStringList{u"list"_s, u"--json"_s, u"--status"_s, u"active"_s} + apiUrl(emulator));
    for (const QJsonObject &o : jsonLines(r.out))
        QCOMPARE(o.value(u"status"_s).toString(), u"active"_s);

    r = run(QStringList{u"list"_s, u"--json"_s, u"--ids"_s, u"2-4, 7"_s} + apiUrl(emulator));
    QCOMPARE(r.exitCode, 0);
    QList<qint64> ids;
    for (const QJsonObject &o : jsonLines(r.out))
        ids << o.value(u"id"_s).toInteger();
    QCOMPARE(ids, (QList<qint64>{2, 3, 4, 7}));

    // --search matches the name, ignoring case.
    const QString name = jsonLines(r.out).first().value(u"name"_s).toString();
    const QString part = name.mid(1, 5).toUpper();
    r = run(QStringList{u"list"_s, u"--json"_s, u"--search"_s, part} + apiUrl(emulator));
    QCOMPARE(r.exitCode, 0);
    const QList<QJsonObject> found = jsonLines(r.out);
    QVERIFY(!found.isEmpty());
    for (const QJsonObject &o : found)
        QVERIFY(o.value(u"name"_s).toString().contains(part, Qt::CaseInsensitive));

    r = run(QStringList{u"list"_s, u"--status"_s, u"sleeping"_s} + apiUrl(emulator));
    QCOMPARE(r.exitCode, 2);

    r = run(QStringList{u"list"_s, u"--table"_s, u"--ids"_s, u"2-4"_s} + apiUrl(emulator));
    QCOMPARE(r.exitCode, 0);
    const QStringList rows = r.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(rows.size(), 4);
    QVERIFY2(rows.at(0).trimmed().startsWith(u"ID"_s), qPrintable(r.out));
    // Aligned: the Name column starts at the same place in every row.
    const qsizetype nameAt = rows.at(0).indexOf(u"Name"_s);
    QVERIFY(nameAt > 0);
    for (const QString &row : rows.mid(1))
        QVERIFY2(row.at(nameAt - 1) == u' ' && row.at(nameAt) != u' ', qPrintable(r.out));

    r = run(QStringList{u"list"_s, u"--csv"_s, u"--ids"_s, u"2-4"_s} + apiUrl(emulator));
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith(u"id,name,status,tags,groups,updated\n"_s), qPrintable(r.out));
    QCOMPARE(r.out.count(u'\n'), 4);
}

void TestCli::statusReadsEachCampaignNow()
{
    EmulatorProcess emulator;
    QVERIFY(emulator.start({u"--port"_s, u"0"_s, u"--campaigns"_s, u"10"_s, u"--seed"_s, u"3"_s}));
    const Run r = run(QStringList{u"status"_s, u"1-3 99"_s, u"--json"_s} + apiUrl(emulator));
    // Campaign 99 does not exist: it could not be read.
    QCOMPARE(r.exitCode, 1);
    const QList<QJsonObject> lines = jsonLines(r.out);
    QCOMPARE(lines.size(), 4);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(lines.at(i).value(u"id"_s).toInteger(), i + 1);
        QVERIFY(!lines.at(i).value(u"status"_s).toString().isEmpty());
        QVERIFY(lines.at(i).value(u"error"_s).toString().isEmpty());
    }
    QVERIFY(!lines.at(3).value(u"error"_s).toString().isEmpty());
    QVERIFY(emulator.waitForOutput(QRegularExpression(u"get_status \\(id 99"_s)));
    QCOMPARE(requestCount(emulator, u"get_status"_s), 4);
}

void TestCli::idsFromStandardInput()
{
    EmulatorProcess emulator;
    QVERIFY(emulator.start({u"--port"_s, u"0"_s, u"--campaigns"_s, u"10"_s, u"--seed"_s, u"3"_s, u"--quiet"_s}));
    const Run r = run(QStringList{u"status"_s, u"-"_s, u"--json"_s} + apiUrl(emulator), kToken, "4\n5\n#6\n");
    QCOMPARE(r.exitCode, 0);
    QList<qint64> ids;
    for (const QJsonObject &o : jsonLines(r.out))
        ids << o.value(u"id"_s).toInteger();
    QCOMPARE(ids, (QList<qint64>{4, 5, 6}));
    QCOMPARE(run(QStringList{u"status"_s, u"-"_s} + apiUrl(emulator), kToken, "4 five\n").exitCode, 2);
}

void TestCli::deactivateIsJournalledWithReasonAndShownByHistory()
{
    EmulatorProcess emulator;
    QVERIFY(emulator.start({u"--port"_s, u"0"_s, u"--campaigns"_s, u"40"_s, u"--seed"_s, u"3"_s, u"--quiet"_s}));
    const QList<qint64> active = idsWithStatus(emulator.baseUrl(), u"active"_s);
    QVERIFY(active.size() >= 2);
    QStringList spec;
    for (qint64 id : active)
        spec << QString::number(id);
    const Run r = run(
        QStringList{u"deactivate"_s, spec.join(u", "_s), u"--json"_s, u"--reason"_s, u"incident 42: pause everything"_s}
        + apiUrl(emulator));
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains(u"%1 deactivated"_s.arg(active.size())), qPrintable(r.err));
    const QList<QJsonObject> lines = jsonLines(r.out);
    QCOMPARE(lines.size(), active.size());
    for (const QJsonObject &o : lines) {
        QCOMPARE(o.value(u"outcome"_s).toString(), u"succeeded"_s);
        QCOMPARE(o.value(u"status_after"_s).toString(), u"inactive"_s);
    }
    QCOMPARE(statusOf(emulator.baseUrl(), active.first()), u"inactive"_s);
    QVERIFY(idsWithStatus(emulator.baseUrl(), u"active"_s).isEmpty());

    // The journal the window's History reads.
    QVERIFY(QFile::exists(journalPath()));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"check"_s);
        db.setDatabaseName(journalPath());
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(u"SELECT campaign_id, action, outcome, reason, account_name, api_host FROM actions"_s));
        QList<qint64> journalled;
        while (q.next()) {
            journalled << q.value(0).toLongLong();
            QCOMPARE(q.value(1).toString(), u"deactivate"_s);
            QCOMPARE(q.value(2).toString(), u"success"_s);
            QCOMPARE(q.value(3).toString(), u"incident 42: pause everything"_s);
            QCOMPARE(q.value(4).toString(), u"127.0.0.1"_s);
            QCOMPARE(q.value(5).toString(), u"127.0.0.1:%1"_s.arg(emulator.port()));
        }
        std::sort(journalled.begin(), journalled.end());
        QList<qint64> expected = active;
        std::sort(expected.begin(), expected.end());
        QCOMPARE(journalled, expected);
        db.close();
    }
    QSqlDatabase::removeDatabase(u"check"_s);
    // And through the window's own History model, as its History window shows them.
    {
        Journal journal;
        QVERIFY2(journal.open(journalPath()), qPrintable(journal.errorString()));
        JournalTableModel history(&journal);
        history.refresh();
        QCOMPARE(history.rowCount(), static_cast<int>(active.size()));
        for (int row = 0; row < history.rowCount(); ++row) {
            QCOMPARE(history.index(row, JournalTableModel::ReasonColumn).data().toString(),
                     u"incident 42: pause everything"_s);
            QCOMPARE(history.index(row, JournalTableModel::AccountColumn).data().toString(), u"127.0.0.1"_s);
            QCOMPARE(history.entryAt(row).outcome, JournalEntry::Outcome::Success);
        }
    }

    Run h = run({u"history"_s, u"--json"_s});
    QCOMPARE(h.exitCode, 0);
    QList<QJsonObject> rows = jsonLines(h.out);
    QCOMPARE(rows.size(), active.size());
    for (const QJsonObject &o : rows) {
        QCOMPARE(o.value(u"reason"_s).toString(), u"incident 42: pause everything"_s);
        QCOMPARE(o.value(u"outcome"_s).toString(), u"success"_s);
        QCOMPARE(o.value(u"account"_s).toString(), u"127.0.0.1"_s);
        QCOMPARE(o.value(u"status_before"_s).toString(), u"active"_s);
    }
    h = run({u"history"_s, u"--json"_s, u"--campaign"_s, QString::number(active.first())});
    QCOMPARE(jsonLines(h.out).size(), 1);
    h = run({u"history"_s, u"--json"_s, u"--limit"_s, u"1"_s, u"--action"_s, u"deactivate"_s});
    QCOMPARE(jsonLines(h.out).size(), 1);
    h = run({u"history"_s, u"--json"_s, u"--action"_s, u"complete"_s});
    QCOMPARE(h.exitCode, 0);
    QCOMPARE(jsonLines(h.out).size(), 0);
    h = run({u"history"_s, u"--json"_s, u"--since"_s, u"2999-01-01"_s});
    QCOMPARE(jsonLines(h.out).size(), 0);
    h = run({u"history"_s, u"--json"_s, u"--account"_s, u"127.0.0.1"_s});
    QCOMPARE(jsonLines(h.out).size(), active.size());
    h = run({u"history"_s, u"--json"_s, u"--account"_s, u"another"_s});
    QCOMPARE(h.exitCode, 0);
    QCOMPARE(jsonLines(h.out).size(), 0);
    QCOMPARE(run({u"history"_s, u"--action"_s, u"explode"_s}).exitCode, 2);
}

void TestCli::ineligibleCampaignIsSkippedAndExitsOne()
{
    EmulatorProcess emulator;
    QVERIFY(emulator.start({u"--port"_s, u"0"_s, u"--campaigns"_s, u"40"_s, u"--seed"_s, u"3"_s}));
    const QList<qint64> completed = idsWithStatus(emulator.baseUrl(), u"completed"_s);
    const QList<qint64> active = idsWithStatus(emulator.baseUrl(), u"active"_s);
    QVERIFY(!completed.isEmpty() && !active.isEmpty());
    const Run r = run(QStringList{u"deactivate"_s, u"%1 %2"_s.arg(completed.first()).arg(active.first()), u"--json"_s}
                      + apiUrl(emulator));
    QCOMPARE(r.exitCode, 1);
    const QList<QJsonObject> lines = jsonLines(r.out);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.at(0).value(u"id"_s).toInteger(), completed.first());
    QCOMPARE(lines.at(0).value(u"outcome"_s).toString(), u"skipped"_s);
    QCOMPARE(lines.at(1).value(u"outcome"_s).toString(), u"succeeded"_s);
    QVERIFY2(r.err.contains(u"1 deactivated"_s) && r.err.contains(u"1 skipped"_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"only active campaigns"_s), qPrintable(r.err));
    // Only the eligible campaign was sent.
    QCOMPARE(statusOf(emulator.baseUrl(), active.first()), u"inactive"_s);
    QVERIFY(emulator.waitForOutput(QRegularExpression(u"get_status"_s)));
    QCOMPARE(requestCount(emulator, u"deactivate"_s), 1);
    QVERIFY(emulator.collect().contains(u"scampaigns/deactivate (id %1,"_s.arg(active.first())));
}

void TestCli::alreadyInTheTargetStatusIsDoneAndExitsZero()
{
    // A runbook run a second time: what is already paused is done, not a failure, and not sent.
    EmulatorProcess emulator;
    QVERIFY(emulator.start({u"--port"_s, u"0"_s, u"--campaigns"_s, u"40"_s, u"--seed"_s, u"3"_s}));
    const QList<qint64> inactive = idsWithStatus(emulator.baseUrl(), u"inactive"_s);
    const QList<qint64> active = idsWithStatus(emulator.baseUrl(), u"active"_s);
    QVERIFY(!inactive.isEmpty() && !active.isEmpty());
    const QString spec = u"%1 %2"_s.arg(inactive.first()).arg(active.first());
    const Run first = run(QStringList{u"deactivate"_s, spec, u"--json"_s} + apiUrl(emulator));
    QCOMPARE(first.exitCode, 0);
    const QList<QJsonObject> lines = jsonLines(first.out);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.at(0).value(u"outcome"_s).toString(), u"already"_s);
    QCOMPARE(lines.at(1).value(u"outcome"_s).toString(), u"succeeded"_s);
    QVERIFY2(first.err.contains(u"1 deactivated, 1 already done"_s), qPrintable(first.err));

    const Run again = run(QStringList{u"deactivate"_s, spec, u"--json"_s} + apiUrl(emulator));
    QCOMPARE(again.exitCode, 0);
    QVERIFY2(again.err.contains(u"Nothing to send: 2 campaigns already done."_s), qPrintable(again.err));
    QVERIFY2(!again.err.contains(u"skipped"_s), qPrintable(again.err));
    // Each run reads both campaigns first, and the first read its deactivation back once: once
    // the log shows those five reads, it shows any deactivate the second run could have sent.
    QDeadlineTimer deadline(10000);
    while (requestCount(emulator, u"get"_s) < 5 && !deadline.hasExpired())
        emulator.process().waitForReadyRead(50);
    QCOMPARE(requestCount(emulator, u"get"_s), 5);
    QCOMPARE(requestCount(emulator, u"deactivate"_s), 1); // the first run's one, never re-sent
}

void TestCli::serverErrorNotInEffectExitsOne()
{
    EmulatorProcess emulator;
    QVERIFY(emulator.start({u"--port"_s, u"0"_s, u"--campaigns"_s, u"20"_s, u"--seed"_s, u"3"_s, u"--quiet"_s,
                            u"--fault"_s, u"deactivate:500"_s}));
    const QList<qint64> active = idsWithStatus(emulator.baseUrl(), u"active"_s);
    QVERIFY(!active.isEmpty());
    const Run r = run(QStringList{u"deactivate"_s, QString::number(active.first()), u"--json"_s} + apiUrl(emulator));
    QCOMPARE(r.exitCode, 1);
    const QList<QJsonObject> lines = jsonLines(r.out);
    QCOMPARE(lines.size(), 1);
    QCOMPARE(lines.first().value(u"outcome"_s).toString(), u"not_in_effect"_s);
    QCOMPARE(lines.first().value(u"status_after"_s).toString(), u"active"_s);
    QVERIFY2(r.err.contains(u"0 deactivated, 1 not in effect"_s), qPrintable(r.err));
}

void TestCli::dryRunSendsNothing()
{
    EmulatorProcess emulator;
    QVERIFY(emulator.start({u"--port"_s, u"0"_s, u"--campaigns"_s, u"40"_s, u"--seed"_s, u"3"_s}));
    const QList<qint64> active = idsWithStatus(emulator.baseUrl(), u"active"_s);
    QVERIFY(!active.isEmpty());
    QStringList spec;
    for (qint64 id : active)
        spec << QString::number(id);
    const Run r
        = run(QStringList{u"deactivate"_s, spec.join(u' '), u"--dry-run"_s, u"--json"_s, u"--reason"_s, u"rehearsal"_s}
              + apiUrl(emulator));
    QCOMPARE(r.exitCode, 0);
    const QList<QJsonObject> lines = jsonLines(r.out);
    QCOMPARE(lines.size(), active.size());
    const QString expected
        = u"POST %1api/v1.1/scampaigns/deactivate {\"id\":%2}"_s.arg(emulator.baseUrl().toString()).arg(active.first());
    QCOMPARE(lines.first().value(u"would_send"_s).toString(), expected);
    QVERIFY2(r.err.contains(u"nothing was sent"_s), qPrintable(r.err));

    // The log is in order: once a later read is in it, anything the dry run sent would be too.
    QCOMPARE(run(QStringList{u"status"_s, u"1"_s} + apiUrl(emulator)).exitCode, 0);
    QVERIFY(emulator.waitForOutput(QRegularExpression(u"get_status \\(id 1,"_s)));
    QCOMPARE(requestCount(emulator, u"deactivate"_s), 0);
    QCOMPARE(statusOf(emulator.baseUrl(), active.first()), u"active"_s);
    // Nothing was recorded either.
    QVERIFY(!QFile::exists(journalPath()) || run({u"history"_s, u"--json"_s}).out.isEmpty());
}

void TestCli::closeIdsAreReadInOnePageBeforeAnythingIsSent()
{
    // Forty IDs in a row: one list page reads them all first (not forty gets), then only the
    // eligible ones are sent.
    EmulatorProcess emulator;
    QVERIFY(emulator.start({u"--port"_s, u"0"_s, u"--campaigns"_s, u"60"_s, u"--seed"_s, u"3"_s}));
    const QList<qint64> running
        = idsWithStatus(emulator.baseUrl(), u"active"_s) + idsWithStatus(emulator.baseUrl(), u"waiting"_s);
    const QList<qint64> inRange = [&] {
        QList<qint64> out;
        for (qint64 id : running)
            if (id >= 11 && id <= 50)
                out << id;
        return out;
    }();
    QVERIFY(!inRange.isEmpty());
    // The log arrives as it comes: count the test's own two listings first, then the run's.
    auto waitForLists = [&emulator](int n) {
        QDeadlineTimer deadline(10000);
        while (requestCount(emulator, u"list"_s) < n && !deadline.hasExpired())
            emulator.process().waitForReadyRead(50);
        return requestCount(emulator, u"list"_s) == n;
    };
    QVERIFY(waitForLists(2));
    const int getsBefore = requestCount(emulator, u"get"_s);
    const Run r = run(QStringList{u"deactivate"_s, u"11-50"_s, u"--dry-run"_s, u"--json"_s} + apiUrl(emulator));
    QVERIFY2(r.exitCode == 0 || r.exitCode == 1, qPrintable(r.err));
    QCOMPARE(jsonLines(r.out).size(), 40);
    QVERIFY(waitForLists(3)); // one page for the forty
    QCOMPARE(requestCount(emulator, u"get"_s), getsBefore); // and no read one by one
    QCOMPARE(static_cast<qsizetype>(r.out.count(u"\"would_send\":\"POST "_s)), inRange.size());
}

void TestCli::completeNeedsTheRightConfirmCount()
{
    EmulatorProcess emulator;
    QVERIFY(emulator.start({u"--port"_s, u"0"_s, u"--campaigns"_s, u"40"_s, u"--seed"_s, u"3"_s}));
    const QList<qint64> active = idsWithStatus(emulator.baseUrl(), u"active"_s);
    QVERIFY(active.size() >= 2);
    const QString spec = u"%1 %2"_s.arg(active.at(0)).arg(active.at(1));
    Run r = run(QStringList{u"complete"_s, spec} + apiUrl(emulator));
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"--confirm-count 2"_s), qPrintable(r.err));
    r = run(QStringList{u"complete"_s, spec, u"--confirm-count"_s, u"3"_s} + apiUrl(emulator));
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(run(QStringList{u"status"_s, QString::number(active.at(0))} + apiUrl(emulator)).exitCode, 0);
    QVERIFY(emulator.waitForOutput(QRegularExpression(u"get_status \\(id %1,"_s.arg(active.at(0)))));
    QCOMPARE(requestCount(emulator, u"complete"_s), 0);

    r = run(QStringList{u"complete"_s, spec, u"--confirm-count"_s, u"2"_s, u"--json"_s} + apiUrl(emulator));
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(statusOf(emulator.baseUrl(), active.at(1)), u"completed"_s);
    QVERIFY2(r.err.contains(u"2 completed"_s), qPrintable(r.err));
}

void TestCli::activateSendsTheSchedule()
{
    EmulatorProcess emulator;
    QVERIFY(emulator.start({u"--port"_s, u"0"_s, u"--campaigns"_s, u"40"_s, u"--seed"_s, u"3"_s, u"--quiet"_s}));
    const QList<qint64> inactive = idsWithStatus(emulator.baseUrl(), u"inactive"_s);
    QVERIFY(!inactive.isEmpty());
    const QString id = QString::number(inactive.first());
    Run r = run(QStringList{u"activate"_s, id, u"--dry-run"_s, u"--json"_s, u"--start"_s, u"2030-01-02T03:04:05Z"_s,
                            u"--pause-at"_s, u"2030-01-03"_s}
                + apiUrl(emulator));
    QCOMPARE(r.exitCode, 0);
    const QString sent = jsonLines(r.out).value(0).value(u"would_send"_s).toString();
    QVERIFY2(sent.contains(u"\"start_date\":\"2030-01-02T03:04:05.000Z\""_s), qPrintable(sent));
    QVERIFY2(sent.contains(u"\"deactivate_date\":\"2030-01-0"_s), qPrintable(sent));

    r = run(QStringList{u"activate"_s, id, u"--json"_s} + apiUrl(emulator));
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(jsonLines(r.out).value(0).value(u"outcome"_s).toString(), u"succeeded"_s);
    QCOMPARE(statusOf(emulator.baseUrl(), inactive.first()), u"active"_s);
}

void TestCli::wrongOrViewOnlyTokenExitsFour()
{
    EmulatorProcess emulator;
    QVERIFY(emulator.start({u"--port"_s, u"0"_s, u"--campaigns"_s, u"20"_s, u"--seed"_s, u"3"_s, u"--quiet"_s}));
    Run r = run(QStringList{u"list"_s} + apiUrl(emulator), u"not0the0right0token"_s);
    QCOMPARE(r.exitCode, 4);
    QVERIFY(!r.err.isEmpty());
    QVERIFY(!r.all().contains(u"not0the0right0token"_s));
    r = run(QStringList{u"list"_s} + apiUrl(emulator), ApiTokenGrant::defaultViewToken());
    QCOMPARE(r.exitCode, 4);
    QVERIFY(!r.all().contains(ApiTokenGrant::defaultViewToken()));
    // No token at all.
    r = run(QStringList{u"list"_s} + apiUrl(emulator), QString());
    QCOMPARE(r.exitCode, 4);
    QVERIFY2(r.err.contains(u"ALTCRAFT_API_TOKEN"_s), qPrintable(r.err));
    // A view-only token may read a campaign, but not change it.
    const QList<qint64> active = idsWithStatus(emulator.baseUrl(), u"active"_s);
    QVERIFY(!active.isEmpty());
    r = run(QStringList{u"deactivate"_s, QString::number(active.first())} + apiUrl(emulator),
            ApiTokenGrant::defaultViewToken());
    QCOMPARE(r.exitCode, 4);
    QCOMPARE(statusOf(emulator.baseUrl(), active.first()), u"active"_s);
}

void TestCli::lostServerMidActionIsUnknownAndExitsThree()
{
    auto emulator = std::make_unique<EmulatorProcess>();
    QVERIFY(emulator->start(
        {u"--port"_s, u"0"_s, u"--campaigns"_s, u"20"_s, u"--seed"_s, u"3"_s, u"--fault"_s, u"deactivate:hang"_s}));
    const QUrl url = emulator->baseUrl();
    const QList<qint64> active = idsWithStatus(url, u"active"_s);
    QVERIFY(!active.isEmpty());

    QProcess cli;
    cli.setProcessEnvironment(environment(kToken));
    cli.start(QStringLiteral(CAMPAIGN_MANAGER_CLI_PATH),
              {u"deactivate"_s, QString::number(active.first()), u"--json"_s, u"--reason"_s, u"lost"_s, u"--api-url"_s,
               url.toString()});
    QVERIFY(cli.waitForStarted(10000));
    // The deactivate is on the wire, unanswered.
    QVERIFY(emulator->waitForOutput(QRegularExpression(u"scampaigns/deactivate \\(id"_s), 20000));
    // Meanwhile the token is neither in the process's arguments nor left in its environment.
    for (const char *file : {"cmdline", "environ"}) {
        QFile proc(u"/proc/%1/%2"_s.arg(cli.processId()).arg(QLatin1String(file)));
        QVERIFY(proc.open(QIODevice::ReadOnly));
        const QByteArray content = proc.readAll();
        QVERIFY(!content.contains(kToken.toUtf8()));
        if (qstrcmp(file, "cmdline") == 0)
            QVERIFY(content.contains("deactivate"));
    }
    // The server goes away: the answer is lost, and the status cannot be read to settle it.
    emulator.reset();
    QVERIFY(cli.waitForFinished(60000));
    QCOMPARE(cli.exitCode(), 3);
    const QString out = QString::fromUtf8(cli.readAllStandardOutput());
    const QString err = QString::fromUtf8(cli.readAllStandardError());
    const QList<QJsonObject> lines = jsonLines(out);
    QCOMPARE(lines.size(), 1);
    QCOMPARE(lines.first().value(u"outcome"_s).toString(), u"unknown"_s);
    QVERIFY2(err.contains(u"1 unknown"_s), qPrintable(err));
    QVERIFY(!(out + err).contains(kToken));
    // History says unknown too.
    const Run h = run({u"history"_s, u"--json"_s});
    QCOMPARE(jsonLines(h.out).value(0).value(u"outcome"_s).toString(), u"unknown"_s);
    QCOMPARE(jsonLines(h.out).value(0).value(u"reason"_s).toString(), u"lost"_s);
}

void TestCli::interruptStopsSendingAndSettlesWhatWasSent()
{
    // Ctrl+C in the middle of a slow run: nothing more leaves, what left is settled, and the
    // records, the summary and History all say which is which.
    EmulatorProcess emulator;
    QVERIFY(emulator.start(
        {u"--port"_s, u"0"_s, u"--campaigns"_s, u"60"_s, u"--seed"_s, u"3"_s, u"--latency-ms"_s, u"400"_s}));
    const QList<qint64> running
        = idsWithStatus(emulator.baseUrl(), u"active"_s) + idsWithStatus(emulator.baseUrl(), u"waiting"_s);
    QVERIFY2(running.size() > 12, "more than two rounds of six are needed");
    QStringList spec;
    for (qint64 id : running)
        spec << QString::number(id);

    QProcess cli;
    cli.setProcessEnvironment(environment(kToken));
    cli.start(QStringLiteral(CAMPAIGN_MANAGER_CLI_PATH),
              {u"deactivate"_s, spec.join(u' '), u"--json"_s, u"--reason"_s, u"drill"_s, u"--api-url"_s,
               emulator.baseUrl().toString()});
    QVERIFY(cli.waitForStarted(10000));
    QVERIFY(emulator.waitForOutput(QRegularExpression(u"scampaigns/deactivate \\(id"_s), 20000));
    QCOMPARE(::kill(static_cast<pid_t>(cli.processId()), SIGINT), 0);
    QVERIFY(cli.waitForFinished(30000));
    QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
    QCOMPARE(cli.exitCode(), 1);
    const QString err = QString::fromUtf8(cli.readAllStandardError());
    QVERIFY2(err.contains(u"Stopping: nothing more is sent"_s) && err.contains(u"not sent"_s), qPrintable(err));

    const QList<QJsonObject> lines = jsonLines(QString::fromUtf8(cli.readAllStandardOutput()));
    QCOMPARE(lines.size(), running.size());
    int succeeded = 0, cancelled = 0;
    for (const QJsonObject &line : lines) {
        const QString outcome = line.value(u"outcome"_s).toString();
        succeeded += outcome == u"succeeded"_s;
        cancelled += outcome == u"cancelled"_s;
    }
    QVERIFY2(succeeded > 0 && cancelled > 0, qPrintable(u"%1 succeeded, %2 cancelled"_s.arg(succeeded).arg(cancelled)));
    QCOMPARE(succeeded + cancelled, running.size());
    // The server got exactly the ones reported sent.
    int inactive = 0;
    for (qint64 id : running)
        inactive += statusOf(emulator.baseUrl(), id) == u"inactive"_s;
    QCOMPARE(inactive, succeeded);
    // History holds the same, and nothing is left pending.
    const QList<QJsonObject> history = jsonLines(run({u"history"_s, u"--json"_s, u"--limit"_s, u"1000"_s}).out);
    int journalled = 0;
    for (const QJsonObject &row : history) {
        QVERIFY2(row.value(u"outcome"_s).toString() != u"pending"_s, "a row was left pending");
        journalled += row.value(u"outcome"_s).toString() == u"success"_s;
    }
    QCOMPARE(journalled, succeeded);
}

void TestCli::hostileNameCannotReachTheTerminal()
{
    // No emulator option names a campaign, so the writer the command line prints every record
    // with is given one directly: ESC sequences (colour, title, cursor), BEL, CR and a right-to-left
    // override in a name.
    const QString hostile = u"Sale\x1b]0;pwned\x07\x1b[2J\rX\u202Egpj.exe\u009b"_s;
    const QString plain = TerminalText::plain(hostile);
    for (const QChar c : plain)
        QVERIFY2(c.unicode() >= 0x20 && !(c.unicode() >= 0x7f && c.unicode() < 0xa0), qPrintable(plain));
    QVERIFY(plain.startsWith(u"Sale"_s));
    QVERIFY2(plain.contains(u"[U+202E]"_s), qPrintable(plain));
    QVERIFY(!plain.contains(QChar(0x202e)));

    for (const RecordWriter::Format format : {RecordWriter::Format::Table, RecordWriter::Format::Csv}) {
        QString text;
        QTextStream out(&text);
        {
            RecordWriter writer(&out, format, {{u"id"_s, u"ID"_s, true}, {u"name"_s, u"Name"_s}});
            writer.add({u"7"_s, hostile});
        }
        QVERIFY2(!text.contains(QChar(0x1b)) && !text.contains(QChar(0x07)) && !text.contains(u'\r')
                     && !text.contains(QChar(0x202e)),
                 qPrintable(text));
        QCOMPARE(text.count(u'\n'), 2);
    }
    // JSON carries the same plain text.
    QString text;
    QTextStream out(&text);
    {
        RecordWriter writer(&out, RecordWriter::Format::Json, {{u"id"_s, u"ID"_s, true}, {u"name"_s, u"Name"_s}});
        writer.add({u"7"_s, hostile});
    }
    QVERIFY(!text.contains(QChar(0x1b)));
    QCOMPARE(jsonLines(text).value(0).value(u"name"_s).toString(), plain);
}

void TestCli::savedAccountWithKeychainToken()
{
    EmulatorProcess emulator;
    QVERIFY(emulator.start({u"--port"_s, u"0"_s, u"--campaigns"_s, u"15"_s, u"--seed"_s, u"3"_s, u"--quiet"_s}));
    Account account = Account::create(u"Staging"_s, emulator.baseUrl());
    account.environment = Account::Environment::Staging;
    {
        Settings settings(settingsPath());
        AccountStore store(&settings);
        QCOMPARE(store.add(account), QString());
        settings.sync();
    }
    std::unique_ptr<TokenStore> tokens(TokenStore::forAccount(account.id));
    QSignalSpy saved(tokens.get(), &TokenStore::saved);
    QSignalSpy failed(tokens.get(), &TokenStore::failed);
    tokens->save(kToken);
    QTRY_VERIFY_WITH_TIMEOUT(saved.size() + failed.size() > 0, 20000);
    QVERIFY2(failed.isEmpty(), "the keychain is needed: run under dbus-run-session -- scripts/with-keyring");

    // No ALTCRAFT_API_TOKEN: the token comes from the keychain.
    Run r = run({u"list"_s, u"--account"_s, u"staging"_s, u"--json"_s}, QString());
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(jsonLines(r.out).size(), 15);

    r = run({u"accounts"_s, u"--json"_s}, QString());
    QCOMPARE(r.exitCode, 0);
    const QList<QJsonObject> accounts = jsonLines(r.out);
    QCOMPARE(accounts.size(), 1);
    QCOMPARE(accounts.first().value(u"name"_s).toString(), u"Staging"_s);
    QCOMPARE(accounts.first().value(u"url"_s).toString(), emulator.baseUrl().toString());
    QCOMPARE(accounts.first().value(u"read_only"_s).toString(), u"no"_s);
    QVERIFY(!accounts.first().value(u"environment"_s).toString().isEmpty());

    r = run({u"accounts"_s, u"test"_s, u"Staging"_s, u"--json"_s}, QString());
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(jsonLines(r.out).value(0).value(u"rights"_s).toString(), u"run"_s);

    // An action in a saved account is journalled under its name.
    const QList<qint64> active = idsWithStatus(emulator.baseUrl(), u"active"_s);
    QVERIFY(!active.isEmpty());
    r = run({u"deactivate"_s, QString::number(active.first()), u"--account"_s, u"Staging"_s, u"--reason"_s, u"why"_s},
            QString());
    QCOMPARE(r.exitCode, 0);
    const Run h = run({u"history"_s, u"--json"_s, u"--account"_s, u"Staging"_s});
    QCOMPARE(jsonLines(h.out).size(), 1);
    QCOMPARE(jsonLines(h.out).first().value(u"account"_s).toString(), u"Staging"_s);

    // A token in the environment (another client's, say) never goes to a saved account's server.
    r = run({u"list"_s, u"--account"_s, u"Staging"_s, u"--json"_s}, u"some0other0clients0token00000009"_s);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains(u"ALTCRAFT_API_TOKEN is ignored with --account"_s), qPrintable(r.err));
    QVERIFY(!jsonLines(r.out).isEmpty());

    r = run({u"list"_s, u"--account"_s, u"Nope"_s}, QString());
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"Staging"_s), qPrintable(r.err));

    // A token the server rejects: authentication, 4.
    QSignalSpy saved2(tokens.get(), &TokenStore::saved);
    tokens->save(u"a0rejected0token"_s);
    QTRY_VERIFY_WITH_TIMEOUT(saved2.size() == 1, 20000);
    r = run({u"accounts"_s, u"test"_s, u"Staging"_s}, QString());
    QCOMPARE(r.exitCode, 4);
    QVERIFY(!r.all().contains(u"a0rejected0token"_s));
}

void TestCli::readOnlyAccountRefusesWrites()
{
    EmulatorProcess emulator;
    QVERIFY(emulator.start({u"--port"_s, u"0"_s, u"--campaigns"_s, u"15"_s, u"--seed"_s, u"3"_s}));
    Account account = Account::create(u"Frozen"_s, emulator.baseUrl());
    account.readOnly = true;
    {
        Settings settings(settingsPath());
        AccountStore store(&settings);
        QCOMPARE(store.add(account), QString());
        settings.sync();
    }
    const QList<qint64> active = idsWithStatus(emulator.baseUrl(), u"active"_s);
    QVERIFY(!active.isEmpty());
    // The saved account at that address brings its rule, with the token from the environment.
    const Run r = run(QStringList{u"deactivate"_s, QString::number(active.first())} + apiUrl(emulator));
    QCOMPARE(r.exitCode, 4);
    QVERIFY2(r.err.contains(u"read-only"_s), qPrintable(r.err));
    QCOMPARE(run(QStringList{u"status"_s, u"1"_s} + apiUrl(emulator)).exitCode, 0);
    QVERIFY(emulator.waitForOutput(QRegularExpression(u"get_status \\(id 1,"_s)));
    QCOMPARE(requestCount(emulator, u"deactivate"_s), 0);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
