#include "campaignservice.h"

#include "campaignactions.h"
#include "logging.h"
#include "settings.h"

#include <QDateTime>
#include <QTimer>

#include <memory>

namespace {
// Each insertion costs the window a relayout and repaint of the table, a new status bar text and
// the proxy a pass over the new rows, whatever its size: a 100-page list goes in as some 30
// batches instead of 100, the first page at once.
constexpr int kPageBatchMs = 100;
} // namespace

CampaignService::CampaignService(AltcraftClient *client, Settings *settings, QObject *parent)
    : QObject(parent), m_client(client), m_settings(settings), m_model(new CampaignTableModel(this)),
      m_autoRefresh(new QTimer(this)), m_pageBatch(new QTimer(this))
{
    m_pageBatch->setSingleShot(true);
    m_pageBatch->setInterval(kPageBatchMs);
    connect(m_pageBatch, &QTimer::timeout, this, &CampaignService::flushPages);
    if (m_settings)
        m_tracked = m_settings->trackedCampaignIds();
    connect(m_autoRefresh, &QTimer::timeout, this, [this] {
        if (!isLoading() && !isRunningAction())
            reload();
    });
}

void CampaignService::setAutoRefreshSeconds(int seconds)
{
    if (seconds > 0)
        m_autoRefresh->start(seconds * 1000);
    else
        m_autoRefresh->stop();
}

void CampaignService::reload()
{
    if (m_shutDown)
        return;
    if (m_load)
        m_load->cancel();
    m_seen.clear();
    Q_EMIT loadStarted();
    m_load = m_client->listCampaigns(
        m_serverFilter, this, [this](QList<Campaign> &&page) { addPage(std::move(page)); },
        [this, filtered = hasServerFilter()](const ApiError &error, const ListOutcome &outcome) {
            if (m_switching)
                return; // the listing of the account left behind: nothing of it is shown
            flushPages(); // what arrived goes in, however the listing ended
            m_load = nullptr;
            m_canList = error.kind() != ApiError::Kind::NoAccess;
            // Only the whole account's list tells whether the table can hold it; a failed or
            // cancelled one tells nothing.
            if (!filtered && (outcome.capped || error.kind() == ApiError::Kind::ListTooLong))
                m_capped = true;
            else if (!filtered && error.isNone())
                m_capped = false;
            if (error.isNone()) {
                const QSet<qint64> tracked(m_tracked.cbegin(), m_tracked.cend());
                for (qint64 id : m_model->ids()) {
                    if (!m_seen.contains(id) && !tracked.contains(id))
                        m_model->remove(id);
                }
            }
            // Campaigns added by ID are read one by one: they may be outside the list, or the
            // token may lack the right to list at all.
            if (error.isNone() || !m_canList)
                refreshTracked(m_seen);
            if (outcome.skipped > 0)
                Q_EMIT loadSkipped(outcome.skipped, outcome.skipReasons);
            // Whoever hears that the list is in sees the rows' changes first.
            m_model->flushChanges();
            Q_EMIT loadFinished(error, static_cast<int>(outcome.total));
        });
}

void CampaignService::setServerFilter(const CampaignFilter &filter)
{
    // Where the listing starts and how it pages stay the service's own.
    CampaignFilter narrowed;
    narrowed.state = filter.state;
    narrowed.tags = filter.tags;
    narrowed.groups = filter.groups;
    narrowed.groupIds = filter.groupIds;
    if (narrowed == m_serverFilter)
        return;
    m_serverFilter = narrowed;
    Q_EMIT serverFilterChanged();
    reload(); // cancels a load in progress, whose list no longer answers the question asked
}

void CampaignService::addPage(QList<Campaign> &&page)
{
    for (const Campaign &c : std::as_const(page))
        m_seen.insert(c.id);
    m_pendingPages.append(std::move(page)); // each page goes in as its own block, not moved again
    if (!m_pageBatch->isActive())
        flushPages();
}

void CampaignService::flushPages()
{
    if (m_pendingPages.isEmpty())
        return;
    for (QList<Campaign> &page : std::exchange(m_pendingPages, {}))
        m_model->upsert(std::move(page));
    Q_EMIT loadProgress(static_cast<int>(m_seen.size()));
    m_pageBatch->start(); // the next pages wait for it
}

