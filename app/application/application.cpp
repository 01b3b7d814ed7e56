#include "application.h"

#include "account.h"
#include "accountlistmodel.h"
#include "accountmigration.h"
#include "accountstore.h"
#include "activitypane.h"
#include "altcraftclient.h"
#include "campaignservice.h"
#include "clientbinder.h"
#include "demoemulatorprocess.h"
#include "demoscratchdir.h"
#include "desktopnotifier.h"
#include "historywindow.h"
#include "journal.h"
#include "journalrecorder.h"
#include "logging.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "palette.h"
#include "settings.h"
#include "settingsdialog.h"
#include "tokenstore.h"
#include "trayicon.h"
#include "unixsignalwatcher.h"
#include "watchalerts.h"
#include "watchcoordinator.h"
#include "watchlist.h"
#include "welcomedialog.h"

#include <QApplication>
#include <QIcon>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTextStream>
#include <QTimer>

#include <csignal>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

void Application::identify()
{
    QCoreApplication::setApplicationName(QStringLiteral("campaign-manager"));
    QCoreApplication::setOrganizationName(QStringLiteral("CampaignManager"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CM_VERSION));
}

std::optional<int> Application::answerWithoutDisplay(int &argc, char **argv, LaunchOptions *options)
{
    QCoreApplication probe(argc, argv);
    // Declared after the probe, so destroyed before it: nothing here outlives this scope.
    Localization localization;
    {
        const Settings settings;
        localization.install(settings.value(Settings::Key::Language).toString());
    }
    *options = CommandLine::parse(QCoreApplication::arguments());
    CommandLine::removeTokenFromEnvironment(); // read once; options->envToken holds it now
    if (!options->error.isEmpty()) {
        QTextStream(stderr) << "campaign-manager: " << options->error << '\n'
                            << tr("Try 'campaign-manager --help'.") << '\n';
        return 2;
    }
    if (options->showHelp || options->showVersion) {
        QTextStream(stdout) << (options->showHelp ? options->helpText : options->versionText + QLatin1Char('\n'));
        return 0;
    }
    // An unknown --account is a usage error, said before any window: scripts and runbooks use it.
    if (!options->accountName.isEmpty()) {
        Settings settings;
        const AccountStore store(&settings);
        const std::optional<Account> account = store.findByName(options->accountName);
        if (!account || account->isDemo() != options->demo) {
            QStringList names;
            for (const Account &a : store.accounts()) {
                if (a.isDemo() == options->demo)
                    names << a.name;
            }
            QTextStream err(stderr);
            err << "campaign-manager: " << tr("No account is called \"%1\".").arg(options->accountName) << '\n';
            err << (names.isEmpty() ? tr("No account is saved yet: add one in Settings.")
                                    : tr("Accounts: %1").arg(names.join(QStringLiteral(", "))))
                << '\n';
            return 2;
        }
    }
    return std::nullopt;
}

Application::DemoOptions Application::demoFromEnvironment()
{
    DemoOptions demo;
    bool ok = false;
    const int campaigns = qEnvironmentVariableIntValue("CAMPAIGN_MANAGER_DEMO_CAMPAIGNS", &ok);
    if (ok && campaigns > 0)
        demo.campaigns = campaigns;
    const int latency = qEnvironmentVariableIntValue("CAMPAIGN_MANAGER_DEMO_LATENCY_MS", &ok);
    if (ok && latency >= 0) {
        demo.latencyMs = latency;
        demo.jitterMs = 0;
    }
    return demo;
}

