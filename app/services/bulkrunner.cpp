#include "bulkrunner.h"

#include "campaignactions.h"
#include "logging.h"

#include <QTimer>

BulkRunner::BulkRunner(AltcraftClient *client, CampaignAction action, QList<qint64> ids, QObject *parent)
    : QObject(parent), m_client(client), m_action(action), m_ids(std::move(ids)), m_listDelay(new QTimer(this)),
      m_resumeTimer(new QTimer(this)), m_settleDeadline(new QTimer(this))
{
    m_listDelay->setSingleShot(true);
    connect(m_listDelay, &QTimer::timeout, this, &BulkRunner::dispatch);
    m_settleDeadline->setSingleShot(true);
    connect(m_settleDeadline, &QTimer::timeout, this, &BulkRunner::abortSettleReads);
    m_resumeTimer->setSingleShot(true);
    // A wait the server asked for (Retry-After) is a minimum: a coarse timer fires up to 5% early.
    m_resumeTimer->setTimerType(Qt::PreciseTimer);
    connect(m_resumeTimer, &QTimer::timeout, this, &BulkRunner::dispatch);
}

void BulkRunner::setConcurrency(int concurrency)
{
    m_concurrency = std::clamp(concurrency, 1, kMaxConcurrency);
}

BulkSummary BulkRunner::summary() const
{
    BulkSummary s;
    s.total = total();
    for (const BulkItemResult &r : m_results) {
        switch (r.outcome) {
        case BulkOutcome::Succeeded:
            ++s.succeeded;
            break;
        case BulkOutcome::Failed:
            ++s.failed;
            break;
        case BulkOutcome::NotInEffect:
            ++s.notInEffect;
            break;
        case BulkOutcome::Unknown:
            ++s.unknown;
            break;
        case BulkOutcome::Cancelled:
            ++s.cancelled;
            break;
        }
    }
    return s;
}

void BulkRunner::start()
{
    if (m_started)
        return;
    m_started = true;
    for (qint64 id : std::as_const(m_ids))
        m_queue.append(Item{id, 0, 0, {}});
    if (m_queue.isEmpty()) {
        maybeFinish();
        return;
    }
    dispatch();
}

void BulkRunner::dropQueued()
{
    m_cancelled = true;
    m_resumeTimer->stop();
    const QList<Item> queued = std::exchange(m_queue, {});
    for (const Item &item : queued) {
        BulkItemResult r;
        r.outcome = BulkOutcome::Cancelled;
        r.error = ApiError(ApiError::Kind::Cancelled);
        complete(item, r);
    }
}

void BulkRunner::stopSending()
{
    if (!m_started || m_finished || m_cancelled)
        return;
    dropQueued();
    maybeFinish();
}

void BulkRunner::cancel()
{
    if (!m_started || m_finished || m_cancelled)
        return;
    dropQueued();
    // A request left hanging would hold the run for the whole transfer timeout. Aborting it
    // makes its outcome unknown until its status is read, which onActionDone does next.
    const QList<QPointer<ApiCall>> writes = m_writes.values();
    for (const QPointer<ApiCall> &call : writes) {
        if (call)
            call->cancel();
    }
    if (m_inFlight > 0 || !m_answered.isEmpty() || !m_readQueue.isEmpty())
        m_settleDeadline->start(m_cancelSettleMs);
    dispatch(); // the answered items' reads need not wait for the batch
    maybeFinish();
}

void BulkRunner::abortSettleReads()
{
    m_settleAborted = true;
    // Reads not started by now will not be: their items end as Unknown.
    const QList<Answered> waiting = std::exchange(m_readQueue, {}) + m_answered.values();
    m_answered.clear();
    for (const Answered &a : waiting)
        settle(a, ApiError(ApiError::Kind::Cancelled), CampaignStatus::Unknown, std::nullopt);
    if (m_listRead)
        m_listRead->cancel();
    const QList<QPointer<ApiCall>> reads = m_reads.values();
    for (const QPointer<ApiCall> &call : reads) {
        if (call)
            call->cancel(); // reports Cancelled: the item ends as Unknown
    }
}

