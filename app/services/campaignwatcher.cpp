#include "campaignwatcher.h"

#include "campaigntablemodel.h"
#include "logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QTimer>

#include <algorithm>
#include <limits>
#include <utility>

// One check. It is the context of every call the check makes: deleting it (stop()) abandons
// them, so no callback of a stopped check ever runs.
struct CampaignWatcher::Cycle : QObject {
    QDateTime now; // the watcher's clock when the check began: every event of it says this
    QList<qint64> toRead; // watched campaigns still to `get`
    int inFlight = 0;
    bool listing = false;
    QList<Campaign> read;
    QList<WatchEvent> events;
    bool answered = false; // the server answered something (even an error of its own)
    bool anyReadOk = false;
    bool backoff = false; // a 429/503: nothing more is sent in this check
    ApiError firstError; // the first error of any kind
    ApiError unreachableError; // the first CannotConnect, Timeout, …
    ApiError backoffError; // the 429/503 with the longest Retry-After
};

namespace {
constexpr int kMaxConcurrency = 6; // Qt's own connection limit per server, as BulkRunner's

QString dateText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime dateFrom(const QJsonValue &value)
{
    const QString text = value.toString();
    return text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::ISODateWithMs);
}
} // namespace

CampaignWatcher::CampaignWatcher(AltcraftClient *client, const AccountRef &account, QObject *parent)
    : QObject(parent), m_client(client), m_account(account), m_timer(new QTimer(this)),
      m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    Q_ASSERT(client);
    // A failed check is tried again at the next check, with backoff; a retry inside a check would
    // keep sending after a 429 and hold the check for Retry-After times the retries.
    m_client->setReadRetries(0);
    m_timer->setSingleShot(true);
    // Retry-After is a minimum: a coarse timer may fire up to 5% early.
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &CampaignWatcher::beginCheck);
}

CampaignWatcher::~CampaignWatcher()
{
    stop();
}

void CampaignWatcher::setWatched(const QList<qint64> &ids)
{
    m_watched.clear();
    m_watchedSet.clear();
    for (qint64 id : ids) {
        if (id > 0 && !m_watchedSet.contains(id)) {
            m_watchedSet.insert(id);
            m_watched.append(id);
        }
    }
}

void CampaignWatcher::setIntervalSeconds(int seconds)
{
    setIntervalMs(seconds * 1000);
}

void CampaignWatcher::setIntervalMs(int ms)
{
    m_intervalMs = std::max(ms, 1);
}

void CampaignWatcher::setAccountCheckMinutes(int minutes)
{
    setAccountCheckIntervalMs(std::max(minutes, 0) * 60 * 1000);
}

void CampaignWatcher::setAccountCheckIntervalMs(int ms)
{
    m_accountCheckMs = std::max(ms, 0);
}

void CampaignWatcher::setStuckCloningMinutes(int minutes)
{
    m_stuckCloningMs = std::max(minutes, 0) * 60 * 1000;
}

void CampaignWatcher::setBackoffCapMs(int ms)
{
    m_backoffCapMs = std::max(ms, 1);
}

void CampaignWatcher::setConcurrency(int concurrency)
{
    m_concurrency = std::clamp(concurrency, 1, kMaxConcurrency);
}

void CampaignWatcher::setClock(std::function<QDateTime()> clock)
{
    m_clock = clock ? std::move(clock) : [] { return QDateTime::currentDateTimeUtc(); };
}

QHash<qint64, CampaignWatcher::Seen> CampaignWatcher::baseline() const
{
    QHash<qint64, Seen> result;
    for (qint64 id : m_watched) {
        const auto it = m_seen.constFind(id);
        if (it != m_seen.cend())
            result.insert(id, it.value());
    }
    return result;
}

void CampaignWatcher::setBaseline(const QHash<qint64, Seen> &baseline)
{
    for (auto it = baseline.cbegin(); it != baseline.cend(); ++it)
        m_seen.insert(it.key(), it.value());
}