Application::Application(LaunchOptions options, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_demoOptions(demoFromEnvironment()),
      m_settings(std::make_unique<Settings>()), m_accounts(std::make_unique<AccountStore>(m_settings.get())),
      m_client(std::make_unique<AltcraftClient>()),
      m_binder(std::make_unique<ClientBinder>(m_client.get(), m_settings.get())),
      m_service(std::make_unique<CampaignService>(m_client.get(), m_settings.get())),
      m_journal(std::make_unique<Journal>()),
      m_recorder(std::make_unique<JournalRecorder>(m_journal.get(), m_service.get())),
      m_watchList(std::make_unique<WatchList>(m_settings.get())),
      m_signals(new UnixSignalWatcher({SIGTERM, SIGINT}, this))
{
    if (m_options.verbose)
        QLoggingCategory::setFilterRules(QStringLiteral("campaignmanager.*.debug=true"));
    m_language = m_localization.install(m_settings->value(Settings::Key::Language).toString());
    connect(m_signals, &UnixSignalWatcher::received, this, &Application::quit);
    connect(m_binder.get(), &ClientBinder::connectionChanged, m_service.get(), [this] {
        if (m_binder->isConfigured())
            m_service->reload();
    });
    connect(m_service.get(), &CampaignService::loadFinished, this, [this](const ApiError &error, int total) {
        if (m_firstLoadSeen)
            return;
        m_firstLoadSeen = true;
        // bench/startup and the launch tests wait for this line (campaignmanager.app.info=true).
        qCInfo(lcApp).nospace().noquote() << "first list loaded: " << total << " campaigns, "
                                          << (error.isNone() ? QStringLiteral("ok") : ApiError::kindName(error.kind()));
        Q_EMIT firstLoadFinished(error.isNone(), total);
        // The window shows the list now; the journal's file is opened on the next turn, so its
        // banner for what a crash left unknown comes right after.
        QTimer::singleShot(0, this, [this] {
            // What a demo that did not quit (a crash, a kill) left behind goes now, whatever this
            // start is; not before the first paint, which does not need it.
            DemoScratchDir::sweep();
            openJournal();
            startWatch();
            releaseFreedMemory();
        });
    });
    // Before the runner's first item: the pending row is written before the request is sent.
    connect(m_service.get(), &CampaignService::actionStarted, this, &Application::openJournal);
}

Application::~Application() = default;

bool Application::start()
{
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Campaign Manager"));
    QGuiApplication::setDesktopFileName(QStringLiteral("org.campaignmanager.CampaignManager"));
    QGuiApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/org.campaignmanager.CampaignManager.svg")));
    // Closing the window goes through quit(), which lets requests on the wire settle first.
    QGuiApplication::setQuitOnLastWindowClosed(false);
    if (qEnvironmentVariable("CAMPAIGN_MANAGER_PALETTE") == QLatin1String("dark"))
        Palette::applyDark(*qApp);

    // The demo's emulator starts first: it sets up and generates its campaigns in its own process
    // while this one builds the window.
    if (m_options.demo)
        startDemoEmulator();
    m_window = std::make_unique<MainWindow>(m_service.get(), m_settings.get());
    connect(m_window.get(), &MainWindow::settingsRequested, this, [this] { openSettings(); });
    connect(m_window.get(), &MainWindow::historyRequested, this, &Application::openHistory);
    // Incident snapshots live in the journal, opened on first need like History's.
    m_window->setJournal(m_journal.get());
    connect(m_window.get(), &MainWindow::journalNeeded, this, &Application::openJournal);
    connect(m_window.get(), &MainWindow::closing, this, &Application::quit);
    connect(m_window.get(), &MainWindow::accountSwitchRequested, this, &Application::switchAccount);
    setupWatch();

    m_demo = m_options.demo;
    if (!m_demo) {
        // What a version before accounts saved (one URL, one token) becomes an account first, so
        // that nothing below misses it. The account exists at once; its token moves meanwhile.
        auto *migration = new AccountMigration(m_settings.get(), m_accounts.get(), this);
        if (migration->isNeeded()) {
            m_migration = migration;
            connect(migration, &AccountMigration::finished, migration, &QObject::deleteLater);
            connect(migration, &AccountMigration::failed, migration, &QObject::deleteLater);
            migration->start();
            // History's rows from before accounts belong to it.
            m_journal->setAccountForOldRows(migration->account().ref());
        } else {
            delete migration;
        }
    }
    if (!m_demo && !m_options.apiUrl.isValid() && m_accounts->savedAccounts().isEmpty()
        && m_options.envToken.isEmpty()) {
        WelcomeDialog welcome;
        if (!m_demoEmulatorFactory && DemoEmulatorProcess::locate().isEmpty())
            welcome.setDemoUnavailable(DemoEmulatorProcess::notInstalledMessage());
        qCInfo(lcApp) << "first start: showing the welcome";
        welcome.exec();
        if (welcome.choice() == WelcomeDialog::Choice::None) {
            m_exitCode = 0;
            return false;
        }
        m_demo = welcome.choice() == WelcomeDialog::Choice::Demo;
        if (m_demo)
            startDemoEmulator();
    }

    // In the demo the first page is asked for before the window is shown, so the request is on
    // the wire while the window paints.
    if (m_demo && !bindDemo()) {
        const QString why = m_demoEmulator->errorString();
        QTextStream(stderr) << tr("campaign-manager: %1").arg(why) << '\n';
        MessageBox::warningBeforeExit(nullptr, tr("The demo cannot start"), why);
        m_exitCode = 1;
        return false;
    }
    if (!m_demo) {
        m_accountList
            = std::make_unique<AccountListModel>(m_accounts.get(), AccountListModel::Show::SavedOnly, nullptr);
        m_window->setAccountList(m_accountList.get());
        connect(m_accounts.get(), &AccountStore::accountsChanged, this, &Application::onAccountsChanged);
    }
    m_window->show();
    if (!m_demo) {
        const Account account = accountAtStart();
        if (!m_options.envToken.isEmpty())
            m_sessionTokens.insert(account.id, m_options.envToken);
        if (account.apiUrl.isValid()) {
            useAccount(account);
        } else {
            openSettings(tr("Add the address of your Altcraft account and an API token to see your campaigns."));
            if (m_settingsDialog)
                m_settingsDialog->addAccount();
        }
    }
    return true;
}

Account Application::accountAtStart() const
{
    if (!m_options.accountName.isEmpty()) {
        if (const auto account = m_accounts->findByName(m_options.accountName); account && !account->isDemo())
            return *account;
    }
    if (m_options.apiUrl.isValid()) {
        // A saved account at that address brings its token and safety rules; otherwise the
        // address is a one-off for this run, with the token from ALTCRAFT_API_TOKEN.
        for (const Account &saved : m_accounts->savedAccounts()) {
            if (saved.apiUrl.adjusted(QUrl::StripTrailingSlash) == m_options.apiUrl.adjusted(QUrl::StripTrailingSlash))
                return saved;
        }
        Account oneOff;
        oneOff.name = m_options.apiUrl.host();
        oneOff.apiUrl = m_options.apiUrl;
        oneOff.colour = Account::defaultColour(oneOff.environment);
        return oneOff;
    }
    Account current = m_accounts->current();
    if (!current.isDemo())
        return current;
    const QList<Account> saved = m_accounts->savedAccounts();
    return saved.isEmpty() ? Account() : saved.first();
}

bool Application::switchAccount(const QString &accountId)
{
    if (m_quitting)
        return false;
    if (accountId == m_account.id && !m_account.name.isEmpty())
        return true;
    const std::optional<Account> account = m_accounts->find(accountId);
    if (!account || account->isDemo() != m_demo)
        return false;
    if (m_service->isRunningAction()) {
        // Its remaining requests, their outcomes and its journal rows belong to this account.
        MessageBox::warning(
            m_window.get(), tr("Cannot switch accounts now"),
            tr("An action is running in %1. Switch once it has finished, or cancel it first.").arg(m_account.name));
        return false;
    }
    useAccount(*account);
    return true;
}

// From here on the app works in this account: the window shows it, its view and tracked
// campaigns come back, the client follows its rules, History records it, and its token is used.
void Application::useAccount(const Account &account)
{
    if (!m_account.name.isEmpty())
        m_window->saveAccountView();
    m_account = account;
    m_settings->setAccountScope(account.id);
    m_service->switchAccount();
    m_client->setReadOnly(account.readOnly);
    m_recorder->setAccount(account.id.isEmpty() ? AccountRef{QString(), account.apiUrl.host()} : account.ref());
    m_window->showAccount(account);
    m_watch->setCurrent(account, QString()); // its token follows (connectionChanged)
    if (m_journal->isOpen())
        m_service->setLocalSchedules(m_journal->activationSchedules(account.id));
    if (!account.id.isEmpty() && !account.isDemo())
        m_accounts->setCurrent(account.id);
    qCInfo(lcApp).noquote() << "account in use:" << (account.id.isEmpty() ? QStringLiteral("(one-off)") : account.id);
    if (account.isDemo()) {
        m_binder->setConnection(account.apiUrl, Account::demoToken(account.id));
        return;
    }
    if (const auto held = m_sessionTokens.constFind(account.id); held != m_sessionTokens.constEnd()) {
        m_binder->setConnection(account.apiUrl, *held);
        return;
    }
    // Nothing is sent until this account's own token is read.
    m_binder->setConnection(account.apiUrl, QString());
    if (!account.apiUrl.isValid())
        return; // no account left: the window waits for one to be added
    if (account.id.isEmpty()) {
        askForToken(account,
                    tr("No API token was given for %1: set ALTCRAFT_API_TOKEN, or save the address as an "
                       "account with its token.")
                        .arg(account.apiUrl.host()));
        return;
    }
    loadToken(account);
}

void Application::onAccountsChanged()
{
    if (m_account.id.isEmpty() || m_account.isDemo())
        return;
    const std::optional<Account> saved = m_accounts->find(m_account.id);
    if (!saved) {
        // The account in use was removed: the next one takes its place, or none is left.
        // While an action runs it finishes in the account it started in, which stays in use
        // until the user picks another.
        const QList<Account> rest = m_accounts->savedAccounts();
        if (!m_service->isRunningAction())
            useAccount(rest.isEmpty() ? Account() : rest.first());
        return;
    }
    if (*saved == m_account)
        return;
    if (saved->apiUrl != m_account.apiUrl && !m_service->isRunningAction()) {
        useAccount(*saved); // another address: its table starts afresh, its token read again
        return;
    }
    // Name, colour or rules: they apply at once, a read-only rule to the very next request.
    m_account.name = saved->name;
    m_account.environment = saved->environment;
    m_account.customEnvironment = saved->customEnvironment;
    m_account.colour = saved->colour;
    m_account.readOnly = saved->readOnly;
    m_account.confirmEveryAction = saved->confirmEveryAction;
    m_account.typedConfirmationFrom = saved->typedConfirmationFrom;
    m_client->setReadOnly(m_account.readOnly);
    m_recorder->setAccount(m_account.ref());
    m_window->showAccount(m_account);
}

// Start-up frees most of what it allocates (the first page's bytes and JSON, the window's
// set-up), but glibc keeps freed heap pages mapped: hand them back once, so the app idles at
// what it keeps.
void Application::releaseFreedMemory()
{
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

void Application::openJournal()
{
    if (m_journalOpened)
        return;
    m_journalOpened = true;
    // Demo actions go to a journal of their own, in a directory removed when the app ends, so a
    // real account's History stays clean and the demo leaves nothing behind.
    if (m_demo) {
        m_demoScratch = std::make_unique<DemoScratchDir>();
        if (!m_demoScratch->isValid()) {
            MessageBox::warning(m_window.get(), tr("History unavailable"),
                                tr("The demo could not make its temporary directory in %1: %2\n\nActions still "
                                   "work, but they are not recorded.")
                                    .arg(DemoScratchDir::baseDirectory(), m_demoScratch->errorString()));
            m_demoScratch.reset();
            return;
        }
        m_journal->open(m_demoScratch->filePath(QStringLiteral("journal.sqlite")));
    } else {
        m_journal->open(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                        + QStringLiteral("/journal.sqlite"));
    }
    if (!m_journal->isOpen()) {
        MessageBox::warning(m_window.get(), tr("History unavailable"),
                            tr("%1\n\nActions still work, but they are not recorded.").arg(m_journal->errorString()));
        return;
    }
    // The dates this computer set on campaigns, which the server does not report.
    m_service->setLocalSchedules(m_journal->activationSchedules(m_account.id));
    if (m_activityPane)
        m_activityPane->reload();
    // Its banner offers "Check status now" for what a crash left unknown.
    if (m_journal->interruptedOnOpen() > 0)
        openHistory();
}

int Application::run()
{
    // Connected first: a SIGTERM while the first-run welcome is open ends that dialog's loop too.
    connect(this, &Application::finished, qApp, &QCoreApplication::exit, Qt::QueuedConnection);
    if (!start())
        return m_exitCode;
    return QApplication::exec();
}

void Application::startDemoEmulator()
{
    if (m_demoEmulator)
        return;
    const DemoEmulator::Options options{m_demoOptions.campaigns, m_demoOptions.latencyMs, m_demoOptions.jitterMs};
    m_demoEmulator
        = m_demoEmulatorFactory ? m_demoEmulatorFactory(options) : std::make_unique<DemoEmulatorProcess>(options);
    m_demoEmulator->begin();
}

QString Application::demoDirectory() const
{
    return m_demoScratch ? m_demoScratch->path() : QString();
}

bool Application::bindDemo()
{
    const QUrl url = m_demoEmulator->waitForUrl();
    if (!url.isValid())
        return false;
    m_accounts->setDemoUrl(url);
    m_accountList = std::make_unique<AccountListModel>(m_accounts.get(), AccountListModel::Show::DemoOnly, nullptr);
    m_window->setAccountList(m_accountList.get());
    const std::optional<Account> chosen
        = m_options.accountName.isEmpty() ? std::nullopt : m_accounts->findByName(m_options.accountName);
    useAccount(chosen && chosen->isDemo() ? *chosen : Account::demo(url));
    return true;
}

// Reads the account's token from the keychain; when there is none, Settings opens on that
// account and says that a token is needed.
void Application::loadToken(const Account &account)
{
    if (m_migration) {
        // The token of a migrated account is still on its way to the account's own entry.
        auto retry = [this, account] {
            m_migration = nullptr;
            if (m_account.id == account.id)
                loadToken(account);
        };
        connect(m_migration, &AccountMigration::finished, this, retry);
        connect(m_migration, &AccountMigration::failed, this, retry);
        return;
    }
    auto *store = TokenStore::forAccount(account.id, this);

    connect(store, &TokenStore::loaded, this, [this, store, account](const QString &token) {
        store->deleteLater();
        if (m_account.id != account.id)
            return; // the user moved on to another account meanwhile
        if (token.isEmpty()) {
            askForToken(account,
                        tr("No API token is saved for %1. Enter the token to see its campaigns; it is kept "
                           "in the system keychain.")
                            .arg(account.name));
            return;
        }
        m_binder->setToken(token);
    });
    connect(store, &TokenStore::failed, this, [this, store, account](TokenStore::Failure, const QString &message) {
        store->deleteLater();
        if (m_account.id != account.id)
            return;
        askForToken(account, tr("%1\n\nEnter the token here; you can use it for this session only.").arg(message));
    });
    store->load();
}

void Application::askForToken(const Account &account, const QString &notice)
{
    openSettings(notice);
    if (!m_settingsDialog)
        return;
    if (account.id.isEmpty())
        m_settingsDialog->addAccount(account.apiUrl); // a one-off address, saved as an account
    else
        m_settingsDialog->editAccount(account.id);
}

void Application::openSettings(const QString &notice)
{
    if (m_quitting)
        return;
    if (m_settingsDialog) {
        m_settingsDialog->raise();
        m_settingsDialog->activateWindow();
        return;
    }
    auto *dialog
        = new SettingsDialog(m_settings.get(), m_accounts.get(), m_client->networkAccessManager(), m_window.get());
    m_settingsDialog = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    for (auto held = m_sessionTokens.cbegin(); held != m_sessionTokens.cend(); ++held)
        dialog->setSessionToken(held.key(), held.value());
    if (!m_account.id.isEmpty() && !m_account.isDemo() && !m_binder->token().isEmpty())
        dialog->setSessionToken(m_account.id, m_binder->token());
    dialog->setNotice(notice);
    connect(dialog, &SettingsDialog::tokenChanged, this,
            [this](const QString &accountId, const QString &token, bool sessionOnly) {
                if (m_quitting)
                    return;
                if (sessionOnly)
                    m_sessionTokens.insert(accountId, token);
                else
                    m_sessionTokens.remove(accountId);
                if (sessionOnly)
                    m_window->statusBar()->showMessage(tr("The token is kept for this session only."), 10000);
                if (m_demo)
                    return; // the demo keeps its emulator; saved accounts are for a normal start
                if (accountId == m_account.id)
                    m_binder->setToken(token);
                else if (m_account.id.isEmpty() || !m_binder->isConfigured())
                    switchAccount(accountId); // the first account, or one that replaces an unusable one
            });
    connect(dialog, &QDialog::accepted, this, [this] {
        if (m_demo && !m_quitting)
            m_window->statusBar()->showMessage(
                tr("Settings saved. The demo keeps using the emulator; start without --demo to use your accounts."),
                15000);
    });
    // open(), not exec(): this is often called from a keychain callback, and a nested event loop
    // there starves the keychain's own next answer (saving the token would never finish).
    dialog->open();
}

void Application::openHistory()
{
    openJournal();
    if (!m_history)
        m_history = new HistoryWindow(m_journal.get(), m_recorder.get(), m_settings.get(), m_window.get());
    m_history->show();
    m_history->raise();
    m_history->activateWindow();
}

void Application::quit()
{
    if (m_quitting)
        return;
    m_quitting = true;
    qCInfo(lcApp) << "quitting";
    if (m_watch)
        m_watch->stop(); // keeps what it last saw, for the next start
    m_service->shutDown();
    if (m_history)
        m_history->close();
    if (m_window && m_window->isVisible())
        m_window->close(); // saves the window's layout
    if (!m_service->isRunningAction()) {
        finishQuit();
        return;
    }
    qCInfo(lcApp) << "waiting for requests on the wire to settle";
    connect(m_service.get(), &CampaignService::actionFinished, this, &Application::finishQuit);
    m_quitGrace = new QTimer(this);
    m_quitGrace->setSingleShot(true);
    connect(m_quitGrace, &QTimer::timeout, this, &Application::finishQuit);
    m_quitGrace->start(kQuitGraceMs);
}

void Application::finishQuit()
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_quitGrace)
        m_quitGrace->stop();
    disconnect(m_service.get(), &CampaignService::actionFinished, this, &Application::finishQuit);
    m_journal->close();
    m_settings->sync();
    qCInfo(lcApp) << "journal closed; exiting with status" << m_exitCode;
    Q_EMIT finished(m_exitCode);
}

