#include "application.h"

#include "account.h"
#include "accountstore.h"
#include "altcraftclient.h"
#include "apitokengrant.h"
#include "campaignservice.h"
#include "clientbinder.h"
#include "demoserver.h"
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
#include "unixsignalwatcher.h"
#include "welcomedialog.h"

#include <QApplication>
#include <QIcon>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QStatusBar>
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
      m_settings(std::make_unique<Settings>()), m_client(std::make_unique<AltcraftClient>()),
      m_binder(std::make_unique<ClientBinder>(m_client.get(), m_settings.get())),
      m_service(std::make_unique<CampaignService>(m_client.get(), m_settings.get())),
      m_journal(std::make_unique<Journal>()),
      m_recorder(std::make_unique<JournalRecorder>(m_journal.get(), m_service.get())),
      m_signals(new UnixSignalWatcher({SIGTERM, SIGINT}, this))
{
    if (m_options.verbose)
        QLoggingCategory::setFilterRules(QStringLiteral("campaignmanager.*.debug=true"));
    m_language = m_localization.install(m_settings->value(Settings::Key::Language).toString());
    connect(m_signals, &UnixSignalWatcher::received, this, &Application::quit);
    connect(m_binder.get(), &ClientBinder::connectionChanged, m_service.get(), [this] {
        // History names the account each action ran in. Until this version keeps accounts of its
        // own, a real account's rows carry its host and no id; the account the one saved URL
        // becomes claims them (Journal::setAccountForOldRows).
        m_recorder->setAccount(m_demo ? Account::demo().ref() : AccountRef{QString(), m_binder->effectiveUrl().host()});
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
            openJournal();
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

    // The demo's emulator starts first: it sets up and generates its campaigns on its own thread
    // while this one builds the window.
    if (m_options.demo)
        startDemoServer();
    m_window = std::make_unique<MainWindow>(m_service.get(), m_settings.get());
    connect(m_window.get(), &MainWindow::settingsRequested, this, [this] { openSettings(); });
    connect(m_window.get(), &MainWindow::historyRequested, this, &Application::openHistory);
    connect(m_window.get(), &MainWindow::closing, this, &Application::quit);

    m_demo = m_options.demo;
    if (!m_demo && !m_options.apiUrl.isValid() && m_settings->value(Settings::Key::ApiUrl).toString().isEmpty()
        && m_options.envToken.isEmpty()) {
        WelcomeDialog welcome;
        qCInfo(lcApp) << "first start: showing the welcome";
        welcome.exec();
        if (welcome.choice() == WelcomeDialog::Choice::None) {
            m_exitCode = 0;
            return false;
        }
        m_demo = welcome.choice() == WelcomeDialog::Choice::Demo;
        if (m_demo)
            startDemoServer();
    }

    // In the demo the first page is asked for before the window is shown, so the request is on
    // the wire while the window paints.
    if (m_demo && !bindDemo()) {
        QTextStream(stderr) << tr("campaign-manager: cannot start the demo emulator on 127.0.0.1") << '\n';
        m_exitCode = 1;
        return false;
    }
    m_window->show();
    if (!m_demo)
        connectAccount();
    return true;
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
    // Demo actions go to their own journal, so a real account's history stays clean.
    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    m_journal->open(dataDir + (m_demo ? QStringLiteral("/demo-journal.sqlite") : QStringLiteral("/journal.sqlite")));
    if (!m_journal->isOpen()) {
        MessageBox::warning(m_window.get(), tr("History unavailable"),
                            tr("%1\n\nActions still work, but they are not recorded.").arg(m_journal->errorString()));
        return;
    }
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

void Application::startDemoServer()
{
    if (m_demoServer)
        return;
    m_demoServer = std::make_unique<DemoServer>(
        DemoServer::Options{m_demoOptions.campaigns, m_demoOptions.latencyMs, m_demoOptions.jitterMs, 1000});
    m_demoServer->start();
}

bool Application::bindDemo()
{
    const QUrl url = m_demoServer->waitForUrl();
    if (!url.isValid())
        return false;
    m_window->setDemoMode(true);
    m_binder->setUrlOverride(url);
    m_binder->setToken(ApiTokenGrant::defaultFullToken());
    return true;
}

void Application::connectAccount()
{
    if (m_options.apiUrl.isValid())
        m_binder->setUrlOverride(m_options.apiUrl);
    if (!m_options.envToken.isEmpty()) {
        m_binder->setToken(m_options.envToken);
        return;
    }
    if (m_binder->effectiveUrl().isValid()) {
        loadToken();
        return;
    }
    openSettings(tr("Enter the address of your Altcraft account and an API token to see your campaigns."));
}

// Reads the token from the keychain for the URL in use; when there is none, Settings opens with
// that URL filled in and says that a token is needed.
void Application::loadToken()
{
    const QUrl url = m_binder->effectiveUrl();
    m_tokenStore = new TokenStore(url, this);
    connect(m_tokenStore, &TokenStore::loaded, this, [this, url](const QString &token) {
        m_tokenStore->deleteLater();
        if (token.isEmpty()) {
            openSettings(tr("No API token is saved for %1. Enter the token to see its campaigns; it is kept in the "
                            "system keychain.")
                             .arg(url.host()));
            return;
        }
        m_binder->setToken(token);
    });
    connect(m_tokenStore, &TokenStore::failed, this, [this](TokenStore::Failure, const QString &message) {
        m_tokenStore->deleteLater();
        openSettings(tr("%1\n\nEnter the token here; you can use it for this session only.").arg(message));
    });
    m_tokenStore->load();
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
    // Interim (issue 15): until Application owns the AccountStore, the dialog gets its own.
    auto *accounts = new AccountStore(m_settings.get());
    auto *dialog = new SettingsDialog(m_settings.get(), accounts, m_client->networkAccessManager(), m_window.get());
    accounts->setParent(dialog);
    m_settingsDialog = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setNotice(notice);
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