void CampaignService::mergeRead(const QList<Campaign> &campaigns)
{
    if (m_shutDown || m_switching)
        return;
    QList<Campaign> known;
    for (const Campaign &c : campaigns) {
        const Campaign *row = m_model->campaign(c.id);
        if (row && !m_model->isBusy(c.id) && !(*row == c))
            known.append(c);
    }
    if (!known.isEmpty())
        m_model->upsert(std::move(known));
}

void CampaignService::switchAccount()
{
    Q_ASSERT(!isRunningAction());
    ++m_generation; // answers still coming for the previous account are dropped
    if (m_load) {
        m_switching = true;
        std::exchange(m_load, nullptr)->cancel();
        m_switching = false;
    }
    m_pageBatch->stop();
    m_pendingPages.clear();
    m_seen.clear();
    m_model->clear();
    m_undoIds.clear();
    Q_EMIT undoAvailable(0);
    m_localSchedules.clear();
    m_tracked = m_settings ? m_settings->trackedCampaignIds() : QList<qint64>{};
    m_canList = true;
    m_capped = false;
    // Another account's tags and groups mean nothing here. The caller's reload lists it whole.
    if (std::exchange(m_serverFilter, CampaignFilter{}) != CampaignFilter{})
        Q_EMIT serverFilterChanged();
}

void CampaignService::cancelLoad()
{
    if (m_load)
        m_load->cancel();
}

void CampaignService::fetchInfo(qint64 id, const std::function<void(const ApiError &)> &done)
{
    m_client->campaign(id, this, [this, id, done, generation = m_generation](const ApiResult<Campaign> &r) {
        if (generation != m_generation)
            return;
        if (r.ok())
            m_model->upsert({r.value});
        else
            qCDebug(lcApi) << "campaign" << id << "could not be read:" << ApiError::kindName(r.error.kind());
        done(r.error);
    });
}

qint64 CampaignService::readStatuses(const QList<qint64> &ids)
{
    const qint64 ticket = ++m_statusTicket;
    struct Reading {
        qsizetype pending = 0;
        QHash<qint64, CampaignStatus> read;
    };
    auto reading = std::make_shared<Reading>();
    reading->pending = ids.size();
    if (ids.isEmpty()) {
        // Queued, so the caller has its ticket before the answer comes.
        QMetaObject::invokeMethod(
            this, [this, ticket] { Q_EMIT statusesRead(ticket, {}); }, Qt::QueuedConnection);
        return ticket;
    }
    for (qint64 id : ids) {
        m_client->status(id, this,
                         [this, id, ticket, reading, generation = m_generation](const ApiResult<CampaignStatus> &r) {
                             if (r.ok() && generation == m_generation) {
                                 reading->read.insert(id, r.value);
                                 m_model->setStatus(id, r.value);
                             }
                             if (--reading->pending == 0)
                                 Q_EMIT statusesRead(ticket, reading->read);
                         });
    }
    return ticket;
}

void CampaignService::refreshTracked(const QSet<qint64> &skip)
{
    for (qint64 id : std::as_const(m_tracked)) {
        if (!skip.contains(id))
            fetchInfo(id, [](const ApiError &) {});
    }
}

void CampaignService::addByIds(const QList<qint64> &ids)
{
    if (ids.isEmpty()) {
        Q_EMIT addFinished(0, {});
        return;
    }
    struct Batch {
        int pending = 0;
        int added = 0;
        QStringList errors;
    };
    auto batch = std::make_shared<Batch>();
    batch->pending = static_cast<int>(ids.size());
    for (qint64 id : ids) {
        fetchInfo(id, [this, id, batch](const ApiError &error) {
            if (error.isNone()) {
                ++batch->added;
                if (!m_tracked.contains(id))
                    m_tracked.append(id);
            } else {
                batch->errors << tr("Campaign %1: %2")
                                     .arg(id)
                                     .arg(error.serverText().isEmpty() ? error.message() : error.serverText());
            }
            if (--batch->pending == 0) {
                saveTracked();
                Q_EMIT addFinished(batch->added, batch->errors);
            }
        });
    }
}

void CampaignService::untrack(const QList<qint64> &ids)
{
    for (qint64 id : ids) {
        if (m_tracked.removeAll(id) > 0 && !m_seen.contains(id))
            m_model->remove(id);
    }
    saveTracked();
}

void CampaignService::saveTracked()
{
    if (m_settings)
        m_settings->setTrackedCampaignIds(m_tracked);
}

std::optional<ActivationSchedule> CampaignService::localSchedule(qint64 id) const
{
    const auto it = m_localSchedules.constFind(id);
    return it == m_localSchedules.constEnd() ? std::nullopt : std::optional<ActivationSchedule>(*it);
}