// The background watch: the window's star and Watch action change the lists, the coordinator
// checks them (from the first list on), the alerts tell the desktop, the tray keeps it going.
void Application::setupWatch()
{
    m_window->setWatchList(m_watchList.get());
    auto *pane = new ActivityPane;
    m_activityPane = pane;
    pane->setJournal(m_journal.get()); // read once the journal opens (openJournal)
    m_window->setActivityPane(pane);
    connect(pane, &ActivityPane::campaignRequested, this, &Application::openCampaign);
    m_watch = std::make_unique<WatchCoordinator>(m_settings.get(), m_watchList.get(), m_client->networkAccessManager());
    m_watch->setJournal(m_journal.get());
    m_watch->setTokenSource([this](const Account &account, const std::function<void(const QString &)> &done) {
        readTokenFor(account, done);
    });
    connect(m_watch.get(), &WatchCoordinator::currentAccountRead, m_service.get(), &CampaignService::mergeRead);
    // A whole list in the window is the whole-account check's too: not fetched twice. A list the
    // server narrowed to a filter is not the whole account.
    connect(m_service.get(), &CampaignService::loadFinished, this, [this](const ApiError &error) {
        if (error.isNone() && m_service->canList() && !m_service->hasServerFilter())
            m_watch->noteAccountListed(m_account.id, *m_service->model());
    });
    connect(m_binder.get(), &ClientBinder::connectionChanged, this, [this] {
        if (m_watch)
            m_watch->setCurrent(m_account, m_binder->token());
    });
    connect(m_watchList.get(), &WatchList::changed, this, [this](const QString &accountId) {
        // Connected after the coordinator's own handler: the watcher knows the new list already.
        if (accountId == m_account.id) {
            QList<Campaign> shown;
            for (qint64 id : m_watchList->ids(accountId)) {
                if (const Campaign *c = m_service->model()->campaign(id))
                    shown.append(*c);
            }
            m_watch->noteShown(accountId, shown);
        }
        updateTray();
    });
    connect(m_settings.get(), &Settings::changed, this, [this](Settings::Key key) {
        if (key == Settings::Key::TrayIcon)
            updateTray();
    });
    connect(m_accounts.get(), &AccountStore::accountsChanged, this, &Application::updateWatchedAccounts);
    updateTray();
}