CampaignWatcher::Seen CampaignWatcher::seenNow(const Campaign &campaign, const QDateTime &now)
{
    Seen s;
    s.status = campaign.status;
    s.updated = campaign.updated;
    s.name = campaign.name;
    s.cloningSince = campaign.status == CampaignStatus::Cloning ? now : QDateTime();
    s.readAt = now;
    return s;
}

void CampaignWatcher::seeAsShown(const QList<Campaign> &campaigns)
{
    const QDateTime now = m_clock();
    for (const Campaign &campaign : campaigns) {
        const auto it = m_seen.constFind(campaign.id);
        if (it != m_seen.cend() && !(campaign.updated.isValid() && campaign.updated > it->updated))
            continue;
        m_seen.insert(campaign.id, seenNow(campaign, now));
    }
}

void CampaignWatcher::seeAccountListed(const CampaignTableModel &table)
{
    const QDateTime now = m_clock();
    const int rows = table.rowCount();
    m_seen.reserve(m_seen.size() + rows);
    for (int row = 0; row < rows; ++row) {
        const Campaign &campaign = table.campaignAt(row);
        if (m_seen.contains(campaign.id))
            continue; // what a check read, or a saved baseline: compared at the next read
        const bool watched = m_watchedSet.contains(campaign.id);
        Seen s = seenNow(campaign, now);
        if (!watched) {
            // As in the account's first listing: old news about unwatched campaigns is not news.
            s.stuckReported = campaign.status == CampaignStatus::Cloning;
            if (campaign.status == CampaignStatus::Waiting && m_scheduleLookup) {
                const QDateTime start = m_scheduleLookup(campaign.id).activateAt;
                if (start.isValid() && start.secsTo(now) > kStartOverdueGraceSeconds)
                    s.startOverdueFor = start;
            }
        }
        m_seen.insert(campaign.id, s);
    }
    m_accountBaselineSet = true;
    m_sinceAccountCheck.start();
    qCDebug(lcWatch).nospace() << "account " << m_account.id << ": the window's list of " << rows
                               << " is the account check's baseline";
}

QJsonObject CampaignWatcher::toJsonObject(const QHash<qint64, Seen> &baseline)
{
    QJsonObject campaigns;
    for (auto it = baseline.cbegin(); it != baseline.cend(); ++it) {
        const Seen &s = it.value();
        QJsonObject o{{QStringLiteral("status"), CampaignStatuses::toApiString(s.status)},
                      {QStringLiteral("name"), s.name}};
        if (s.updated.isValid())
            o.insert(QStringLiteral("updated"), dateText(s.updated));
        if (s.cloningSince.isValid())
            o.insert(QStringLiteral("cloningSince"), dateText(s.cloningSince));
        if (s.readAt.isValid())
            o.insert(QStringLiteral("readAt"), dateText(s.readAt));
        if (s.startOverdueFor.isValid())
            o.insert(QStringLiteral("startOverdueFor"), dateText(s.startOverdueFor));
        if (s.stuckReported)
            o.insert(QStringLiteral("stuckReported"), true);
        campaigns.insert(QString::number(it.key()), o);
    }
    return {{QStringLiteral("version"), 1}, {QStringLiteral("campaigns"), campaigns}};
}

