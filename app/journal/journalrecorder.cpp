#include "journalrecorder.h"

#include "campaignactions.h"
#include "campaignservice.h"
#include "journal.h"

#include <QUuid>

#include <memory>

JournalRecorder::JournalRecorder(Journal *journal, CampaignService *service, QObject *parent)
    : QObject(parent), m_journal(journal), m_service(service)
{
    connect(service, &CampaignService::actionStarted, this,
            [this](qint64 operationId, CampaignAction, int total, const QString &reason) {
                m_operations.insert(
                    operationId, {total > 1 ? QUuid::createUuid().toString(QUuid::WithoutBraces) : QString(), reason});
            });
    connect(service, &CampaignService::actionItemStarted, this, &JournalRecorder::onItemStarted);
    connect(service, &CampaignService::actionItemFinished, this, &JournalRecorder::onItemFinished);
    connect(service, &CampaignService::actionFinished, this, [this] {
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
    const Operation op = m_operations.value(operationId);
    e.operationId = op.uuid;
    e.reason = op.reason;
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
    JournalEntry::Outcome outcome = JournalEntry::Outcome::Unknown;
    int code = 0;
    QString text;
    switch (r.outcome) {
    case BulkOutcome::Succeeded:
        outcome = JournalEntry::Outcome::Success;
        text = r.message(); // empty unless the request's answer was not a plain "done"
        break;
    case BulkOutcome::NotInEffect:
        outcome = JournalEntry::Outcome::NotApplied;
        code = r.error.apiCode() != 0 ? r.error.apiCode() : r.error.httpStatus();
        text = r.message();
        break;
    case BulkOutcome::Cancelled:
        outcome = JournalEntry::Outcome::Cancelled;
        break;
    case BulkOutcome::Unknown:
        outcome = JournalEntry::Outcome::Unknown;
        text = r.message();
        break;
    case BulkOutcome::Failed: {
        const bool serverSaid = r.error.apiCode() != 0 || r.error.httpStatus() != 0;
        outcome = serverSaid ? JournalEntry::Outcome::ApiError : JournalEntry::Outcome::TransportError;
        code = r.error.apiCode() != 0 ? r.error.apiCode() : r.error.httpStatus();
        text = r.error.serverText().isEmpty() ? r.error.message() : r.error.serverText();
        break;
    }
    }
    m_journal->finish(row, outcome, r.statusAfter, code, text, r.durationMs);
}

void JournalRecorder::checkStatusNow(const QList<qint64> &rowIds)
{
    QList<JournalEntry> rows;
    for (const JournalEntry &e : m_journal->unsettled()) {
        if (rowIds.isEmpty() || rowIds.contains(e.rowId))
            rows.append(e);
    }
    if (rows.isEmpty()) {
        Q_EMIT checkFinished(0, 0);
        return;
    }
    struct Tally {
        int pending = 0, settled = 0, unknown = 0;
    };
    auto tally = std::make_shared<Tally>();
    tally->pending = static_cast<int>(rows.size());
    for (const JournalEntry &e : rows) {
        m_service->client()->status(e.campaignId, this, [this, e, tally](const ApiResult<CampaignStatus> &r) {
            if (r.ok()) {
                const bool reached = CampaignActions::reaches(e.action, r.value);
                m_journal->settle(e.rowId, r.value, reached);
                m_service->model()->setStatus(e.campaignId, r.value);
                ++(reached ? tally->settled : tally->unknown);
            } else {
                ++tally->unknown;
            }
            if (--tally->pending == 0)
                Q_EMIT checkFinished(tally->settled, tally->unknown);
        });
    }
}
