#include "journalrecorder.h"

#include "campaignactions.h"
#include "campaignservice.h"
#include "journal.h"

#include <QUuid>

JournalRecorder::JournalRecorder(Journal *journal, CampaignService *service, QObject *parent)
    : QObject(parent), m_journal(journal), m_service(service)
{
    connect(service, &CampaignService::actionStarted, this,
            [this](qint64 operationId, CampaignAction, int total, const QString &reason) {
                m_operations.insert(operationId,
                                    {total > 1 ? QUuid::createUuid().toString(QUuid::WithoutBraces) : QString(), reason,
                                     m_account, m_service->actionSchedule()});
            });
    connect(service, &CampaignService::actionItemStarted, this, &JournalRecorder::onItemStarted);
    connect(service, &CampaignService::actionItemFinished, this, &JournalRecorder::onItemFinished);
    connect(service, &CampaignService::statusesRead, this, &JournalRecorder::onStatusesRead);
    connect(service, &CampaignService::actionFinished, this, [this] {
        m_journal->commitCompletions();
        // Operation ids are only needed while their items run.
        if (!m_service->isRunningAction())
            m_operations.clear();
    });
}

QString JournalRecorder::osUserName()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    return user.isEmpty() ? QStringLiteral("unknown") : user;
}

void JournalRecorder::setAccount(const AccountRef &account)
{
    m_account = account;
}

void JournalRecorder::onItemStarted(qint64 operationId, CampaignAction action, qint64 campaignId)
{
    const Campaign *c = m_service->model()->campaign(campaignId);
    const QUrl base = m_service->client()->factory().baseUrl();
    JournalEntry e;
    e.startedAt = QDateTime::currentDateTimeUtc();
    e.osUser = osUserName();
    e.apiHost = base.port() > 0 ? QStringLiteral("%1:%2").arg(base.host()).arg(base.port()) : base.host();
    e.campaignId = campaignId;
    e.campaignName = c ? c->name : QString();
    e.action = action;
    e.statusBefore = c ? c->status : CampaignStatus::Unknown;
    const auto known = m_operations.constFind(operationId);
    const Operation op = known != m_operations.constEnd() ? *known : Operation{QString(), QString(), m_account, {}};
    e.operationId = op.uuid;
    e.reason = op.reason;
    e.account = op.account;
    if (action == CampaignAction::Activate) {
        e.requestedStart = op.schedule.activateAt;
        e.requestedPause = op.schedule.deactivateAt;
        e.requestedCompletion = op.schedule.completeAt;
    }
    // A retried item (after 429/503) keeps the row it already has.
    const auto key = qMakePair(operationId, campaignId);
    if (!m_rows.contains(key))
        m_rows.insert(key, m_journal->begin(e));
}

void JournalRecorder::onItemFinished(qint64 operationId, const BulkItemResult &r)
{
    // An item cancelled while queued never started: it gets its row now, saying it was not sent.
    if (r.outcome == BulkOutcome::Cancelled && !m_rows.contains(qMakePair(operationId, r.id)))
        onItemStarted(operationId, r.action, r.id);
    const qint64 row = m_rows.take(qMakePair(operationId, r.id));
    if (row == 0)
        return;
    JournalEntry e;
    switch (r.outcome) {
    case BulkOutcome::Succeeded:
        e.outcome = JournalEntry::Outcome::Success;
        break;
    case BulkOutcome::NotInEffect:
        e.outcome = JournalEntry::Outcome::NotApplied;
        break;
    case BulkOutcome::Cancelled:
        e.outcome = JournalEntry::Outcome::Cancelled;
        break;
    case BulkOutcome::Unknown:
        e.outcome = JournalEntry::Outcome::Unknown;
        break;
    case BulkOutcome::Failed: {
        const bool serverSaid = r.error.apiCode() != 0 || r.error.httpStatus() != 0;
        e.outcome = serverSaid ? JournalEntry::Outcome::ApiError : JournalEntry::Outcome::TransportError;
        break;
    }
    }
    // The facts, not a sentence: History says them in the language of the day it is read.
    e.statusAfter = r.statusAfter;
    e.errorKind = r.error.kind();
    e.httpStatus = r.error.httpStatus();
    e.apiCode = r.error.apiCode();
    e.serverText = r.error.serverText();
    if (e.outcome != JournalEntry::Outcome::Success)
        e.errorCode = e.apiCode != 0 ? e.apiCode : e.httpStatus;
    e.confirmedBy = r.settledByReread ? JournalEntry::Confirmation::ReadBack : JournalEntry::Confirmation::Answer;
    e.durationMs = r.durationMs;
    m_journal->finish(row, e);
}

void JournalRecorder::checkStatusNow(const QList<qint64> &rowIds)
{
    QList<JournalEntry> rows;
    QList<qint64> campaigns;
    for (const JournalEntry &e : m_journal->unsettled()) {
        // Only the account in use can be asked: another account's campaign with the same ID is
        // another campaign. Its rows stay unknown until that account is in use.
        const bool ours = e.account.id.isEmpty() ? e.account.name == m_account.name : e.account.id == m_account.id;
        if (ours && (rowIds.isEmpty() || rowIds.contains(e.rowId))) {
            rows.append(e);
            if (!campaigns.contains(e.campaignId))
                campaigns.append(e.campaignId);
        }
    }
    if (rows.isEmpty()) {
        Q_EMIT checkFinished(0, 0);
        return;
    }
    // The service reads the statuses (and shows them in the table); the journal only records
    // what they show.
    m_checks.insert(m_service->readStatuses(campaigns), rows);
}

void JournalRecorder::onStatusesRead(qint64 ticket, const QHash<qint64, CampaignStatus> &read)
{
    if (!m_checks.contains(ticket))
        return;
    int settled = 0;
    int unknown = 0;
    for (const JournalEntry &e : m_checks.take(ticket)) {
        const auto status = read.constFind(e.campaignId);
        if (status == read.constEnd()) {
            ++unknown;
            continue;
        }
        const bool reached = CampaignActions::reaches(e.action, *status);
        m_journal->settle(e.rowId, *status, reached);
        ++(reached ? settled : unknown);
    }
    Q_EMIT checkFinished(settled, unknown);
}