void Application::updateWatchedAccounts()
{
    if (!m_watch)
        return;
    QList<Account> accounts;
    for (const Account &account : m_accounts->accounts()) {
        if (account.isDemo() == m_demo)
            accounts.append(account);
    }
    m_watch->setAccounts(accounts);
}

void Application::startWatch()
{
    if (!m_watch || m_quitting || m_watch->isRunning())
        return;
    if (!m_alerts) {
        // Here, not at start-up: the session bus and the notification service are not needed
        // for the first paint, and asking them costs round trips.
        m_notifier = std::make_unique<DesktopNotifier>();
        m_alerts = std::make_unique<WatchAlerts>(m_settings.get(), m_notifier.get());
        m_alerts->setTray(m_tray.get());
        connect(m_watch.get(), &WatchCoordinator::eventsRecorded, m_alerts.get(), &WatchAlerts::announce);
        connect(m_alerts.get(), &WatchAlerts::campaignRequested, this, &Application::openCampaign);
        connect(m_alerts.get(), &WatchAlerts::activityRequested, this, &Application::openActivity);
        connect(m_alerts.get(), &WatchAlerts::unannounced, this, [this](const QString &summary) {
            if (m_window)
                m_window->statusBar()->showMessage(summary, 15000);
        });
    }
    updateWatchedAccounts();
    m_watch->start();
}

