#include "watchcoordinator.h"

#include "altcraftclient.h"
#include "apiresult.h"
#include "campaignwatcher.h"
#include "clientbinder.h"
#include "journal.h"
#include "logging.h"
#include "settings.h"
#include "watchlist.h"

#include <QJsonDocument>

struct WatchCoordinator::Entry {
    Account account;
    std::unique_ptr<AltcraftClient> client;
    std::unique_ptr<ClientBinder> binder;
    std::unique_ptr<CampaignWatcher> watcher;
    // The dates this computer set (the server does not report them), read from the journal when
    // a lookup needs them after the journal changed: a bulk run changes it a thousand times.
    QHash<qint64, ActivationSchedule> schedules;
    bool schedulesStale = true;
    bool tokenAsked = false;
};

WatchCoordinator::WatchCoordinator(Settings *settings, WatchList *watchList, QNetworkAccessManager *network,
                                   QObject *parent)
    : QObject(parent), m_settings(settings), m_watchList(watchList), m_network(network)
{
    connect(m_watchList, &WatchList::changed, this, [this](const QString &accountId) {
        if (const auto entry = m_entries.value(accountId))
            entry->watcher->setWatched(m_watchList->ids(accountId));
        refresh();
    });
    connect(m_settings, &Settings::changed, this, [this](Settings::Key key) {
        switch (key) {
        case Settings::Key::WatchIntervalSeconds:
        case Settings::Key::AccountCheckMinutes:
        case Settings::Key::StuckCloningMinutes:
        case Settings::Key::Concurrency:
            applySettings();
            break;
        default:
            break;
        }
    });
}

WatchCoordinator::~WatchCoordinator()
{
    stop();
}

void WatchCoordinator::setJournal(Journal *journal)
{
    m_journal = journal;
}

void WatchCoordinator::setAccounts(const QList<Account> &accounts)
{
    m_accounts = accounts;
    // A renamed account's events carry its new name; a removed one is no longer checked.
    for (const Account &account : accounts) {
        if (const auto entry = m_entries.value(account.id))
            entry->account = account;
    }
    refresh();
}

void WatchCoordinator::setCurrent(const Account &account, const QString &token)
{
    const bool sameAccount = m_hasCurrent && account.id == m_current.id && account.apiUrl == m_current.apiUrl;
    m_current = account;
    m_currentToken = token;
    m_hasCurrent = account.apiUrl.isValid();
    if (!sameAccount) {
        // Another account on screen, or the same id at another address: begin afresh there.
        if (const auto entry = m_entries.value(account.id); entry && entry->account.apiUrl != account.apiUrl)
            dropEntry(account.id);
    }
    refresh();
    if (const auto entry = m_entries.value(account.id); entry && !token.isEmpty()) {
        entry->binder->setConnection(account.apiUrl, token);
        if (m_running)
            entry->watcher->start();
    }
}

void WatchCoordinator::start()
{
    if (m_running)
        return;
    m_running = true;
    refresh();
    for (const auto &entry : std::as_const(m_entries)) {
        if (entry->binder->isConfigured())
            entry->watcher->start();
    }
    qCDebug(lcWatch) << "watch started for" << m_entries.size() << "account(s)";
}

void WatchCoordinator::stop()
{
    if (!m_running)
        return;
    m_running = false;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        it.value()->watcher->stop();
        saveBaseline(it.key());
    }
    qCDebug(lcWatch) << "watch stopped";
}

void WatchCoordinator::checkNow()
{
    for (const auto &entry : std::as_const(m_entries)) {
        if (entry->binder->isConfigured())
            entry->watcher->checkNow();
    }
}

void WatchCoordinator::noteShown(const QString &accountId, const QList<Campaign> &campaigns)
{
    if (const auto entry = m_entries.value(accountId))
        entry->watcher->seeAsShown(campaigns);
}

void WatchCoordinator::noteAccountListed(const QString &accountId, const CampaignTableModel &table)
{
    if (const auto entry = m_entries.value(accountId))
        entry->watcher->seeAccountListed(table);
}

CampaignWatcher *WatchCoordinator::watcher(const QString &accountId) const
{
    const auto entry = m_entries.value(accountId);
    return entry ? entry->watcher.get() : nullptr;
}

// The accounts to check: the one on screen, and every other known account with watched campaigns.
void WatchCoordinator::refresh()
{
    QHash<QString, Account> wanted;
    if (m_hasCurrent)
        wanted.insert(m_current.id, m_current);
    for (const Account &account : std::as_const(m_accounts)) {
        if (account.id != m_current.id && account.apiUrl.isValid() && !m_watchList->ids(account.id).isEmpty())
            wanted.insert(account.id, account);
    }
    const QStringList present = m_entries.keys();
    for (const QString &id : present) {
        if (!wanted.contains(id))
            dropEntry(id);
    }
    for (const Account &account : std::as_const(wanted))
        ensureEntry(account);
}

