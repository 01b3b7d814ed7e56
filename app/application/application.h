#pragma once

#include "account.h"
#include "commandline.h"
#include "demoemulator.h"
#include "localization.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class AccountListModel;
class AccountMigration;
class AccountStore;
class AltcraftClient;
class CampaignService;
class ClientBinder;
class DemoScratchDir;
class HistoryWindow;
class Journal;
class JournalRecorder;
class MainWindow;
class QTimer;
class Settings;
class SettingsDialog;
class TokenStore;
class UnixSignalWatcher;
class DesktopNotifier;
class TrayIcon;
class WatchAlerts;
class WatchCoordinator;
class WatchList;
class ActivityPane;

// The composition root: what `campaign-manager` is once its command line is read. It owns the
// settings, the one network client, the service layer, the journal and the windows, and in demo
// mode the emulator it starts. main() builds one and runs it; the end-to-end tests build the very
// same object (with QStandardPaths' test mode for a private settings and data directory).
class Application : public QObject
{
    Q_OBJECT
public:
    // How the demo's emulator behaves. The defaults feel like a real server, so progress is
    // visible; tests and benchmarks set their own through the environment (see demoFromEnvironment).
    struct DemoOptions {
        int campaigns = 200;
        int latencyMs = 40; // every request waits this long…
        int jitterMs = 60; // …plus up to this much more
    };
    // The names QSettings, QStandardPaths and --version use. Works before any application object.
    static void identify();
    // --help, --version and bad options are answered before any window system is touched, so
    // they work over SSH and in scripts without a display: a QCoreApplication lives just for
    // this call. Returns the exit status when the program should end there.
    static std::optional<int> answerWithoutDisplay(int &argc, char **argv, LaunchOptions *options);

    // CAMPAIGN_MANAGER_DEMO_CAMPAIGNS and CAMPAIGN_MANAGER_DEMO_LATENCY_MS, for benchmarks.
    static DemoOptions demoFromEnvironment();

    explicit Application(LaunchOptions options, QObject *parent = nullptr);
    ~Application() override;

    // Installs the translation, builds the window and starts the mode the options and settings
    // ask for: demo; an account from --api-url or the settings with the token from
    // ALTCRAFT_API_TOKEN or the keychain (Settings opens, saying why, when there is none); or the
    // first-run welcome. Returns false when the app must end at once; exitCode() says how.
    bool start();
    // start(), then the event loop until quit(): what main() runs.
    int run();
    int exitCode() const { return m_exitCode; }

    MainWindow *mainWindow() const { return m_window.get(); }
    CampaignService *service() const { return m_service.get(); }
    Settings *settings() const { return m_settings.get(); }
    Journal *journal() const { return m_journal.get(); }
    // The demo's emulator (altcraft-emulator, a process of its own); null outside the demo.
    DemoEmulator *demoEmulator() const { return m_demoEmulator.get(); }
    // Where the demo keeps History while it runs; empty outside the demo.
    QString demoDirectory() const;
    bool isDemo() const { return m_demo; }
    AccountStore *accounts() const { return m_accounts.get(); }
    WatchList *watchList() const { return m_watchList.get(); }
    WatchCoordinator *watch() const { return m_watch.get(); }
    TrayIcon *trayIcon() const { return m_tray.get(); }
    // The account the window works in now.
    Account account() const { return m_account; }
    QString language() const { return m_language; }

    void setDemoOptions(const DemoOptions &demo) { m_demoOptions = demo; }
    // Who runs the demo's emulator; by default altcraft-emulator as a child process. The
    // end-to-end tests that read the emulator's state directly run it in their own process.
    using DemoEmulatorFactory = std::function<std::unique_ptr<DemoEmulator>(const DemoEmulator::Options &)>;
    void setDemoEmulatorFactory(DemoEmulatorFactory factory) { m_demoEmulatorFactory = std::move(factory); }

    // How long a quit waits for requests already on the wire to settle before it ends anyway
    // (their journal rows then read "outcome unknown (app stopped)", as after a crash).
    static constexpr int kQuitGraceMs = 5000;

public Q_SLOTS:
    void openSettings(const QString &notice = QString());
    // Works in another account from now on: its address, token, safety rules, tracked campaigns
    // and view. Refused, with the reason, while an action runs. Returns whether it switched.
    bool switchAccount(const QString &accountId);
    void openHistory();
    // Brings the window forward on the campaign (switching to its account first if need be):
    // what a click on a notification or an Activity row does.
    void openCampaign(const QString &accountId, qint64 campaignId);
    void openActivity();
    // Stops taking work, lets what is on the wire settle, saves the window, closes the journal,
    // then ends with status 0. From File → Quit, closing the window, SIGTERM or SIGINT.
    void quit();

Q_SIGNALS:
    // The first campaign list has arrived (or failed): the window shows what the server said.
    void firstLoadFinished(bool ok, int campaigns);
    void finished(int exitCode);

private:
    void startDemoEmulator();
    bool bindDemo();
    // Opens the journal on first need: the first list shown, an action, History. Not before the
    // first paint, which does not need it.
    void openJournal();
    static void releaseFreedMemory();
    // --account, or (with --api-url) a saved account at that address, or the one in use last.
    Account accountAtStart() const;
    void useAccount(const Account &account);
    void onAccountsChanged();
    void loadToken(const Account &account);
    void askForToken(const Account &account, const QString &notice);
    void finishQuit();
    void setupWatch();
    void startWatch();
    void updateTray();
    void updateWatchedAccounts();
    void showWindow();
    void readTokenFor(const Account &account, const std::function<void(const QString &)> &done);

    LaunchOptions m_options;
    DemoOptions m_demoOptions;
    Localization m_localization;
    QString m_language;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<AccountStore> m_accounts;
    std::unique_ptr<AccountListModel> m_accountList;
    QPointer<AccountMigration> m_migration;
    Account m_account;
    // Tokens kept for this session only (no keychain, and the user agreed), by account id.
    QHash<QString, QString> m_sessionTokens;
    std::unique_ptr<AltcraftClient> m_client;
    std::unique_ptr<ClientBinder> m_binder;
    std::unique_ptr<CampaignService> m_service;
    // Before the journal, so it is removed only after the journal's files are closed.
    std::unique_ptr<DemoScratchDir> m_demoScratch;
    std::unique_ptr<Journal> m_journal;
    std::unique_ptr<JournalRecorder> m_recorder;
    DemoEmulatorFactory m_demoEmulatorFactory;
    std::unique_ptr<DemoEmulator> m_demoEmulator;
    std::unique_ptr<WatchList> m_watchList;
    std::unique_ptr<WatchCoordinator> m_watch;
    std::unique_ptr<DesktopNotifier> m_notifier;
    std::unique_ptr<WatchAlerts> m_alerts;
    std::unique_ptr<TrayIcon> m_tray;
    std::unique_ptr<MainWindow> m_window;
    QPointer<HistoryWindow> m_history;
    QPointer<ActivityPane> m_activityPane; // the window's Activity dock owns it
    QPointer<SettingsDialog> m_settingsDialog;
    UnixSignalWatcher *m_signals = nullptr;
    QTimer *m_quitGrace = nullptr;
    bool m_demo = false;
    bool m_quitting = false;
    bool m_firstLoadSeen = false;
    bool m_journalOpened = false;
    bool m_finished = false;
    int m_exitCode = 0;
};