int BulkRunner::handOverLimit() const
{
    // At Qt's own limit of connections to one server, Qt holds the wire at that many requests
    // whatever we hand it: as many again wait inside Qt and go out the moment a connection is
    // free, not a trip through this (busy) thread later, which cost the run a tenth of its time.
    // Reads are asked for at high priority, so they pass the waiting writes. After the server
    // asked us to slow down, only what may be on the wire is handed over.
    return m_concurrency >= kMaxConcurrency && !m_backedOff ? 2 * m_concurrency : m_concurrency;
}

bool BulkRunner::writesDone() const
{
    return m_writes.isEmpty() && (m_cancelled || m_queue.isEmpty());
}

bool BulkRunner::listReadBackDue() const
{
    if (m_answered.isEmpty() || m_listRead)
        return false;
    return writesDone() || m_answered.size() >= m_listBatch || !m_listDelay->isActive();
}

void BulkRunner::dispatch()
{
    if (!m_client)
        return;
    // Reads first: they settle items the user is waiting on, and they never change anything.
    while (m_inFlight < handOverLimit()) {
        if (!m_readQueue.isEmpty()) {
            ++m_inFlight;
            readBack(m_readQueue.takeFirst());
        } else if (listReadBackDue()) {
            readBackByList();
        } else if (!m_cancelled && !m_resumeTimer->isActive() && !m_queue.isEmpty()) {
            send(m_queue.takeFirst());
        } else {
            break;
        }
    }
}

void BulkRunner::send(Item item)
{
    ++item.attempts;
    if (!item.elapsed.isValid())
        item.elapsed.start();
    ++m_inFlight;
    Q_EMIT itemStarted(item.id);
    m_writes.insert(item.id,
                    m_client->perform(
                        m_action, item.id, this,
                        [this, item](const ApiResult<Done> &r) { onActionDone(item, r.error); }, m_schedule));
}

void BulkRunner::onActionDone(Item item, const ApiError &error)
{
    m_writes.remove(item.id);
    --m_inFlight;
    if (error.isBackoff() && item.backoffs < m_maxBackoffs && !m_cancelled) {
        // The server did not act and asked us to slow down: safe to send again, later.
        ++item.backoffs;
        m_backedOff = true;
        // Timers and clocks count whole milliseconds: one more keeps the wait at least what was asked.
        const int waitMs = error.retryAfterSeconds() >= 0 ? error.retryAfterSeconds() * 1000 + 1
                                                          : m_defaultBackoffMs * (1 << std::min(item.backoffs - 1, 5));
        qCDebug(lcApi) << "bulk: backing off" << waitMs << "ms after" << ApiError::kindName(error.kind());
        m_queue.prepend(item);
        const int remaining = m_resumeTimer->isActive() ? m_resumeTimer->remainingTime() : 0;
        m_resumeTimer->start(std::max(remaining, waitMs));
        dispatch();
        return;
    }
    // "Done", a lost or useless answer, a redirect, or our own abort: only the status says
    // whether the change is in effect. An "illegal transition" (400) may mean the campaign is
    // already where we wanted it: another user got there first, or Qt's HTTP stack re-sent the
    // request after the server dropped the connection. The status tells which.
    const bool read = error.isNone() || error.outcomeUnknown() || error.kind() == ApiError::Kind::RedirectRefused
        || error.kind() == ApiError::Kind::Cancelled;
    if (!read && error.kind() != ApiError::Kind::BadRequest) {
        BulkItemResult r;
        r.outcome = BulkOutcome::Failed;
        r.error = error;
        complete(item, r);
        dispatch();
        return;
    }
    const Answered answered{item, error, read ? BulkOutcome::NotInEffect : BulkOutcome::Failed};
    if (m_settleAborted) {
        settle(answered, ApiError(ApiError::Kind::Cancelled), CampaignStatus::Unknown, std::nullopt);
    } else if (m_readByListing) {
        m_answered.insert(item.id, answered);
        if (!m_listDelay->isActive() && m_answered.size() == 1)
            m_listDelay->start(m_listDelayMs);
    } else {
        m_readQueue.append(answered);
    }
    dispatch();
}

