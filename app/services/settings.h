#pragma once

#include <QObject>
#include <QSettings>
#include <QVariant>

#include <memory>

// Non-secret settings, keyed by an enum so a typo cannot create a new key. The token is never
// stored here: it lives in the OS keychain (TokenStore) or in memory for one session.
class Settings : public QObject
{
    Q_OBJECT
public:
    enum class Key {
        ApiUrl,
        RequestTimeoutSeconds,
        Concurrency,
        AutoRefreshSeconds, // 0 = off
        Language, // "" = system, "en", "ru"
        TrackedCampaignIds, // campaigns added by ID, for tokens without the list right
        MainWindowGeometry,
        MainWindowState,
        CampaignTableHeader,
        DetailsPaneVisible,
        HistoryWindowGeometry,
        Accounts, // the saved accounts (AccountStore), without their tokens
        CurrentAccountId,
        CampaignSearch, // the search text over the campaign table
        CampaignStatusFilter, // the status the table is narrowed to; "" = all
        WatchedCampaignIds, // the campaigns watched in the background (per account)
        WatchBaseline, // what the watch last saw of each campaign (per account), so a restart notices changes made
                       // while it was closed
        WatchIntervalSeconds, // how often watched campaigns are read
        AccountCheckMinutes, // how often the whole account is listed for changes; 0 = off
        StuckCloningMinutes, // a campaign cloning longer than this is reported
        DesktopNotifications, // tell the desktop about what the watch finds
        TrayIcon, // keep watching in the system tray when the window is closed (opt-in)
        ActivityPaneVisible,
        CampaignView, // the table as last left (CampaignView as JSON, per account); replaces the three above
        SavedCampaignViews, // the account's named views (a JSON array of CampaignView)
        DefaultCampaignView, // the name of the view the account opens with; "" = as last left
        FiltersPaneVisible, // the Tags and Groups pane
    };
    Q_ENUM(Key)

    // The default QSettings location of the application.
    explicit Settings(QObject *parent = nullptr);
    // A given INI file, for tests and for --settings-file style use.
    explicit Settings(const QString &iniPath, QObject *parent = nullptr);
    ~Settings() override;

    QVariant value(Key key) const;
    void setValue(Key key, const QVariant &value); // emits changed() when the value differs
    void reset(Key key);
    void sync();
    QString fileName() const;

    // Each account keeps its own tracked campaigns, filters and column layout: these keys are
    // read and written under the account set here ("" for a one-off --api-url session). A
    // change of account emits changed() for each of them.
    static bool isPerAccount(Key key);
    void setAccountScope(const QString &accountId);
    QString accountScope() const { return m_accountScope; }
    // What a version before accounts kept for its one account (tracked campaigns, column
    // layout) moves under accountId, unless that account has its own already.
    void adoptUnscopedValues(const QString &accountId);

    static QVariant defaultValue(Key key);
    static QString keyName(Key key);

    // Typed accessors for what the client and the window read most.
    int requestTimeoutSeconds() const { return value(Key::RequestTimeoutSeconds).toInt(); }
    int concurrency() const; // 1..BulkRunner::kMaxConcurrency, whatever an older version saved
    int autoRefreshSeconds() const { return value(Key::AutoRefreshSeconds).toInt(); }
    QList<qint64> trackedCampaignIds() const;
    // Another account's value of a per-account key, whichever account is in scope: the watch
    // keeps checking every account's watched campaigns, not only the one on screen.
    QVariant valueFor(const QString &accountId, Key key) const;
    void setValueFor(const QString &accountId, Key key, const QVariant &value);
    QList<qint64> watchedCampaignIds(const QString &accountId) const;
    void setWatchedCampaignIds(const QString &accountId, const QList<qint64> &ids);
    void setTrackedCampaignIds(const QList<qint64> &ids);

Q_SIGNALS:
    void changed(Settings::Key key);

private:
    QString storedName(Key key) const;
    QString storedName(Key key, const QString &accountId) const;

    std::unique_ptr<QSettings> m_settings;
    QString m_accountScope;
};
