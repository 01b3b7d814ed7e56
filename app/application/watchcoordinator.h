#pragma once

#include "account.h"
#include "campaign.h"
#include "watchevent.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class AltcraftClient;
class CampaignTableModel;
class CampaignWatcher;
class ClientBinder;
class Journal;
class QNetworkAccessManager;
class Settings;
class WatchList;

// Runs the background watch: one CampaignWatcher per account that needs one (the account on
// screen, for its whole-account check, and every other account with watched campaigns), each
// with its own client over the app's one QNetworkAccessManager and the account's own token. What
// the watchers find is stored in the journal's Activity first, then announced.
class WatchCoordinator : public QObject
{
    Q_OBJECT
public:
    // Reads an account's token (keychain, the session's, the demo's) and answers with it, or with
    // "" when there is none; the answer may come later.
    using TokenSource
        = std::function<void(const Account &account, const std::function<void(const QString &token)> &done)>;

    WatchCoordinator(Settings *settings, WatchList *watchList, QNetworkAccessManager *network,
                     QObject *parent = nullptr);
    ~WatchCoordinator() override;

    void setJournal(Journal *journal);
    void setTokenSource(TokenSource source) { m_tokenSource = std::move(source); }
    // Every account whose watched campaigns may be checked (the saved ones, or the demo's).
    void setAccounts(const QList<Account> &accounts);
    // The account on screen and its token ("" until it is known): its watcher also lists the
    // whole account, and what it reads goes to the table (currentAccountRead).
    void setCurrent(const Account &account, const QString &token);

    void start();
    // Stops every check and keeps what each watcher last saw, so the next start notices what
    // changed meanwhile.
    void stop();
    bool isRunning() const { return m_running; }
    // A check of every account at once (File menu, tray); also ends a backoff.
    void checkNow();
    // The rows the window shows of campaigns just watched (see CampaignWatcher::seeAsShown).
    void noteShown(const QString &accountId, const QList<Campaign> &campaigns);
    // The window has just listed the whole account (see CampaignWatcher::seeAccountListed).
    void noteAccountListed(const QString &accountId, const CampaignTableModel &table);

    CampaignWatcher *watcher(const QString &accountId) const;
    QStringList watchedAccounts() const { return m_entries.keys(); }

Q_SIGNALS:
    // Stored in the journal (ids filled in), in the order found.
    void eventsRecorded(const QList<WatchEvent> &events);
    void currentAccountRead(const QList<Campaign> &campaigns);

private:
    struct Entry;
    void refresh();
    void ensureEntry(const Account &account);
    void dropEntry(const QString &accountId);
    void configure(CampaignWatcher *watcher) const;
    void applySettings();
    void onEvents(const QString &accountId, const QList<WatchEvent> &events);
    void saveBaseline(const QString &accountId);

    Settings *m_settings;
    WatchList *m_watchList;
    QNetworkAccessManager *m_network;
    QPointer<Journal> m_journal;
    TokenSource m_tokenSource;
    QList<Account> m_accounts;
    Account m_current;
    QString m_currentToken;
    bool m_hasCurrent = false;
    bool m_running = false;
    QHash<QString, std::shared_ptr<Entry>> m_entries;
};