QHash<qint64, CampaignWatcher::Seen> CampaignWatcher::fromJsonObject(const QJsonObject &object)
{
    QHash<qint64, Seen> result;
    const QJsonObject campaigns = object.value(QStringLiteral("campaigns")).toObject();
    for (auto it = campaigns.constBegin(); it != campaigns.constEnd(); ++it) {
        bool ok = false;
        const qint64 id = it.key().toLongLong(&ok);
        if (!ok || id <= 0 || !it.value().isObject())
            continue;
        const QJsonObject o = it.value().toObject();
        Seen s;
        // An unknown spelling stays Unknown: the next read then sets it without an event.
        s.status = CampaignStatuses::fromApiString(o.value(QStringLiteral("status")).toString());
        s.name = o.value(QStringLiteral("name")).toString();
        s.updated = dateFrom(o.value(QStringLiteral("updated")));
        s.cloningSince = dateFrom(o.value(QStringLiteral("cloningSince")));
        s.readAt = dateFrom(o.value(QStringLiteral("readAt")));
        s.startOverdueFor = dateFrom(o.value(QStringLiteral("startOverdueFor")));
        s.stuckReported = o.value(QStringLiteral("stuckReported")).toBool();
        result.insert(id, s);
    }
    return result;
}

QByteArray CampaignWatcher::toJson(const QHash<qint64, Seen> &baseline)
{
    return QJsonDocument(toJsonObject(baseline)).toJson(QJsonDocument::Compact);
}

QHash<qint64, CampaignWatcher::Seen> CampaignWatcher::fromJson(const QByteArray &json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    return doc.isObject() ? fromJsonObject(doc.object()) : QHash<qint64, Seen>{};
}

void CampaignWatcher::start()
{
    if (m_running)
        return;
    m_running = true;
    m_timer->start(0);
}

void CampaignWatcher::stop()
{
    m_running = false;
    m_timer->stop();
    // Deleting the check's context abandons its calls: they are aborted and never call back.
    delete std::exchange(m_cycle, nullptr);
}

void CampaignWatcher::checkNow()
{
    if (!m_running || m_cycle)
        return;
    m_failures = 0; // the user asked: the backoff starts over (still Unreachable until one succeeds)
    m_timer->stop();
    beginCheck();
}

int CampaignWatcher::nextCheckInMs() const
{
    return m_running && m_timer->isActive() ? std::max(m_timer->remainingTime(), 0) : -1;
}

bool CampaignWatcher::isUnreachableKind(ApiError::Kind kind)
{
    switch (kind) {
    case ApiError::Kind::CannotConnect:
    case ApiError::Kind::Timeout:
    case ApiError::Kind::ConnectionLost:
    case ApiError::Kind::TlsFailure:
    case ApiError::Kind::ServerError:
        return true;
    default:
        return false;
    }
}

void CampaignWatcher::beginCheck()
{
    if (!m_running || m_cycle)
        return;
    m_cycle = new Cycle;
    m_cycle->setParent(this); // never outlives the watcher, even when deleted later
    m_cycle->now = m_clock();
    // The account check is due when its interval has passed, give or take half a watch interval
    // (otherwise equal intervals would drift and list only every other check).
    const bool accountDue = m_accountCheckMs > 0 && m_canList
        && (!m_sinceAccountCheck.isValid() || m_sinceAccountCheck.elapsed() + m_intervalMs / 2 >= m_accountCheckMs);
    qCDebug(lcWatch).nospace() << "check started: account " << m_account.id << ", " << m_watched.size() << " watched"
                               << (accountDue ? ", with the account check" : "");
    if (accountDue)
        startAccountCheck();
    else
        startReads();
}

void CampaignWatcher::startAccountCheck()
{
    Cycle *cycle = m_cycle;
    cycle->listing = true;
    m_sinceAccountCheck.start(); // the next is due an interval after this one began, however it ends
    m_client->listCampaigns(
        CampaignFilter{}, cycle,
        [this, cycle](QList<Campaign> &&page) {
            if (cycle != m_cycle)
                return;
            cycle->answered = true;
            for (const Campaign &c : std::as_const(page))
                observe(c, true);
        },
        [this, cycle](const ApiError &error, const ListOutcome &outcome) {
            if (cycle != m_cycle)
                return;
            cycle->listing = false;
            const ApiError::Kind kind = error.kind();
            qCDebug(lcWatch).nospace() << "account check: " << outcome.total << " listed, "
                                       << (error.isNone() ? QStringLiteral("complete") : ApiError::kindName(kind));
            if (error.isNone() || kind == ApiError::Kind::ListTooLong) {
                m_accountBaselineSet = true; // from now on an unseen ID is a new campaign
            } else if (kind == ApiError::Kind::NoAccess || kind == ApiError::Kind::TokenRejected) {
                // The token may not list ("Campaigns — Run"): no more account checks; the watched
                // campaigns are read one by one, which needs only "View object".
                m_canList = false;
                cycle->answered = true;
                qCDebug(lcWatch) << "account check refused: account checks stop, watched reads go on";
            } else {
                // Unreachable (no page came) or asked to wait: canSend() holds the gets back.
                noteError(error);
            }
            startReads();
        });
}

