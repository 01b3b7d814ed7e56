#include "incidentpause.h"

#include "campaignservice.h"
#include "logging.h"

#include <QLocale>

#include <memory>

IncidentPause::IncidentPause(CampaignService *service, QObject *parent) : QObject(parent), m_service(service)
{ }

QList<Campaign> IncidentPause::eligible(const CampaignService *service, const QList<qint64> &ids)
{
    QList<Campaign> result;
    for (qint64 id : ids) {
        const Campaign *c = service->model()->campaign(id);
        if (c && !service->model()->isBusy(id)
            && (c->status == CampaignStatus::Active || c->status == CampaignStatus::Waiting))
            result.append(*c);
    }
    return result;
}

bool IncidentPause::start(const AccountRef &account, IncidentSnapshot::Scope scope, const QList<qint64> &ids,
                          const QString &reason)
{
    if (m_running || m_service->isRunningAction())
        return false;
    QList<Campaign> before = eligible(m_service, ids);
    if (before.isEmpty())
        return false;
    QList<qint64> send;
    send.reserve(before.size());
    for (const Campaign &c : std::as_const(before))
        send.append(c.id);
    m_connection = connect(m_service, &CampaignService::actionFinished, this,
                           [this](CampaignAction, const BulkSummary &summary, const QList<BulkItemResult> &results) {
                               disconnect(m_connection);
                               complete(results, summary);
                           });
    m_account = account;
    m_scope = scope;
    m_reason = reason;
    m_startedAt = QDateTime::currentDateTimeUtc();
    m_before = std::move(before);
    m_running = true;
    if (!m_service->runAction(CampaignAction::Deactivate, send, reason)) {
        disconnect(m_connection);
        m_running = false;
        m_before.clear();
        return false;
    }
    return true;
}

void IncidentPause::complete(const QList<BulkItemResult> &results, const BulkSummary &summary)
{
    // The runner reads each campaign back whole; should one have come back without its updated
    // fields, it is read once more, so the snapshot holds what the server reports after the pause.
    const QList<qint64> missing = IncidentSnapshot::needingReadBack(results);
    auto readBack = std::make_shared<QHash<qint64, Campaign>>();
    auto left = std::make_shared<int>(static_cast<int>(missing.size()));
    auto done = [this, results, summary, readBack] {
        const IncidentSnapshot snapshot
            = IncidentSnapshot::fromRun(m_account, m_startedAt, m_scope, m_reason, m_before, results, *readBack);
        m_before.clear();
        m_running = false;
        Q_EMIT finished(snapshot, summary);
    };
    if (missing.isEmpty()) {
        done();
        return;
    }
    qCDebug(lcApp) << "incident pause: reading" << missing.size() << "campaigns back for the snapshot";
    for (qint64 id : missing) {
        m_service->client()->campaign(id, this, [readBack, left, done, id](const ApiResult<Campaign> &r) {
            if (r.ok())
                readBack->insert(id, r.value);
            if (--*left == 0)
                done();
        });
    }
}

SnapshotRestore::SnapshotRestore(CampaignService *service, QObject *parent) : QObject(parent), m_service(service)
{ }

QString SnapshotRestore::refusal(const IncidentSnapshot &snapshot, const AccountRef &account)
{
    if (account.isNull() && account.name.isEmpty())
        return tr("No account is in use: a snapshot can only be restored in the account it was taken in.");
    // A one-off --api-url session has no id; its snapshots carry the server's host as the
    // account's name, and are restored in a one-off session on that host. (Each campaign's
    // updated time and user are still compared, so another server's campaigns are left alone.)
    if (snapshot.account.id != account.id || (account.isNull() && snapshot.account.name != account.name))
        return tr("This snapshot was taken in the account “%1”, not in “%2”. Switch to “%1” to restore it.")
            .arg(snapshot.account.name, account.name);
    return {};
}

QString SnapshotRestore::reasonFor(const IncidentSnapshot &snapshot)
{
    return tr("Restore of the incident pause of %1")
        .arg(QLocale().toString(snapshot.takenAt.toLocalTime(), QLocale::ShortFormat));
}

bool SnapshotRestore::plan(const IncidentSnapshot &snapshot, const AccountRef &account)
{
    if (m_reading || !refusal(snapshot, account).isEmpty())
        return false;
    QList<qint64> ids;
    for (const IncidentSnapshotItem &item : snapshot.items) {
        if (item.paused)
            ids.append(item.campaignId);
    }
    struct Reads {
        QHash<qint64, Campaign> found;
        QSet<qint64> unreadable;
        int left = 0;
    };
    auto reads = std::make_shared<Reads>();
    reads->left = static_cast<int>(ids.size());
    const int generation = ++m_generation;
    auto done = [this, snapshot, reads, generation] {
        if (generation != m_generation)
            return;
        m_reading = false;
        Q_EMIT planned(snapshot, SnapshotRestorePlan::classify(snapshot, reads->found, reads->unreadable));
    };
    m_reading = true;
    if (ids.isEmpty()) {
        done();
        return true;
    }
    for (qint64 id : std::as_const(ids)) {
        m_service->client()->campaign(id, this, [reads, done, id](const ApiResult<Campaign> &r) {
            if (r.ok())
                reads->found.insert(id, r.value);
            else if (!(r.error.kind() == ApiError::Kind::ApiCode && r.error.apiCode() == 404))
                reads->unreadable.insert(id); // not "not found": it may well exist
            if (--reads->left == 0)
                done();
        });
    }
    return true;
}

bool SnapshotRestore::restore(const IncidentSnapshot &snapshot, const SnapshotRestorePlan &plan)
{
    if (plan.toActivate().isEmpty())
        return false;
    return m_service->runAction(CampaignAction::Activate, plan.toActivate(), reasonFor(snapshot));
}
