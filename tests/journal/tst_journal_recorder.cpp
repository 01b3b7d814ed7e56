// JournalRecorder between a real CampaignService and a real Journal file, against the
// in-process AltcraftEmulator over loopback HTTP: the pending row is on disk before the request
// reaches the server, every outcome is recorded with who/what/where/why, the token never
// reaches the files, and "Check status now" settles unknown rows.

#include "altcraftclient.h"
#include "altcraftemulator.h"
#include "campaignbuilder.h"
#include "campaignservice.h"
#include "journal.h"
#include "journalmessage.h"
#include "journalrecorder.h"
#include "journaltablemodel.h"
#include "journaltestsupport.h"
#include "settings.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QMap>
#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace std::chrono_literals;
using JournalTest::idRange;
using JournalTest::RawDb;
using Outcome = JournalEntry::Outcome;

Q_DECLARE_METATYPE(Fault::Kind)
Q_DECLARE_METATYPE(JournalEntry::Outcome)

namespace {

constexpr int kWaitMs = 20000; // upper bound for one run; never a timing assertion
// How long a hung request takes to count as timed out. Short to keep the suite fast; reads
// retry, so a busy machine does not turn a good status read into a failure.
constexpr std::chrono::milliseconds kShortTimeout{800};
const QString kOsUser = QStringLiteral("journal.tester");

Fault makeFault(Fault::Kind kind, const QString &method, std::optional<qint64> campaignId, int remaining = -1)
{
    Fault f;
    f.kind = kind;
    f.method = method;
    f.campaignId = campaignId;
    f.remaining = remaining;
    return f;
}

QString journalAction(const QString &apiMethod)
{
    return apiMethod == QLatin1String("completed") ? QStringLiteral("complete") : apiMethod;
}

bool isStateChanging(const QString &apiMethod)
{
    return apiMethod == QLatin1String("activate") || apiMethod == QLatin1String("deactivate")
        || apiMethod == QLatin1String("completed");
}

QByteArray utf16(const QString &s, bool bigEndian)
{
    QByteArray bytes;
    for (QChar c : s) {
        const char hi = static_cast<char>(c.unicode() >> 8), lo = static_cast<char>(c.unicode() & 0xff);
        bytes.append(bigEndian ? hi : lo);
        bytes.append(bigEndian ? lo : hi);
    }
    return bytes;
}

// The journal's files (main, -wal, -shm) in dir, by name.
QMap<QString, QByteArray> readJournalFiles(const QString &dirPath)
{
    QMap<QString, QByteArray> files;
    const QDir dir(dirPath);
    for (const QString &name : dir.entryList({QStringLiteral("journal.sqlite*")}, QDir::Files)) {
        QFile file(dir.filePath(name));
        if (file.open(QIODevice::ReadOnly))
            files.insert(name, file.readAll());
    }
    return files;
}

} // namespace

class TestJournalRecorder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void rowIsOnDiskBeforeTheRequestReachesTheServer();
    void successRecordsWhoWhatWhereAndWhy();
    void alreadyAtTargetIsSuccessConfirmedByReread();
    void apiErrorRecordsCodeAndServerText_data();
    void apiErrorRecordsCodeAndServerText();
    void lostAnswerIsSettledByReadingTheCampaign_data();
    void lostAnswerIsSettledByReadingTheCampaign();
    void transportErrorWhenServerUnreachable();
    void cancelledQueuedItemsAreRecordedAndNeverSent();
    void backoffRetryKeepsOneRow();
    void operationIdSharedWithinBulkRunEmptyForSingle();
    void rowsCarryTheAccountCurrentWhenTheActionStarted();
    void switchingAccountsMidRunKeepsTheRunsRowsOnItsAccount();
    void tokenNeverReachesTheJournalFiles();
    void checkStatusNowSettlesUnknownRows();
    void checkStatusNowAsksOnlyTheAccountInUse();
    void scheduledActivationIsRecordedAndTakesEffectOnTheServersClock();
    void tableModelFollowsALiveBulkRun();

private:
    QString journalPath() const { return m_dir->filePath(QStringLiteral("journal.sqlite")); }
    void put(qint64 id, EmulatedState state, const QString &name = {})
    {
        CampaignBuilder campaign(id);
        if (!name.isEmpty())
            campaign.name(name);
        m_emu->store().upsert(campaign.emulated(state));
    }
    void putActive(const QList<qint64> &ids)
    {
        for (qint64 id : ids)
            put(id, EmulatedState::Active);
    }
    [[nodiscard]] bool load()
    {
        QSignalSpy done(m_service.get(), &CampaignService::loadFinished);
        m_service->reload();
        if (!done.wait(kWaitMs))
            return false;
        return done.first().first().value<ApiError>().isNone();
    }
    // Runs one action and waits until the service says it finished.
    [[nodiscard]] bool run(CampaignAction action, const QList<qint64> &ids, const QString &reason = {})
    {
        QSignalSpy finished(m_service.get(), &CampaignService::actionFinished);
        if (!m_service->runAction(action, ids, reason))
            return false;
        return finished.count() > 0 || finished.wait(kWaitMs);
    }
    void setTransferTimeout(std::chrono::milliseconds timeout)
    {
        RequestFactory f = m_client->factory();
        f.setTransferTimeout(timeout);
        m_client->setFactory(f);
    }
    QList<JournalEntry> rowsFor(qint64 campaignId) const
    {
        Journal::Filter f;
        f.campaignId = campaignId;
        return m_journal->entries(f);
    }
    int requestsFor(const QString &method, qint64 campaignId) const
    {
        int n = 0;
        for (const RecordedRequest &r : m_emu->requests())
            n += r.apiMethod() == method && r.campaignId() == campaignId ? 1 : 0;
        return n;
    }
    QString apiHost() const { return QStringLiteral("127.0.0.1:%1").arg(m_emu->port()); }
    void reopenJournal()
    {
        m_recorder.reset();
        m_journal = std::make_unique<Journal>();
        QVERIFY2(m_journal->open(journalPath()), qPrintable(m_journal->errorString()));
        m_recorder = std::make_unique<JournalRecorder>(m_journal.get(), m_service.get());
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AltcraftEmulator> m_emu;
    std::unique_ptr<AltcraftClient> m_client;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<CampaignService> m_service;
    std::unique_ptr<Journal> m_journal;
    std::unique_ptr<JournalRecorder> m_recorder;
};