void CampaignWatcher::startReads()
{
    Cycle *cycle = m_cycle;
    // The watched campaigns this check's account check listed are taken from it: no get.
    QSet<qint64> listed;
    for (const Campaign &c : std::as_const(cycle->read))
        listed.insert(c.id);
    for (qint64 id : std::as_const(m_watched)) {
        if (!listed.contains(id))
            cycle->toRead.append(id);
    }
    dispatchReads();
}

void CampaignWatcher::dispatchReads()
{
    Cycle *cycle = m_cycle;
    while (canSend() && !cycle->toRead.isEmpty() && cycle->inFlight < m_concurrency) {
        const qint64 id = cycle->toRead.takeFirst();
        ++cycle->inFlight;
        m_client->campaign(id, cycle, [this, cycle, id](const ApiResult<Campaign> &r) {
            if (cycle != m_cycle)
                return;
            --cycle->inFlight;
            onRead(id, r);
        });
    }
    if (cycle->inFlight == 0 && !cycle->listing && (!canSend() || cycle->toRead.isEmpty()))
        finishCheck();
}

void CampaignWatcher::onRead(qint64 id, const ApiResult<Campaign> &result)
{
    if (result.ok()) {
        m_cycle->answered = true;
        m_cycle->anyReadOk = true;
        observe(result.value, false);
    } else {
        // Not found, no access, unreadable: skipped this check, its baseline kept (no event).
        qCDebug(lcWatch).nospace() << "campaign " << id << " not read: " << ApiError::kindName(result.error.kind());
        noteError(result.error);
    }
    dispatchReads();
}

bool CampaignWatcher::canSend() const
{
    // After a 429/503 nothing more; after an unreachable error, nothing more until some answer
    // shows the server is there (the rest would fail alike, each after its timeout).
    return !m_cycle->backoff && (m_cycle->unreachableError.isNone() || m_cycle->answered);
}

void CampaignWatcher::noteError(const ApiError &error)
{
    Cycle *cycle = m_cycle;
    if (cycle->firstError.isNone())
        cycle->firstError = error;
    if (error.isBackoff()) {
        // The server did not act and asks us to wait: nothing more is sent in this check.
        cycle->answered = true;
        cycle->backoff = true;
        if (cycle->backoffError.isNone() || error.retryAfterSeconds() > cycle->backoffError.retryAfterSeconds())
            cycle->backoffError = error;
    } else if (isUnreachableKind(error.kind())) {
        if (cycle->unreachableError.isNone())
            cycle->unreachableError = error;
    } else if (error.kind() != ApiError::Kind::Cancelled) {
        cycle->answered = true;
    }
}

