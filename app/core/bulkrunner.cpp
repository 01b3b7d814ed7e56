#include "bulkrunner.h"

#include "logging.h"

#include <QTimer>

BulkRunner::BulkRunner(AltcraftClient *client, CampaignAction action, QList<qint64> ids, QObject *parent)
    : QObject(parent), m_client(client), m_action(action), m_ids(std::move(ids)), m_resumeTimer(new QTimer(this))
{
    m_resumeTimer->setSingleShot(true);
    // A wait the server asked for (Retry-After) is a minimum: a coarse timer fires up to 5% early.
    m_resumeTimer->setTimerType(Qt::PreciseTimer);
    connect(m_resumeTimer, &QTimer::timeout, this, &BulkRunner::dispatch);
}

void BulkRunner::setConcurrency(int concurrency)
{
    m_concurrency = std::clamp(concurrency, 1, kMaxConcurrency);
}

bool BulkRunner::reachedTarget(CampaignAction action, CampaignStatus status)
{
    switch (action) {
    case CampaignAction::Activate:
        return status == CampaignStatus::Active || status == CampaignStatus::Waiting;
    case CampaignAction::Deactivate:
        return status == CampaignStatus::Inactive;
    case CampaignAction::Complete:
        return status == CampaignStatus::Completed;
    }
    return false;
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

void BulkRunner::cancel()
{
    if (!m_started || m_finished || m_cancelled)
        return;
    m_cancelled = true;
    m_resumeTimer->stop();
    const QList<Item> queued = std::exchange(m_queue, {});
    for (const Item &item : queued)
        complete(item, BulkOutcome::Cancelled, ApiError(ApiError::Kind::Cancelled), CampaignStatus::Unknown, false);
    maybeFinish();
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
    m_client->perform(
        m_action, item.id, this, [this, item](const ApiResult<Done> &r) { onActionDone(item, r.error); }, m_schedule);
}

void BulkRunner::onActionDone(Item item, const ApiError &error)
{
    if (error.isNone()) {
        if (m_verify)
            return settleByReread(item, error, BulkOutcome::Succeeded);
        --m_inFlight;
        complete(item, BulkOutcome::Succeeded, error, CampaignStatus::Unknown, false);
    } else if (error.isBackoff() && item.backoffs < m_maxBackoffs && !m_cancelled) {
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
    } else if (error.outcomeUnknown()) {
        return settleByReread(item, error, BulkOutcome::Unknown);
    } else if (error.kind() == ApiError::Kind::BadRequest) {
        // An "illegal transition" may mean the campaign is already where we wanted it: another
        // user got there first, or Qt's HTTP stack re-sent the request after the server dropped
        // the connection. The status tells which.
        return settleByReread(item, error, BulkOutcome::Failed);
    } else {
        --m_inFlight;
        complete(item, BulkOutcome::Failed, error, CampaignStatus::Unknown, false);
    }
    dispatch();
}

void BulkRunner::settleByReread(Item item, const ApiError &error, BulkOutcome ifNotReached)
{
    // The slot stays taken while the campaign is read, so the server never sees more than the
    // configured number of requests from us.
    if (error.isNone()) {
        m_client->campaign(item.id, this, [this, item](const ApiResult<Campaign> &r) {
            --m_inFlight;
            complete(item, BulkOutcome::Succeeded, ApiError(), r.ok() ? r.value.status : CampaignStatus::Unknown, false,
                     r.ok() ? std::optional<Campaign>(r.value) : std::nullopt);
            dispatch();
            maybeFinish();
        });
        return;
    }
    m_client->status(item.id, this, [this, item, error, ifNotReached](const ApiResult<CampaignStatus> &r) {
        --m_inFlight;
        if (r.ok() && reachedTarget(m_action, r.value))
            complete(item, BulkOutcome::Succeeded, error, r.value, true);
        else
            complete(item, ifNotReached, error, r.ok() ? r.value : CampaignStatus::Unknown, r.ok());
        dispatch();
        maybeFinish();
    });
}

void BulkRunner::complete(const Item &item, BulkOutcome outcome, const ApiError &error, CampaignStatus statusAfter,
                          bool settled, const std::optional<Campaign> &campaignAfter)
{
    BulkItemResult r;
    r.id = item.id;
    r.action = m_action;
    r.outcome = outcome;
    r.error = error;
    r.statusAfter = statusAfter;
    r.settledByReread = settled;
    r.campaignAfter = campaignAfter;
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
    Q_EMIT finished(summary());
}