void TestJournalRecorder::initTestCase()
{
    // The recorder writes the OS user; make it known.
    qputenv("USER", kOsUser.toUtf8());
    qputenv("USERNAME", kOsUser.toUtf8());
    QCOMPARE(JournalRecorder::osUserName(), kOsUser);
}

void TestJournalRecorder::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_emu = std::make_unique<AltcraftEmulator>();
    QVERIFY(m_emu->start() != 0);
    m_emu->store().reset({});
    m_client = std::make_unique<AltcraftClient>();
    RequestFactory f(m_emu->baseUrl());
    f.setToken(ApiTokenGrant::defaultFullToken());
    f.setTransferTimeout(10000ms);
    m_client->setFactory(f);
    m_client->setRetryBaseDelay(10);
    m_settings = std::make_unique<Settings>(m_dir->filePath(QStringLiteral("settings.ini")));
    m_settings->setValue(Settings::Key::Concurrency, 4);
    m_service = std::make_unique<CampaignService>(m_client.get(), m_settings.get());
    m_journal = std::make_unique<Journal>();
    QVERIFY2(m_journal->open(journalPath()), qPrintable(m_journal->errorString()));
    m_recorder = std::make_unique<JournalRecorder>(m_journal.get(), m_service.get());
}

void TestJournalRecorder::cleanup()
{
    m_recorder.reset();
    m_service.reset();
    m_journal.reset();
    m_client.reset();
    m_settings.reset();
    m_emu.reset();
    m_dir.reset();
}

void TestJournalRecorder::rowIsOnDiskBeforeTheRequestReachesTheServer()
{
    putActive(idRange(1, 6));
    put(7, EmulatedState::Inactive);
    put(8, EmulatedState::Active);
    QVERIFY(load());

    // Another connection to the file, as a separate process would have: what it sees is what
    // is committed, so what survives a crash at that instant.
    RawDb probe(journalPath());
    QVERIFY2(probe.isOpen(), qPrintable(probe.lastError()));
    struct Seen {
        qint64 id;
        QString action;
        int rows;
        QString outcome;
    };
    QList<Seen> seen;
    QObject context; // destroyed before seen and probe
    connect(m_emu.get(), &AltcraftEmulator::requestReceived, &context, [&](const RecordedRequest &r) {
        if (!isStateChanging(r.apiMethod()))
            return;
        const QString action = journalAction(r.apiMethod());
        const QList<QVariantMap> rows = probe.rows(
            QStringLiteral("SELECT outcome FROM actions WHERE campaign_id=? AND action=?"), {r.campaignId(), action});
        seen.append({r.campaignId(), action, static_cast<int>(rows.size()),
                     rows.value(0).value(QStringLiteral("outcome")).toString()});
    });

    QVERIFY(run(CampaignAction::Deactivate, idRange(1, 6), QStringLiteral("bulk"))); // bulk, 4 at a time
    QVERIFY(run(CampaignAction::Activate, {7})); // single
    QVERIFY(run(CampaignAction::Complete, {8})); // single, API name differs

    QCOMPARE(seen.size(), 8); // the check ran for every state-changing request
    QSet<qint64> ids;
    for (const Seen &s : seen) {
        QVERIFY2(s.rows == 1,
                 qPrintable(QStringLiteral("campaign %1 %2: %3 rows when the server read the request")
                                .arg(s.id)
                                .arg(s.action)
                                .arg(s.rows)));
        QCOMPARE(s.outcome, QStringLiteral("pending"));
        ids.insert(s.id);
    }
    QCOMPARE(ids, QSet<qint64>({1, 2, 3, 4, 5, 6, 7, 8}));
    // ...and afterwards each row was completed.
    for (qint64 id : ids)
        QCOMPARE(rowsFor(id).value(0).outcome, Outcome::Success);
}

void TestJournalRecorder::successRecordsWhoWhatWhereAndWhy()
{
    const QString name = QStringLiteral("Осенняя распродажа, \"финал\"");
    const QString reason = QStringLiteral("Квартальная чистка — ticket #42");
    put(11, EmulatedState::Active, name);
    put(12, EmulatedState::Active);
    QVERIFY(load());
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    QVERIFY(run(CampaignAction::Deactivate, {11}, reason));
    const QDateTime after = QDateTime::currentDateTimeUtc().addSecs(1);

    QCOMPARE(m_journal->count(), 1);
    const QList<JournalEntry> rows = rowsFor(11);
    QCOMPARE(rows.size(), 1);
    const JournalEntry &e = rows.first();
    QCOMPARE(e.outcome, Outcome::Success);
    QCOMPARE(e.action, CampaignAction::Deactivate);
    QCOMPARE(e.campaignId, 11);
    QCOMPARE(e.campaignName, name);
    QCOMPARE(e.statusBefore, CampaignStatus::Active);
    // The status after is what the server reported: the service verifies a success by reading
    // the campaign back (get), so it is known, and never made up.
    QVERIFY(requestsFor(QStringLiteral("get"), 11) > 0);
    QCOMPARE(e.statusAfter, CampaignStatus::Inactive);
    QCOMPARE(e.reason, reason);
    QCOMPARE(e.osUser, kOsUser);
    QCOMPARE(e.apiHost, apiHost());
    QCOMPARE(e.operationId, QString()); // a single action has no operation id
    QCOMPARE(e.errorCode, 0);
    QCOMPARE(e.errorKind, ApiError::Kind::None);
    QCOMPARE(e.confirmedBy, JournalEntry::Confirmation::Answer);
    QCOMPARE(JournalMessage::text(e), QString());
    QVERIFY(!e.interrupted);
    QVERIFY(e.durationMs >= 0);
    QVERIFY2(e.startedAt >= before && e.startedAt <= after, qPrintable(e.startedAt.toString(Qt::ISODateWithMs)));
    QCOMPARE(e.startedAt.timeSpec(), Qt::UTC);
    QCOMPARE(m_emu->store().find(11)->state, EmulatedState::Inactive);
    QVERIFY(rowsFor(12).isEmpty());
}

