#include "bulkrunner.h"

#include "campaignactions.h"
#include "logging.h"

#include <QTimer>

BulkRunner::BulkRunner(AltcraftClient *client, CampaignAction action, QList<qint64> ids, QObject *parent)
    : QObject(parent), m_client(client), m_action(action), m_ids(std::move(ids)), m_resumeTimer(new QTimer(this)),
      m_settleDeadline(new QTimer(this))
{
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
    if (m_inFlight > 0)
        m_settleDeadline->start(m_cancelSettleMs);
    maybeFinish();
}

void BulkRunner::abortSettleReads()
{
    const QList<QPointer<ApiCall>> reads = m_reads.values();
    for (const QPointer<ApiCall> &call : reads) {
        if (call)
            call->cancel(); // reports Cancelled: the item ends as Unknown
    }
}

void BulkRunner::dispatch()
{
    if (m_resumeTimer->isActive() || !m_client)
        return;
    while (!m_cancelled && m_inFlight < m_concurrency && !m_queue.isEmpty())
        send(m_queue.takeFirst());
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
    if (error.isBackoff() && item.backoffs < m_maxBackoffs && !m_cancelled) {
        // The server did not act and asked us to slow down: safe to send again, later.
        --m_inFlight;
        ++item.backoffs;
        // Timers and clocks count whole milliseconds: one more keeps the wait at least what was asked.
        const int waitMs = error.retryAfterSeconds() >= 0 ? error.retryAfterSeconds() * 1000 + 1
                                                          : m_defaultBackoffMs * (1 << std::min(item.backoffs - 1, 5));
        qCDebug(lcApi) << "bulk: backing off" << waitMs << "ms after" << ApiError::kindName(error.kind());
        m_queue.prepend(item);
        const int remaining = m_resumeTimer->isActive() ? m_resumeTimer->remainingTime() : 0;
        m_resumeTimer->start(std::max(remaining, waitMs));
        return;
    }
    // "Done", a lost or useless answer, a redirect, or our own abort: only the status says
    // whether the change is in effect.
    if (error.isNone() || error.outcomeUnknown() || error.kind() == ApiError::Kind::RedirectRefused
        || error.kind() == ApiError::Kind::Cancelled)
        return readBack(item, error, BulkOutcome::NotInEffect);
    // An "illegal transition" may mean the campaign is already where we wanted it: another
    // user got there first, or Qt's HTTP stack re-sent the request after the server dropped
    // the connection. The status tells which.
    if (error.kind() == ApiError::Kind::BadRequest)
        return readBack(item, error, BulkOutcome::Failed);
    --m_inFlight;
    BulkItemResult r;
    r.outcome = BulkOutcome::Failed;
    r.error = error;
    complete(item, r);
    dispatch();
}

void BulkRunner::readBack(Item item, const ApiError &error, BulkOutcome ifNotReached)
{
    // The slot stays taken while the campaign is read, so the server never sees more than the
    // configured number of requests from us.
    ApiCall *call = nullptr;
    if (m_readWhole) {
        call = m_client->campaign(item.id, this, [this, item, error, ifNotReached](const ApiResult<Campaign> &r) {
            onReadBack(item, error, ifNotReached, r.error, r.ok() ? r.value.status : CampaignStatus::Unknown,
                       r.ok() ? std::optional<Campaign>(r.value) : std::nullopt);
        });
    } else {
        call = m_client->status(item.id, this, [this, item, error, ifNotReached](const ApiResult<CampaignStatus> &r) {
            onReadBack(item, error, ifNotReached, r.error, r.value, std::nullopt);
        });
    }
    m_reads.insert(item.id, call);
}

void BulkRunner::onReadBack(const Item &item, const ApiError &error, BulkOutcome ifNotReached,
                            const ApiError &readError, CampaignStatus status, const std::optional<Campaign> &campaign)
{
    m_reads.remove(item.id);
    --m_inFlight;
    BulkItemResult r;
    r.error = error;
    r.readError = readError;
    r.settledByReread = !error.isNone();
    if (readError.isNone()) {
        r.statusAfter = status;
        r.campaignAfter = campaign;
        r.outcome = CampaignActions::reaches(m_action, status) ? BulkOutcome::Succeeded : ifNotReached;
    } else {
        r.outcome = ifNotReached == BulkOutcome::NotInEffect ? BulkOutcome::Unknown : ifNotReached;
    }
    complete(item, r);
    dispatch();
    maybeFinish();
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
    Q_EMIT finished(summary());
}