void Application::readTokenFor(const Account &account, const std::function<void(const QString &)> &done)
{
    if (account.isDemo()) {
        done(Account::demoToken(account.id));
        return;
    }
    if (const auto held = m_sessionTokens.constFind(account.id); held != m_sessionTokens.constEnd()) {
        done(*held);
        return;
    }
    if (account.id.isEmpty()) {
        done(QString());
        return;
    }
    // Read quietly: a missing token means that account's watched campaigns wait until the user
    // opens it, never a dialog in the middle of other work.
    auto *store = TokenStore::forAccount(account.id, this);
    connect(store, &TokenStore::loaded, this, [store, done](const QString &token) {
        store->deleteLater();
        done(token);
    });
    connect(store, &TokenStore::failed, this, [store, done, id = account.id](TokenStore::Failure, const QString &) {
        store->deleteLater();
        qCWarning(lcWatch).noquote() << "the keychain gave no entry for account" << id << "; its watch waits";
        done(QString());
    });
    store->load();
}

void Application::updateTray()
{
    const bool wanted = m_settings->value(Settings::Key::TrayIcon).toBool() && QSystemTrayIcon::isSystemTrayAvailable();
    if (!wanted) {
        if (m_tray) {
            if (m_alerts)
                m_alerts->setTray(nullptr);
            m_tray.reset();
        }
        m_window->setHideOnClose(false);
        return;
    }
    if (!m_tray) {
        m_tray = std::make_unique<TrayIcon>();
        connect(m_tray.get(), &TrayIcon::showWindowRequested, this, &Application::showWindow);
        connect(m_tray.get(), &TrayIcon::activityRequested, this, &Application::openActivity);
        connect(m_tray.get(), &TrayIcon::checkNowRequested, m_watch.get(), &WatchCoordinator::checkNow);
        connect(m_tray.get(), &TrayIcon::quitRequested, this, &Application::quit);
        if (m_alerts)
            m_alerts->setTray(m_tray.get());
        m_tray->show();
    }
    int campaigns = 0;
    int accounts = 0;
    for (const Account &account : m_accounts->accounts()) {
        if (account.isDemo() != m_demo)
            continue;
        const int n = static_cast<int>(m_watchList->ids(account.id).size());
        campaigns += n;
        accounts += n > 0 ? 1 : 0;
    }
    if (m_account.id.isEmpty()) {
        const int n = static_cast<int>(m_watchList->ids(QString()).size());
        campaigns += n;
        accounts += n > 0 ? 1 : 0;
    }
    m_tray->setWatchSummary(campaigns, accounts);
    m_window->setHideOnClose(true);
}

void Application::showWindow()
{
    if (!m_window || m_quitting)
        return;
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
}

void Application::openCampaign(const QString &accountId, qint64 campaignId)
{
    if (!m_window || m_quitting)
        return;
    showWindow();
    if (accountId == m_account.id) {
        m_window->revealCampaign(campaignId);
        return;
    }
    if (!switchAccount(accountId))
        return;
    // The other account's list is on its way: the row is there once it has arrived.
    auto once = std::make_shared<QMetaObject::Connection>();
    *once = connect(m_service.get(), &CampaignService::loadFinished, this, [this, once, accountId, campaignId] {
        disconnect(*once);
        if (m_account.id == accountId)
            m_window->revealCampaign(campaignId);
    });
}

void Application::openActivity()
{
    openJournal();
    showWindow();
    if (m_window)
        m_window->showActivity();
}