void TestJournalRecorder::alreadyAtTargetIsSuccessConfirmedByReread()
{
    put(13, EmulatedState::Active);
    QVERIFY(load());
    put(13, EmulatedState::Inactive); // someone else got there first
    QVERIFY(run(CampaignAction::Deactivate, {13}));
    const QList<JournalEntry> rows = rowsFor(13);
    QCOMPARE(rows.size(), 1);
    const JournalEntry &e = rows.first();
    QCOMPARE(e.outcome, Outcome::Success);
    QCOMPARE(e.statusBefore, CampaignStatus::Active);
    QCOMPARE(e.statusAfter, CampaignStatus::Inactive);
    QCOMPARE(e.errorCode, 0); // a success rests on no error
    // The facts are kept: the request was refused, the read-back decided.
    QCOMPARE(e.errorKind, ApiError::Kind::BadRequest);
    QCOMPARE(e.apiCode, 400);
    QCOMPARE(e.confirmedBy, JournalEntry::Confirmation::ReadBack);
    QCOMPARE(JournalMessage::text(e),
             QStringLiteral("Done: the status read back after the request is “Inactive”, although the server "
                            "rejected the request."));
    QCOMPARE(requestsFor(QStringLiteral("deactivate"), 13), 1);
    QCOMPARE(requestsFor(QStringLiteral("get"), 13), 1);
}

void TestJournalRecorder::apiErrorRecordsCodeAndServerText_data()
{
    QTest::addColumn<bool>("injectFault");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("serverText");
    QTest::addColumn<EmulatedState>("serverStatus"); // what the server holds when the request comes
    QTest::addColumn<CampaignStatus>("statusAfter");

    QTest::newRow("no access (403 fault)")
        << true << 403 << QStringLiteral("No access: the token lacks the right \"Campaigns — Run\"")
        << EmulatedState::Active << CampaignStatus::Unknown;
    QTest::newRow("tariff limit (402 fault)")
        << true << 402 << QStringLiteral("Tariff limit reached") << EmulatedState::Active << CampaignStatus::Unknown;
    // The server's own refusal; the runner reads the status to see whether it is there anyway.
    QTest::newRow("illegal transition (400)")
        << false << 400 << QStringLiteral("Campaign 21 is completed and cannot be deactivated")
        << EmulatedState::Completed << CampaignStatus::Completed;
}

void TestJournalRecorder::apiErrorRecordsCodeAndServerText()
{
    QFETCH(bool, injectFault);
    QFETCH(int, code);
    QFETCH(QString, serverText);
    QFETCH(EmulatedState, serverStatus);
    QFETCH(CampaignStatus, statusAfter);

    put(21, EmulatedState::Active, QStringLiteral("Refused one"));
    put(22, EmulatedState::Active);
    QVERIFY(load());
    put(21, serverStatus, QStringLiteral("Refused one"));
    if (injectFault) {
        Fault f = makeFault(Fault::Kind::ApiError, QStringLiteral("deactivate"), 21);
        f.apiErrorCode = code;
        f.apiErrorText = serverText;
        m_emu->addFault(f);
    }
    QVERIFY(run(CampaignAction::Deactivate, {21, 22}, QStringLiteral("why not")));

    const QList<JournalEntry> rows = rowsFor(21);
    QCOMPARE(rows.size(), 1);
    const JournalEntry &e = rows.first();
    QCOMPARE(e.outcome, Outcome::ApiError);
    QCOMPARE(e.errorCode, code);
    QCOMPARE(e.serverText, serverText);
    // History says it with the server's words in it, as plain data.
    if (!serverText.isEmpty())
        QVERIFY2(JournalMessage::text(e).contains(serverText), qPrintable(JournalMessage::text(e)));
    QCOMPARE(e.statusBefore, CampaignStatus::Active);
    QCOMPARE(e.statusAfter, statusAfter);
    QCOMPARE(e.campaignName, QStringLiteral("Refused one"));
    QCOMPARE(e.reason, QStringLiteral("why not"));
    QVERIFY(!e.operationId.isEmpty());
    QCOMPARE(requestsFor(QStringLiteral("deactivate"), 21), 1);
    // The other item of the run is unaffected.
    QCOMPARE(rowsFor(22).value(0).outcome, Outcome::Success);
    QCOMPARE(rowsFor(22).value(0).operationId, e.operationId);
}

void TestJournalRecorder::lostAnswerIsSettledByReadingTheCampaign_data()
{
    QTest::addColumn<Fault::Kind>("kind");
    QTest::addColumn<bool>("applyChange"); // the server acted before the answer went wrong
    QTest::addColumn<bool>("statusUnreadable");
    QTest::addColumn<Outcome>("outcome");
    QTest::addColumn<CampaignStatus>("statusAfter");

    QTest::newRow("timeout, status re-read")
        << Fault::Kind::Hang << false << false << Outcome::NotApplied << CampaignStatus::Active;
    QTest::newRow("bad gateway, status re-read")
        << Fault::Kind::Http502 << false << false << Outcome::NotApplied << CampaignStatus::Active;
    QTest::newRow("connection dropped, status re-read")
        << Fault::Kind::CloseConnection << false << false << Outcome::NotApplied << CampaignStatus::Active;
    QTest::newRow("timeout, status unreadable too")
        << Fault::Kind::Hang << false << true << Outcome::Unknown << CampaignStatus::Unknown;
    QTest::newRow("timeout, but the server acted")
        << Fault::Kind::Hang << true << false << Outcome::Success << CampaignStatus::Inactive;
}