void CampaignService::setLocalSchedules(const QHash<qint64, ActivationSchedule> &schedules)
{
    m_localSchedules = schedules;
    Q_EMIT localSchedulesChanged();
}

bool CampaignService::runAction(CampaignAction action, const QList<qint64> &ids, const QString &reason,
                                const ActivationSchedule &schedule)
{
    if (isRunningAction() || m_shutDown)
        return false;
    QList<qint64> eligible;
    for (qint64 id : ids) {
        const Campaign *c = m_model->campaign(id);
        if (c && !m_model->isBusy(id) && CampaignActions::allows(c->status, action))
            eligible.append(id);
    }
    if (eligible.isEmpty())
        return false;
    m_undoIds.clear();
    Q_EMIT undoAvailable(0);
    const qint64 operationId = ++m_operationId;
    auto *runner = new BulkRunner(m_client, action, eligible, this);
    m_actionSchedule = action == CampaignAction::Activate ? schedule : ActivationSchedule{};
    runner->setSchedule(m_actionSchedule);
    if (m_settings)
        runner->setConcurrency(m_settings->concurrency());
    // The runner reads each campaign back inside its concurrency slot: the row shows what the
    // server holds (status, updated, updated by), and only that decides success.
    runner->setReadBackWholeCampaign(true);
    m_runner = runner;
    for (qint64 id : eligible)
        m_model->setBusy(id, action);
    connect(runner, &BulkRunner::itemStarted, this,
            [this, operationId, action](qint64 id) { Q_EMIT actionItemStarted(operationId, action, id); });
    connect(runner, &BulkRunner::itemFinished, this, [this, operationId, action](const BulkItemResult &r) {
        // What this computer scheduled stays known while it holds: any later change of the
        // campaign from here replaces it.
        if (r.outcome == BulkOutcome::Succeeded) {
            const ActivationSchedule &s = m_actionSchedule;
            if (action == CampaignAction::Activate
                && (s.activateAt.isValid() || s.deactivateAt.isValid() || s.completeAt.isValid()))
                m_localSchedules.insert(r.id, s);
            else
                m_localSchedules.remove(r.id);
        }
        // The row leaves "Deactivating…" for the status the server reported; when it could not
        // be read, the row keeps the last status it knew and the results say "unknown".
        m_model->setStatus(r.id, r.statusAfter);
        if (r.campaignAfter)
            m_model->upsert({*r.campaignAfter}); // status, updated, updated by: as the server has them
        m_model->setBusy(r.id, std::nullopt);
        // After a refusal our row was most often stale: the runner read it back; read it again
        // only when that read failed.
        if (r.outcome == BulkOutcome::Failed && r.error.kind() == ApiError::Kind::BadRequest && !r.campaignAfter)
            fetchInfo(r.id, [](const ApiError &) {});
        Q_EMIT actionItemFinished(operationId, r);
    });
    connect(runner, &BulkRunner::progress, this, &CampaignService::actionProgress);
    connect(runner, &BulkRunner::finished, this, [this, runner, action](const BulkSummary &summary) {
        const QList<BulkItemResult> results = runner->results();
        if (action == CampaignAction::Deactivate) {
            for (const BulkItemResult &r : results) {
                if (r.outcome == BulkOutcome::Succeeded)
                    m_undoIds.append(r.id);
            }
        }
        runner->deleteLater();
        // Whoever hears that the action ended sees its rows' changes first: a button that still
        // counted a row as active could offer Deactivate again.
        m_model->flushChanges();
        Q_EMIT actionFinished(action, summary, results);
        Q_EMIT undoAvailable(static_cast<int>(m_undoIds.size()));
    });
    Q_EMIT actionStarted(operationId, action, static_cast<int>(eligible.size()), reason);
    runner->start();
    return true;
}

void CampaignService::shutDown()
{
    m_shutDown = true;
    m_autoRefresh->stop();
    cancelLoad();
    // Requests on the wire finish and are recorded: aborting them now would leave outcomes that
    // only a later read could settle, and the app is about to stop reading.
    if (m_runner)
        m_runner->stopSending();
}

void CampaignService::cancelAction()
{
    if (m_runner)
        m_runner->cancel();
}

bool CampaignService::undo()
{
    if (m_undoIds.isEmpty())
        return false;
    const QList<qint64> ids = m_undoIds;
    return runAction(CampaignAction::Activate, ids);
}