void WatchCoordinator::ensureEntry(const Account &account)
{
    if (m_entries.contains(account.id))
        return;
    auto entry = std::make_shared<Entry>();
    entry->account = account;
    entry->client = std::make_unique<AltcraftClient>(m_network);
    entry->client->setReadOnly(true); // the watch only reads; nothing it does may change a campaign
    entry->binder = std::make_unique<ClientBinder>(entry->client.get(), m_settings);
    entry->watcher = std::make_unique<CampaignWatcher>(entry->client.get(), account.ref());
    CampaignWatcher *watcher = entry->watcher.get();
    const QString accountId = account.id;
    configure(watcher);
    watcher->setWatched(m_watchList->ids(accountId));
    const QByteArray saved = m_settings->valueFor(accountId, Settings::Key::WatchBaseline).toByteArray();
    if (!saved.isEmpty())
        watcher->setBaseline(CampaignWatcher::fromJson(saved));
    Entry *raw = entry.get();
    watcher->setOriginLookup([this, accountId](qint64 campaignId, const QDateTime &since) {
        return m_journal && m_journal->isOpen() ? m_journal->originOfChange(accountId, campaignId, since)
                                                : WatchEvent::Origin::Unknown;
    });
    watcher->setScheduleLookup([this, raw, accountId](qint64 campaignId) {
        if (!m_journal || !m_journal->isOpen())
            return ActivationSchedule{};
        if (raw->schedulesStale) {
            raw->schedules = m_journal->activationSchedules(accountId);
            raw->schedulesStale = false;
        }
        return raw->schedules.value(campaignId);
    });
    if (m_journal)
        connect(m_journal, &Journal::changed, watcher, [raw] { raw->schedulesStale = true; });
    connect(watcher, &CampaignWatcher::eventsFound, this,
            [this, accountId](const QList<WatchEvent> &events) { onEvents(accountId, events); });
    connect(watcher, &CampaignWatcher::campaignsRead, this, [this, accountId](const QList<Campaign> &campaigns) {
        if (m_hasCurrent && accountId == m_current.id)
            Q_EMIT currentAccountRead(campaigns);
    });
    connect(watcher, &CampaignWatcher::checkFinished, this, [this, accountId] { saveBaseline(accountId); });
    m_entries.insert(accountId, entry);

    if (account.id == m_current.id && account.apiUrl == m_current.apiUrl) {
        if (!m_currentToken.isEmpty())
            entry->binder->setConnection(account.apiUrl, m_currentToken);
    } else if (m_tokenSource && !entry->tokenAsked) {
        entry->tokenAsked = true;
        std::weak_ptr<Entry> weak = entry;
        m_tokenSource(account, [this, weak](const QString &token) {
            const auto alive = weak.lock();
            if (!alive || token.isEmpty())
                return; // dropped meanwhile, or no token: nothing can be read in that account
            alive->binder->setConnection(alive->account.apiUrl, token);
            if (m_running)
                alive->watcher->start();
        });
    }
    if (m_running && entry->binder->isConfigured())
        watcher->start();
    qCDebug(lcWatch).noquote() << "watching account" << (accountId.isEmpty() ? QStringLiteral("(one-off)") : accountId);
}

void WatchCoordinator::dropEntry(const QString &accountId)
{
    const auto entry = m_entries.take(accountId);
    if (!entry)
        return;
    entry->watcher->stop();
    saveBaseline(accountId);
    entry->watcher->disconnect(this);
}

void WatchCoordinator::configure(CampaignWatcher *watcher) const
{
    watcher->setIntervalSeconds(m_settings->value(Settings::Key::WatchIntervalSeconds).toInt());
    watcher->setAccountCheckMinutes(m_settings->value(Settings::Key::AccountCheckMinutes).toInt());
    watcher->setStuckCloningMinutes(m_settings->value(Settings::Key::StuckCloningMinutes).toInt());
    watcher->setConcurrency(m_settings->concurrency());
}

void WatchCoordinator::applySettings()
{
    for (const auto &entry : std::as_const(m_entries))
        configure(entry->watcher.get());
}

void WatchCoordinator::onEvents(const QString &accountId, const QList<WatchEvent> &events)
{
    QList<WatchEvent> stored = events;
    // Activity keeps them across restarts; without a journal they are still announced.
    if (m_journal && m_journal->isOpen())
        stored = m_journal->recordActivity(events);
    qCDebug(lcWatch).noquote() << events.size() << "event(s) in account"
                               << (accountId.isEmpty() ? QStringLiteral("(one-off)") : accountId);
    Q_EMIT eventsRecorded(stored);
}

void WatchCoordinator::saveBaseline(const QString &accountId)
{
    const auto entry = m_entries.value(accountId);
    if (!entry)
        return;
    // Only the watched campaigns: the whole-account check's baseline (100,000 campaigns in a big
    // account) would rewrite megabytes of settings after every check. After a restart its first
    // list sets it again; what changed meanwhile among the watched ones is still noticed.
    const QSet<qint64> watched = m_watchList->idSet(accountId);
    auto baseline = entry->watcher->baseline();
    for (auto it = baseline.begin(); it != baseline.end();) {
        if (watched.contains(it.key()))
            ++it;
        else
            it = baseline.erase(it);
    }
    m_settings->setValueFor(accountId, Settings::Key::WatchBaseline, CampaignWatcher::toJson(baseline));
}