void TestJournalRecorder::lostAnswerIsSettledByReadingTheCampaign()
{
    QFETCH(Fault::Kind, kind);
    QFETCH(bool, applyChange);
    QFETCH(bool, statusUnreadable);
    QFETCH(Outcome, outcome);
    QFETCH(CampaignStatus, statusAfter);

    put(31, EmulatedState::Active);
    QVERIFY(load());
    setTransferTimeout(kShortTimeout);
    // A status read that must succeed may retry; one that is meant to hang should not keep
    // the test waiting through every retry.
    if (statusUnreadable)
        m_client->setReadRetries(0);
    Fault f = makeFault(kind, QStringLiteral("deactivate"), 31, 1);
    f.applyChange = applyChange;
    m_emu->addFault(f);
    if (statusUnreadable)
        m_emu->addFault(makeFault(Fault::Kind::Hang, QStringLiteral("get"), 31));

    QVERIFY(run(CampaignAction::Deactivate, {31}, QStringLiteral("lost")));
    const QList<JournalEntry> rows = rowsFor(31);
    QCOMPARE(rows.size(), 1);
    const JournalEntry &e = rows.first();
    QCOMPARE(e.outcome, outcome);
    QCOMPARE(e.statusBefore, CampaignStatus::Active);
    QCOMPARE(e.statusAfter, statusAfter);
    QCOMPARE(e.errorCode, kind == Fault::Kind::Http502 && outcome != Outcome::Success ? 502 : 0);
    QVERIFY(e.errorKind != ApiError::Kind::None); // the journal keeps why the outcome was in doubt
    const QString message = JournalMessage::text(e);
    QVERIFY2(!message.isEmpty(), "History says why the outcome was in doubt");
    if (outcome == Outcome::NotApplied)
        QVERIFY2(message.startsWith(QStringLiteral("Not deactivated: "))
                     && message.endsWith(QStringLiteral("the campaign is still “Active” (checked after the request).")),
                 qPrintable(message));
    QCOMPARE(e.reason, QStringLiteral("lost"));
    QVERIFY(!e.interrupted);
    QVERIFY(e.durationMs >= 0);
    // Never sent twice; the status was read instead.
    QCOMPARE(requestsFor(QStringLiteral("deactivate"), 31), 1);
    QVERIFY(requestsFor(QStringLiteral("get"), 31) >= 1);
    QCOMPARE(m_journal->unsettled().size(), outcome == Outcome::Unknown ? 1 : 0);
}

void TestJournalRecorder::transportErrorWhenServerUnreachable()
{
    put(41, EmulatedState::Active);
    QVERIFY(load());
    quint16 deadPort = 0;
    {
        QTcpServer s;
        QVERIFY(s.listen(QHostAddress::LocalHost, 0));
        deadPort = s.serverPort();
    }
    RequestFactory f = m_client->factory();
    QUrl dead = m_emu->baseUrl();
    dead.setPort(deadPort);
    f.setBaseUrl(dead);
    m_client->setFactory(f);

    QVERIFY(run(CampaignAction::Deactivate, {41}));
    const QList<JournalEntry> rows = rowsFor(41);
    QCOMPARE(rows.size(), 1);
    const JournalEntry &e = rows.first();
    QCOMPARE(e.outcome, Outcome::TransportError);
    QCOMPARE(e.errorCode, 0);
    QCOMPARE(e.errorKind, ApiError::Kind::CannotConnect);
    QVERIFY2(JournalMessage::text(e).startsWith(QStringLiteral("Cannot connect to the Altcraft server.")),
             qPrintable(JournalMessage::text(e)));
    QCOMPARE(e.apiHost, QStringLiteral("127.0.0.1:%1").arg(deadPort));
    QCOMPARE(e.statusBefore, CampaignStatus::Active);
    QCOMPARE(requestsFor(QStringLiteral("deactivate"), 41), 0);
}

void TestJournalRecorder::cancelledQueuedItemsAreRecordedAndNeverSent()
{
    m_settings->setValue(Settings::Key::Concurrency, 1);
    const QList<qint64> ids = idRange(51, 6);
    putActive(ids);
    QVERIFY(load());
    // Cancel the moment the server reads the first request: one item in flight, five queued.
    QObject context;
    connect(m_emu.get(), &AltcraftEmulator::requestReceived, &context, [this, &context](const RecordedRequest &r) {
        if (r.apiMethod() == QLatin1String("deactivate")) {
            QObject::disconnect(m_emu.get(), nullptr, &context, nullptr);
            m_service->cancelAction();
        }
    });
    QSignalSpy finished(m_service.get(), &CampaignService::actionFinished);
    QVERIFY(run(CampaignAction::Deactivate, ids, QStringLiteral("stop half-way")));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().at(1).value<BulkSummary>().cancelled, 5);

    QCOMPARE(m_journal->count(), 6);
    const QString operation = rowsFor(51).value(0).operationId;
    QVERIFY(!operation.isEmpty());
    QCOMPARE(rowsFor(51).value(0).outcome, Outcome::Success);
    QCOMPARE(requestsFor(QStringLiteral("deactivate"), 51), 1);
    for (qint64 id : idRange(52, 5)) {
        const QList<JournalEntry> rows = rowsFor(id);
        QCOMPARE(rows.size(), 1);
        const JournalEntry &e = rows.first();
        QCOMPARE(e.outcome, Outcome::Cancelled);
        QCOMPARE(e.action, CampaignAction::Deactivate);
        QCOMPARE(e.statusBefore, CampaignStatus::Active);
        QCOMPARE(e.statusAfter, CampaignStatus::Unknown);
        QCOMPARE(e.errorCode, 0);
        QCOMPARE(JournalMessage::text(e),
                 QStringLiteral("Not sent: the action was cancelled before this campaign's turn."));
        QCOMPARE(e.operationId, operation);
        QCOMPARE(e.reason, QStringLiteral("stop half-way"));
        QCOMPARE(e.apiHost, apiHost());
        QVERIFY(!e.interrupted);
        // Never sent, and the server's campaign is untouched.
        QCOMPARE(requestsFor(QStringLiteral("deactivate"), id), 0);
        QCOMPARE(m_emu->store().find(id)->state, EmulatedState::Active);
    }
    QCOMPARE(m_emu->requestCount(QStringLiteral("deactivate")), 1);
}