void CampaignWatcher::observe(const Campaign &campaign, bool listed)
{
    Cycle *cycle = m_cycle;
    const QDateTime now = cycle->now;
    const bool watched = m_watchedSet.contains(campaign.id);
    cycle->read.append(campaign);
    auto it = m_seen.find(campaign.id);
    if (it == m_seen.end()) {
        // First sight: the baseline, no StatusChanged. Only the account check says "new", and
        // only once its first listing has set the account's baseline.
        if (listed && m_accountBaselineSet) {
            WatchEvent e = makeEvent(WatchEvent::Kind::NewCampaign, campaign, watched);
            // This app never creates campaigns: someone else did (or cloned one).
            e.origin = WatchEvent::Origin::SomeoneElse;
            cycle->events.append(e);
        }
        Seen s;
        s.status = campaign.status;
        s.cloningSince = campaign.status == CampaignStatus::Cloning ? now : QDateTime();
        if (!watched && !m_accountBaselineSet) {
            // The account's first listing is a baseline for everything about the campaigns
            // nobody watches: a clone stuck for days, or a start missed long ago, is not news.
            // (Unwatched campaigns are not in baseline(), so without this every restart would
            // report them again.) What happens to them after this listing is reported.
            s.stuckReported = campaign.status == CampaignStatus::Cloning;
            if (campaign.status == CampaignStatus::Waiting && m_scheduleLookup) {
                const QDateTime start = m_scheduleLookup(campaign.id).activateAt;
                if (start.isValid() && start.secsTo(now) > kStartOverdueGraceSeconds)
                    s.startOverdueFor = start;
            }
        }
        it = m_seen.insert(campaign.id, s);
    } else if (it->status != campaign.status && it->status != CampaignStatus::Unknown) {
        WatchEvent e = makeEvent(WatchEvent::Kind::StatusChanged, campaign, watched);
        e.before = it->status;
        const QDateTime since = it->readAt.isValid() ? it->readAt.addSecs(-kOriginMarginSeconds) : QDateTime();
        e.origin = originOf(campaign, it->status, since);
        cycle->events.append(e);
    }
    Seen &seen = it.value();
    if (seen.status != campaign.status) {
        seen.cloningSince = campaign.status == CampaignStatus::Cloning ? now : QDateTime();
        seen.stuckReported = false; // a new cloning episode may be reported again
    }
    seen.status = campaign.status;
    seen.updated = campaign.updated;
    seen.name = campaign.name;
    seen.readAt = now;

    if (campaign.status == CampaignStatus::Cloning && m_stuckCloningMs > 0 && !seen.stuckReported) {
        const QDateTime since = campaign.updated.isValid() ? campaign.updated : seen.cloningSince;
        if (since.isValid() && since.msecsTo(now) > m_stuckCloningMs) {
            WatchEvent e = makeEvent(WatchEvent::Kind::StuckCloning, campaign, watched);
            e.since = since;
            cycle->events.append(e);
            seen.stuckReported = true;
        }
    }
    // Only waiting campaigns ask the schedule lookup: the account check may list 100,000.
    if (campaign.status == CampaignStatus::Waiting && m_scheduleLookup) {
        const QDateTime start = m_scheduleLookup(campaign.id).activateAt;
        if (start.isValid() && start.secsTo(now) > kStartOverdueGraceSeconds && seen.startOverdueFor != start) {
            WatchEvent e = makeEvent(WatchEvent::Kind::StartOverdue, campaign, watched);
            e.since = start;
            cycle->events.append(e);
            seen.startOverdueFor = start;
        }
    }
}

WatchEvent CampaignWatcher::makeEvent(WatchEvent::Kind kind, const Campaign &campaign, bool watched) const
{
    WatchEvent e;
    e.kind = kind;
    e.account = m_account;
    e.campaignId = campaign.id;
    e.campaignName = campaign.name;
    e.before = campaign.status;
    e.after = campaign.status;
    e.updatedUser = campaign.updatedUser;
    e.noticedAt = m_cycle ? m_cycle->now : m_clock();
    e.watched = watched;
    return e;
}