void BulkRunner::readBackByList()
{
    // A page of n campaigns from the lowest ID reaches at least n - 1 IDs further, so every
    // answered ID in that range is on it or does not list.
    const qint64 first = m_answered.firstKey();
    QList<Answered> batch;
    for (auto it = m_answered.cbegin(); it != m_answered.cend() && it.key() - first < kListPageSize; ++it)
        batch.append(it.value());
    for (const Answered &a : std::as_const(batch))
        m_answered.remove(a.item.id);
    if (m_answered.isEmpty())
        m_listDelay->stop();
    else
        m_listDelay->start(m_listDelayMs);
    // Too few for a page to pay: one read each.
    if (batch.size() < kMinListBatch) {
        m_readQueue.append(batch);
        return;
    }
    CampaignFilter filter;
    filter.fromId = first;
    filter.pageSize = static_cast<int>(batch.last().item.id - first + 1);
    filter.maxPages = 1;
    auto listed = std::make_shared<QHash<qint64, Campaign>>();
    ++m_inFlight;
    m_listRead = m_client->listCampaigns(
        filter, this,
        [listed](const QList<Campaign> &page) {
            for (const Campaign &c : page)
                listed->insert(c.id, c);
        },
        [this, batch, listed](const ApiError &error, const ListOutcome &) { onListReadBack(batch, *listed, error); });
}

void BulkRunner::onListReadBack(const QList<Answered> &batch, const QHash<qint64, Campaign> &listed,
                                const ApiError &error)
{
    --m_inFlight;
    m_listRead.clear();
    if (!error.isNone() && m_settleAborted) {
        for (const Answered &a : batch)
            settle(a, error, CampaignStatus::Unknown, std::nullopt);
    } else if (!error.isNone()) {
        // The server will not list (no Run right, an error, a broken page): one read each,
        // for these and the rest of the run.
        qCDebug(lcApi) << "bulk: list read-back failed, reading one by one:" << ApiError::kindName(error.kind());
        m_readByListing = false;
        m_readQueue.append(batch);
        const QList<Answered> rest = m_answered.values();
        m_answered.clear();
        m_listDelay->stop();
        m_readQueue.append(rest);
    } else {
        for (const Answered &a : batch) {
            const auto it = listed.constFind(a.item.id);
            if (it != listed.constEnd())
                settle(a, ApiError(), it->status, m_readWhole ? std::optional<Campaign>(*it) : std::nullopt);
            else
                m_readQueue.append(a); // not listed (deleted, hidden): asked for by its ID
        }
    }
    dispatch();
    maybeFinish();
}

void BulkRunner::readBack(const Answered &answered)
{
    const qint64 id = answered.item.id;
    ApiCall *call = nullptr;
    if (m_readWhole) {
        call = m_client->campaign(id, this, [this, answered](const ApiResult<Campaign> &r) {
            m_reads.remove(answered.item.id);
            --m_inFlight;
            settle(answered, r.error, r.ok() ? r.value.status : CampaignStatus::Unknown,
                   r.ok() ? std::optional<Campaign>(r.value) : std::nullopt);
            dispatch();
            maybeFinish();
        });
    } else {
        call = m_client->status(id, this, [this, answered](const ApiResult<CampaignStatus> &r) {
            m_reads.remove(answered.item.id);
            --m_inFlight;
            settle(answered, r.error, r.value, std::nullopt);
            dispatch();
            maybeFinish();
        });
    }
    m_reads.insert(id, call);
}

void BulkRunner::settle(const Answered &a, const ApiError &readError, CampaignStatus status,
                        const std::optional<Campaign> &campaign)
{
    BulkItemResult r;
    r.error = a.error;
    r.readError = readError;
    r.settledByReread = !a.error.isNone();
    if (readError.isNone()) {
        r.statusAfter = status;
        r.campaignAfter = campaign;
        r.outcome = CampaignActions::reaches(m_action, status) ? BulkOutcome::Succeeded : a.ifNotReached;
    } else {
        r.outcome = a.ifNotReached == BulkOutcome::NotInEffect ? BulkOutcome::Unknown : a.ifNotReached;
    }
    complete(a.item, r);
}

void BulkRunner::complete(const Item &item, BulkItemResult r)
{
    r.id = item.id;
    r.action = m_action;
    r.attempts = item.attempts;
    r.durationMs = item.elapsed.isValid() ? item.elapsed.elapsed() : 0;
    m_results.append(r);
    Q_EMIT itemFinished(r);
    Q_EMIT progress(doneCount(), total());
    maybeFinish();
}

void BulkRunner::maybeFinish()
{
    if (m_finished || !m_started || doneCount() < total() || m_inFlight > 0)
        return;
    m_finished = true;
    m_settleDeadline->stop();
    m_listDelay->stop();
    Q_EMIT finished(summary());
}