void TestJournalRecorder::backoffRetryKeepsOneRow()
{
    putActive({61, 62});
    QVERIFY(load());
    Fault busy = makeFault(Fault::Kind::TooManyRequests, QStringLiteral("deactivate"), 61, 1);
    busy.retryAfterSeconds = 0;
    m_emu->addFault(busy);
    QVERIFY(run(CampaignAction::Deactivate, {61, 62}));
    QCOMPARE(requestsFor(QStringLiteral("deactivate"), 61), 2); // 429, then sent again
    const QList<JournalEntry> rows = rowsFor(61);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().outcome, Outcome::Success);
    QCOMPARE(m_journal->count(), 2);
}

void TestJournalRecorder::operationIdSharedWithinBulkRunEmptyForSingle()
{
    putActive(idRange(71, 5));
    QVERIFY(load());
    QVERIFY(run(CampaignAction::Deactivate, idRange(71, 5), QStringLiteral("first bulk")));
    // The service re-reads each campaign after success; wait until the model knows they are inactive.
    for (qint64 id : idRange(71, 5))
        QTRY_COMPARE_WITH_TIMEOUT(m_service->model()->campaign(id)->status, CampaignStatus::Inactive, kWaitMs);
    QVERIFY(run(CampaignAction::Activate, idRange(71, 3), QStringLiteral("second bulk")));
    QVERIFY(run(CampaignAction::Complete, {75}, QStringLiteral("single")));

    QString first, second;
    Journal::Filter f;
    f.action = CampaignAction::Deactivate;
    const QList<JournalEntry> deactivations = m_journal->entries(f);
    QCOMPARE(deactivations.size(), 5);
    first = deactivations.first().operationId;
    QVERIFY(!first.isEmpty());
    QVERIFY(!QUuid::fromString(first).isNull());
    for (const JournalEntry &e : deactivations) {
        QCOMPARE(e.operationId, first);
        QCOMPARE(e.reason, QStringLiteral("first bulk"));
    }
    f.action = CampaignAction::Activate;
    const QList<JournalEntry> activations = m_journal->entries(f);
    QCOMPARE(activations.size(), 3);
    second = activations.first().operationId;
    QVERIFY(!second.isEmpty());
    QVERIFY(second != first);
    for (const JournalEntry &e : activations) {
        QCOMPARE(e.operationId, second);
        QCOMPARE(e.reason, QStringLiteral("second bulk"));
        QCOMPARE(e.statusBefore, CampaignStatus::Inactive);
    }
    f.action = CampaignAction::Complete;
    const QList<JournalEntry> single = m_journal->entries(f);
    QCOMPARE(single.size(), 1);
    QCOMPARE(single.first().operationId, QString());
    QCOMPARE(single.first().reason, QStringLiteral("single"));
    QCOMPARE(single.first().statusBefore, CampaignStatus::Inactive);
}

void TestJournalRecorder::rowsCarryTheAccountCurrentWhenTheActionStarted()
{
    putActive(idRange(111, 5));
    QVERIFY(load());
    // Until the app names an account, rows carry none.
    QVERIFY(run(CampaignAction::Deactivate, {111}));
    QCOMPARE(rowsFor(111).value(0).account, AccountRef{});

    const AccountRef main{QStringLiteral("acc-main"), QStringLiteral("Основной, \"prod\"")};
    m_recorder->setAccount(main);
    QCOMPARE(m_recorder->account(), main);
    QVERIFY(run(CampaignAction::Deactivate, {112, 113}, QStringLiteral("bulk"))); // bulk
    QVERIFY(run(CampaignAction::Deactivate, {114})); // single
    for (qint64 id : {112, 113, 114}) {
        const JournalEntry e = rowsFor(id).value(0);
        QCOMPARE(e.outcome, Outcome::Success);
        QCOMPARE(e.account, main);
    }
    // In the file itself, as another reader sees it.
    m_journal->commitCompletions();
    {
        RawDb raw(journalPath());
        const QVariantMap row
            = raw.rows(QStringLiteral("SELECT account_id, account_name FROM actions WHERE campaign_id=113")).value(0);
        QCOMPARE(row.value(QStringLiteral("account_id")).toString(), main.id);
        QCOMPARE(row.value(QStringLiteral("account_name")).toString(), main.name);
    }

    // The account renamed: new rows say the new name, earlier rows keep the one they had.
    const AccountRef renamed{main.id, QStringLiteral("Main")};
    m_recorder->setAccount(renamed);
    QVERIFY(run(CampaignAction::Deactivate, {115}));
    QCOMPARE(rowsFor(115).value(0).account, renamed);
    QCOMPARE(rowsFor(114).value(0).account, main);
    QCOMPARE(rowsFor(111).value(0).account, AccountRef{});
}