WatchEvent::Origin CampaignWatcher::originOf(const Campaign &campaign, CampaignStatus before,
                                             const QDateTime &since) const
{
    if (m_scheduleLookup) {
        const ActivationSchedule s = m_scheduleLookup(campaign.id);
        // When the change happened: the server's updatetime when it sent one, else now.
        const QDateTime changedAt = campaign.updated.isValid() ? campaign.updated : m_cycle->now;
        const auto explains = [&](const QDateTime &date) {
            return date.isValid() && changedAt >= date.addSecs(-kScheduleSkewSeconds)
                && m_cycle->now >= date.addSecs(-kScheduleSkewSeconds);
        };
        const CampaignStatus after = campaign.status;
        if (before == CampaignStatus::Waiting && after == CampaignStatus::Active && explains(s.activateAt))
            return WatchEvent::Origin::Schedule;
        if (after == CampaignStatus::Inactive && (before == CampaignStatus::Active || before == CampaignStatus::Waiting)
            && explains(s.deactivateAt))
            return WatchEvent::Origin::Schedule;
        if (after == CampaignStatus::Completed && explains(s.completeAt))
            return WatchEvent::Origin::Schedule;
    }
    if (m_originLookup && m_originLookup(campaign.id, since) == WatchEvent::Origin::ThisComputer)
        return WatchEvent::Origin::ThisComputer;
    return WatchEvent::Origin::SomeoneElse;
}

void CampaignWatcher::finishCheck()
{
    // Deleted later: this runs inside one of its calls' callbacks.
    Cycle *cycle = std::exchange(m_cycle, nullptr);
    cycle->deleteLater();
    QList<WatchEvent> events;
    const auto reachabilityEvent = [&](WatchEvent::Kind kind, const QString &detail) {
        WatchEvent e;
        e.kind = kind;
        e.account = m_account;
        e.noticedAt = cycle->now;
        e.detail = detail;
        events.append(e);
    };

    ApiError error;
    int delayMs = m_intervalMs;
    const bool unreachable = !cycle->answered && !cycle->unreachableError.isNone();
    if (unreachable) {
        ++m_failures;
        // interval x 1, 2, 4, … capped at 30 minutes (or the interval, if that is longer)
        const qint64 cap = std::max<qint64>(m_backoffCapMs, m_intervalMs);
        const qint64 grown = qint64{m_intervalMs} << std::min(m_failures - 1, 20);
        delayMs = static_cast<int>(std::min(grown, cap));
        error = cycle->unreachableError;
        if (!m_unreachable) {
            m_unreachable = true;
            reachabilityEvent(WatchEvent::Kind::Unreachable, error.message());
        }
    } else {
        m_failures = 0;
        if (m_unreachable) {
            m_unreachable = false;
            reachabilityEvent(WatchEvent::Kind::Reachable, {});
        }
        if (!cycle->backoffError.isNone())
            error = cycle->backoffError;
        else if (!cycle->anyReadOk && cycle->read.isEmpty() && !cycle->firstError.isNone())
            error = cycle->firstError; // nothing could be read at all (a rejected token, say)
    }
    if (!cycle->backoffError.isNone() && cycle->backoffError.retryAfterSeconds() >= 0) {
        // Timers count whole milliseconds: one more keeps the wait at least what was asked.
        const qint64 wait = qint64{cycle->backoffError.retryAfterSeconds()} * 1000 + 1;
        delayMs = static_cast<int>(std::min<qint64>(std::max<qint64>(delayMs, wait), std::numeric_limits<int>::max()));
    }
    events.append(cycle->events);

    qCDebug(lcWatch).nospace() << "check finished: account " << m_account.id << ", " << cycle->read.size() << " read, "
                               << events.size() << " events, "
                               << (error.isNone() ? QStringLiteral("ok") : ApiError::kindName(error.kind()))
                               << ", next in " << delayMs << " ms";
    m_timer->start(delayMs);

    // A slot may stop() the watcher: nothing more goes out then.
    if (m_running && !cycle->read.isEmpty())
        Q_EMIT campaignsRead(cycle->read);
    if (m_running && !events.isEmpty())
        Q_EMIT eventsFound(events);
    if (m_running)
        Q_EMIT checkFinished(error, delayMs);
}