void TestJournalRecorder::switchingAccountsMidRunKeepsTheRunsRowsOnItsAccount()
{
    m_settings->setValue(Settings::Key::Concurrency, 1); // one item at a time: the rest start after the switch
    const QList<qint64> ids = idRange(121, 4);
    putActive(ids);
    put(125, EmulatedState::Active);
    QVERIFY(load());
    const AccountRef first{QStringLiteral("acc-first"), QStringLiteral("First")};
    const AccountRef second{QStringLiteral("acc-second"), QStringLiteral("Second")};
    m_recorder->setAccount(first);

    // The user switches accounts the moment the server reads the run's first request.
    bool switched = false;
    int startedAfterSwitch = 0;
    QObject context;
    connect(m_emu.get(), &AltcraftEmulator::requestReceived, &context, [&](const RecordedRequest &r) {
        if (r.apiMethod() == QLatin1String("deactivate") && !switched) {
            switched = true;
            m_recorder->setAccount(second);
        }
    });
    connect(m_service.get(), &CampaignService::actionItemStarted, &context, [&] {
        if (switched)
            ++startedAfterSwitch;
    });
    QVERIFY(run(CampaignAction::Deactivate, ids, QStringLiteral("switch")));
    QVERIFY(switched);
    QCOMPARE(startedAfterSwitch, 3); // three items of the run began after the switch...
    for (qint64 id : ids) {
        const JournalEntry e = rowsFor(id).value(0);
        QCOMPARE(e.outcome, Outcome::Success);
        QCOMPARE(e.account, first); // ...and still belong to the account the run started in
    }

    // The next action is done in the new account.
    QVERIFY(run(CampaignAction::Deactivate, {125}));
    QCOMPARE(rowsFor(125).value(0).account, second);
    Journal::Filter f;
    f.accountId = first.id;
    QCOMPARE(m_journal->entries(f).size(), 4);
    f.accountId = second.id;
    QCOMPARE(m_journal->entries(f).size(), 1);
    QCOMPARE(m_journal->entries(f).value(0).campaignId, 125);
}

void TestJournalRecorder::tokenNeverReachesTheJournalFiles()
{
    const QString token = QStringLiteral("tok3nZq9xJOURNALmustNOTleak7v4k2m1");
    ApiTokenGrant grant;
    grant.token = token;
    grant.label = QStringLiteral("journal test");
    m_emu->setTokens({grant});
    RequestFactory f = m_client->factory();
    f.setToken(token);
    m_client->setFactory(f);
    const QString marker = QStringLiteral("Маркер-кампания");
    for (qint64 id : idRange(81, 6))
        put(id, EmulatedState::Active, QStringLiteral("%1 %2").arg(marker).arg(id));
    put(87, EmulatedState::Inactive, QStringLiteral("%1 87").arg(marker));
    QVERIFY(load());

    // Every kind of row: success, refusal, unknown (timeout), cancelled; bulk and single.
    Fault refused = makeFault(Fault::Kind::ApiError, QStringLiteral("deactivate"), 83);
    refused.apiErrorCode = 403;
    refused.apiErrorText = QStringLiteral("No access");
    m_emu->addFault(refused);
    // 84 stays unknown: its answer and the read that would settle it both hang.
    m_emu->addFault(makeFault(Fault::Kind::Hang, QStringLiteral("deactivate"), 84, 1));
    m_emu->addFault(makeFault(Fault::Kind::Hang, QStringLiteral("get"), 84, 1));
    m_client->setReadRetries(0);
    setTransferTimeout(kShortTimeout);
    QVERIFY(run(CampaignAction::Deactivate, idRange(81, 4), QStringLiteral("token check")));
    QVERIFY(run(CampaignAction::Activate, {87}, QStringLiteral("single")));
    m_settings->setValue(Settings::Key::Concurrency, 1);
    QObject context;
    connect(m_emu.get(), &AltcraftEmulator::requestReceived, &context, [this, &context](const RecordedRequest &r) {
        if (r.apiMethod() == QLatin1String("deactivate")) {
            QObject::disconnect(m_emu.get(), nullptr, &context, nullptr);
            m_service->cancelAction();
        }
    });
    QVERIFY(run(CampaignAction::Deactivate, {85, 86}, QStringLiteral("cancelled")));
    QCOMPARE(m_journal->count(), 7);
    QSet<QString> outcomes;
    for (const JournalEntry &e : m_journal->entries())
        outcomes.insert(JournalEntry::outcomeKey(e.outcome));
    QCOMPARE(outcomes,
             QSet<QString>({QStringLiteral("success"), QStringLiteral("api_error"), QStringLiteral("unknown"),
                            QStringLiteral("cancelled")}));
    QVERIFY(!m_emu->requests().isEmpty());
    QVERIFY(m_emu->requests().first().body.contains(token.toUtf8())); // the token really was in use

    const QByteArray needles[] = {token.toUtf8(), utf16(token, false), utf16(token, true)};
    const QString main = QStringLiteral("journal.sqlite"), wal = QStringLiteral("journal.sqlite-wal"),
                  shm = QStringLiteral("journal.sqlite-shm");

    // While the journal is open: the main file, the WAL and the shared-memory index.
    QMap<QString, QByteArray> files = readJournalFiles(m_dir->path());
    QCOMPARE(files.keys(), QStringList({main, shm, wal}));
    const QByteArray rows = files.value(main) + files.value(wal);
    // The bytes read are the journal's rows (their names are there): the check is not vacuous.
    QVERIFY2(rows.size() > 8192, qPrintable(QString::number(rows.size())));
    QVERIFY(rows.contains(marker.toUtf8()));
    QVERIFY(rows.contains("token check"));
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        for (const QByteArray &needle : needles)
            QVERIFY2(!it.value().contains(needle), qPrintable(QStringLiteral("the token is in %1").arg(it.key())));
    }

    // After the app closes the journal: everything checkpointed into the main file.
    m_recorder.reset();
    m_journal.reset();
    files = readJournalFiles(m_dir->path());
    QVERIFY(files.contains(main));
    const QByteArray closed = files.value(main);
    QVERIFY2(closed.size() > 4096, qPrintable(QString::number(closed.size())));
    QVERIFY(closed.contains(marker.toUtf8()));
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        for (const QByteArray &needle : needles)
            QVERIFY2(!it.value().contains(needle), qPrintable(QStringLiteral("the token is in %1").arg(it.key())));
    }
}

void TestJournalRecorder::checkStatusNowSettlesUnknownRows()
{
    putActive(idRange(91, 4));
    QVERIFY(load());

    // 94: the app died while its deactivate was in flight; the server had acted.
    JournalEntry crashed;
    crashed.campaignId = 94;
    crashed.campaignName = QStringLiteral("Campaign 94");
    crashed.action = CampaignAction::Deactivate;
    crashed.statusBefore = CampaignStatus::Active;
    crashed.osUser = kOsUser;
    crashed.apiHost = apiHost();
    QVERIFY(m_journal->begin(crashed) > 0);
    reopenJournal();
    QCOMPARE(m_journal->interruptedOnOpen(), 1);
    put(94, EmulatedState::Inactive);

    // 91 and 92 time out, and so does the read that would settle them: they stay unknown;
    // 93 succeeds.
    setTransferTimeout(kShortTimeout);
    m_client->setReadRetries(0);
    for (qint64 id : {91, 92}) {
        m_emu->addFault(makeFault(Fault::Kind::Hang, QStringLiteral("deactivate"), id, 1));
        m_emu->addFault(makeFault(Fault::Kind::Hang, QStringLiteral("get"), id, 1));
    }
    QVERIFY(run(CampaignAction::Deactivate, idRange(91, 3)));
    QCOMPARE(rowsFor(91).value(0).outcome, Outcome::Unknown);
    QCOMPARE(rowsFor(92).value(0).outcome, Outcome::Unknown);
    QCOMPARE(rowsFor(93).value(0).outcome, Outcome::Success);
    QCOMPARE(m_journal->unsettled().size(), 3);

    // Later the server shows 91 inactive (it took effect after all); 92 is still active.
    put(91, EmulatedState::Inactive);
    QSignalSpy checked(m_recorder.get(), &JournalRecorder::checkFinished);

    // Only the rows asked for.
    const qint64 row91 = rowsFor(91).value(0).rowId;
    m_recorder->checkStatusNow({row91});
    QVERIFY(checked.count() > 0 || checked.wait(kWaitMs));
    QCOMPARE(checked.takeFirst(), QVariantList({1, 0}));
    JournalEntry e91 = rowsFor(91).value(0);
    QCOMPARE(e91.outcome, Outcome::Success);
    QCOMPARE(e91.statusAfter, CampaignStatus::Inactive);
    QCOMPARE(e91.confirmedBy, JournalEntry::Confirmation::LaterCheck);
    QCOMPARE(JournalMessage::text(e91),
             QStringLiteral("Confirmed later by reading the campaign's status: “Inactive”."));
    QCOMPARE(rowsFor(92).value(0).outcome, Outcome::Unknown);
    QCOMPARE(m_service->model()->campaign(91)->status, CampaignStatus::Inactive);

    // Every unknown row.
    m_recorder->checkStatusNow({});
    QVERIFY(checked.count() > 0 || checked.wait(kWaitMs));
    QCOMPARE(checked.takeFirst(), QVariantList({1, 1})); // 94 confirmed; 92 not in effect
    const JournalEntry e92 = rowsFor(92).value(0);
    QCOMPARE(e92.outcome, Outcome::NotApplied);
    QCOMPARE(e92.statusAfter, CampaignStatus::Active);
    QCOMPARE(JournalMessage::text(e92), QStringLiteral("Not in effect: reading the status later showed “Active”."));
    const JournalEntry e94 = rowsFor(94).value(0);
    QCOMPARE(e94.outcome, Outcome::Success);
    QCOMPARE(e94.statusAfter, CampaignStatus::Inactive);
    QVERIFY(e94.interrupted); // still says the app had stopped
    QCOMPARE(rowsFor(93).value(0).outcome, Outcome::Success); // untouched
    QVERIFY(m_journal->unsettled().isEmpty());

    // Nothing left: answers at once.
    m_recorder->checkStatusNow({});
    QCOMPARE(checked.count(), 1);
    QCOMPARE(checked.takeFirst(), QVariantList({0, 0}));
}

void TestJournalRecorder::checkStatusNowAsksOnlyTheAccountInUse()
{
    putActive({121});
    QVERIFY(load());
    // Another account left this row unknown: its campaign 121 is not this account's 121.
    JournalEntry other;
    other.campaignId = 121;
    other.campaignName = QStringLiteral("Campaign 121");
    other.action = CampaignAction::Deactivate;
    other.statusBefore = CampaignStatus::Active;
    other.osUser = kOsUser;
    other.apiHost = apiHost();
    other.account = {QStringLiteral("acc-other"), QStringLiteral("Other")};
    QVERIFY(m_journal->begin(other) > 0);
    reopenJournal();
    put(121, EmulatedState::Inactive);
    m_recorder->setAccount({QStringLiteral("acc-this"), QStringLiteral("This")});
    QSignalSpy checked(m_recorder.get(), &JournalRecorder::checkFinished);
    const int reads = m_emu->requestCount(QStringLiteral("get"));

    m_recorder->checkStatusNow({});
    QVERIFY(checked.count() > 0 || checked.wait(kWaitMs));
    QCOMPARE(checked.takeFirst(), QVariantList({0, 0}));
    QCOMPARE(m_emu->requestCount(QStringLiteral("get")), reads); // nothing asked of this account
    QCOMPARE(rowsFor(121).value(0).outcome, Outcome::Unknown);

    // With its own account in use, the row is settled.
    m_recorder->setAccount(other.account);
    m_recorder->checkStatusNow({});
    QVERIFY(checked.count() > 0 || checked.wait(kWaitMs));
    QCOMPARE(checked.takeFirst(), QVariantList({1, 0}));
    QCOMPARE(rowsFor(121).value(0).outcome, Outcome::Success);
}

// Activate with dates, against the emulator with a clock the test moves: the request carries
// the dates in RFC 3339, a future start leaves the campaign waiting (which counts as done), the
// journal keeps the dates asked for, and the pause and completion happen when their time comes.
void TestJournalRecorder::scheduledActivationIsRecordedAndTakesEffectOnTheServersClock()
{
    QDateTime now = QDateTime(QDate(2026, 12, 7), QTime(9, 0), Qt::UTC);
    m_emu->store().setClock([&now] { return now; });
    put(131, EmulatedState::Inactive);
    put(132, EmulatedState::Inactive);
    QVERIFY(load());
    const ActivationSchedule schedule{now.addSecs(3600), now.addSecs(2 * 3600), now.addSecs(3 * 3600)};
    QSignalSpy finished(m_service.get(), &CampaignService::actionFinished);
    QVERIFY(m_service->runAction(CampaignAction::Activate, {131}, QStringLiteral("Launch at ten"), schedule));
    QVERIFY(finished.wait(kWaitMs));
    QCOMPARE(finished.first().at(1).value<BulkSummary>().succeeded, 1);

    const auto lastActivate = [this] {
        const QList<RecordedRequest> all = m_emu->requests();
        for (auto it = all.crbegin(); it != all.crend(); ++it) {
            if (it->apiMethod() == QLatin1String("activate"))
                return it->json();
        }
        return QJsonObject();
    };
    // On the wire: both spellings of the start, and the other two dates, in UTC.
    const QJsonObject body = lastActivate();
    QCOMPARE(body.value(QStringLiteral("activate_date")).toString(), QStringLiteral("2026-12-07T10:00:00.000Z"));
    QCOMPARE(body.value(QStringLiteral("start_date")).toString(), QStringLiteral("2026-12-07T10:00:00.000Z"));
    QCOMPARE(body.value(QStringLiteral("deactivate_date")).toString(), QStringLiteral("2026-12-07T11:00:00.000Z"));
    QCOMPARE(body.value(QStringLiteral("completed_date")).toString(), QStringLiteral("2026-12-07T12:00:00.000Z"));
    QCOMPARE(m_service->model()->campaign(131)->status, CampaignStatus::Waiting);

    // The journal keeps what was asked, and gives it back as this computer's dates.
    const JournalEntry e = rowsFor(131).value(0);
    QCOMPARE(e.outcome, Outcome::Success);
    QCOMPARE(e.requestedStart, schedule.activateAt);
    QCOMPARE(e.requestedPause, schedule.deactivateAt);
    QCOMPARE(e.requestedCompletion, schedule.completeAt);
    QCOMPARE(m_service->localSchedule(131)->activateAt, schedule.activateAt);
    QVERIFY(!m_service->localSchedule(132));
    const auto fromHistory = m_journal->activationSchedules(QString());
    QVERIFY(fromHistory.contains(131));
    QCOMPARE(fromHistory.value(131).completeAt, schedule.completeAt);
    reopenJournal();
    QCOMPARE(m_journal->activationSchedules(QString()).value(131).deactivateAt, schedule.deactivateAt);

    // The server's clock moves on: started, then paused, then completed.
    now = now.addSecs(3600 + 1);
    QVERIFY(load());
    QCOMPARE(m_service->model()->campaign(131)->status, CampaignStatus::Active);
    now = now.addSecs(3600);
    QVERIFY(load());
    QCOMPARE(m_service->model()->campaign(131)->status, CampaignStatus::Inactive);
    now = now.addSecs(3600);
    QVERIFY(load());
    QCOMPARE(m_service->model()->campaign(131)->status, CampaignStatus::Completed);

    // A plain Activate sends no date, and replaces what this computer had scheduled.
    QVERIFY(m_service->runAction(CampaignAction::Activate, {132}));
    QVERIFY(finished.wait(kWaitMs));
    const QJsonObject plain = lastActivate();
    QVERIFY(!plain.contains(QStringLiteral("deactivate_date")));
    QVERIFY(!rowsFor(132).value(0).hasSchedule());
}

void TestJournalRecorder::tableModelFollowsALiveBulkRun()
{
    const QList<qint64> ids = idRange(101, 12);
    putActive(ids);
    QVERIFY(load());
    m_emu->addFault(makeFault(Fault::Kind::ApiError, QStringLiteral("deactivate"), 105));
    m_emu->setLatency(20, 10, QStringLiteral("deactivate"));
    JournalTableModel model(m_journal.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Journal::Filter successes;
    successes.outcome = Outcome::Success;
    model.setFilter(successes);

    // Rows come and change while the run goes on; the filter changes half-way.
    int maxPendingSeen = 0;
    connect(&model, &QAbstractItemModel::modelReset, &model, [&] {
        int pending = 0;
        for (const JournalEntry &e : model.entries())
            pending += e.outcome == Outcome::Pending ? 1 : 0;
        maxPendingSeen = std::max(maxPendingSeen, pending);
    });
    QObject context;
    connect(m_service.get(), &CampaignService::actionProgress, &context, [&](int done, int) {
        if (done == 6)
            model.setFilter(Journal::Filter{});
    });
    QVERIFY(run(CampaignAction::Deactivate, ids, QStringLiteral("live")));
    QVERIFY2(maxPendingSeen > 0, "the model showed rows while they were pending");
    QCOMPARE(model.rowCount(), 12);
    QCOMPARE(model.entryAt(0).rowId, m_journal->entries().first().rowId); // newest first
    for (int r = 1; r < model.rowCount(); ++r)
        QVERIFY(model.entryAt(r).rowId < model.entryAt(r - 1).rowId);
    model.setFilter(successes);
    QCOMPARE(model.rowCount(), 11);
    Journal::Filter refused;
    refused.outcome = Outcome::ApiError;
    refused.campaignId = 105;
    model.setFilter(refused);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, JournalTableModel::MessageColumn).data().toString(),
             QStringLiteral("Your Altcraft tariff limit has been reached. Contact your account manager. The server "
                            "said: “Tariff limit reached”."));
    QCOMPARE(model.index(0, JournalTableModel::ReasonColumn).data().toString(), QStringLiteral("live"));
    QCOMPARE(model.index(0, JournalTableModel::HostColumn).data().toString(), apiHost());
}

QTEST_GUILESS_MAIN(TestJournalRecorder)
#include "tst_journal_recorder.moc"
