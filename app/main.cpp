// Composition root: reads the command line and settings, wires the client, the service layer,
// the journal and the windows, and in demo mode starts the built-in Altcraft emulator.
#include "altcraftclient.h"
#include "altcraftemulator.h"
#include "campaignservice.h"
#include "clientbinder.h"
#include "commandline.h"
#include "historywindow.h"
#include "journal.h"
#include "journalrecorder.h"
#include "localization.h"
#include "logging.h"
#include "mainwindow.h"
#include "palette.h"
#include "settings.h"
#include "settingsdialog.h"
#include "tokenstore.h"
#include "welcomedialog.h"

#include <QApplication>
#include <QFile>
#include <QIcon>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPointer>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTextStream>

namespace {

constexpr int kDemoCampaigns = 200;

// Everything the running app holds; its lifetime is main()'s.
struct App {
    Settings settings;
    AltcraftClient client;
    ClientBinder binder{&client, &settings};
    CampaignService service{&client, &settings};
    Journal journal;
    JournalRecorder recorder{&journal, &service};
    std::unique_ptr<AltcraftEmulator> emulator;
    std::unique_ptr<MainWindow> window;
    QPointer<HistoryWindow> history;
    TokenStore *tokenStore = nullptr;
    bool demo = false;
};

// bench/startup sets this: demo with N campaigns and no latency; print figures once loaded, quit.
int benchCampaigns()
{
    return qEnvironmentVariableIntValue("CAMPAIGN_MANAGER_BENCH_CAMPAIGNS");
}

qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

bool startDemo(App &app)
{
    app.emulator = std::make_unique<AltcraftEmulator>();
    const int bench = benchCampaigns();
    app.emulator->seed(bench > 0 ? bench : kDemoCampaigns, 1);
    if (bench <= 0)
        app.emulator->setLatency(40, 60); // feels like a real server, so progress states are visible
    app.emulator->setRequestLogLimit(1000);
    if (!app.emulator->start())
        return false;
    app.binder.setUrlOverride(app.emulator->baseUrl());
    app.binder.setToken(ApiTokenGrant::defaultFullToken());
    app.window->setDemoMode(true);
    return true;
}

void openSettings(App &app)
{
    // In demo mode the binder holds the emulator's token: the dialog edits the real account.
    SettingsDialog dialog(&app.settings, app.demo ? QString() : app.binder.token(), app.window.get());
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (app.demo) {
        app.window->statusBar()->showMessage(
            QApplication::translate(
                "main", "Settings saved. The demo keeps using the emulator; start without --demo to use your account."),
            15000);
        return;
    }
    app.binder.setToken(dialog.token());
    if (dialog.tokenIsSessionOnly())
        app.window->statusBar()->showMessage(
            QApplication::translate("main", "The token is kept for this session only."), 10000);
}

void openHistory(App &app)
{
    if (!app.history)
        app.history = new HistoryWindow(&app.journal, &app.recorder, &app.settings, app.window.get());
    app.history->show();
    app.history->raise();
    app.history->activateWindow();
}

// Loads the token from the keychain for the configured URL; reports plainly when there is none.
void loadToken(App &app)
{
    const QUrl url = app.binder.effectiveUrl();
    if (!url.isValid())
        return;
    app.tokenStore = new TokenStore(url, &app.binder);
    QObject::connect(app.tokenStore, &TokenStore::loaded, app.window.get(), [&app](const QString &token) {
        if (token.isEmpty()) {
            openSettings(app);
            return;
        }
        app.binder.setToken(token);
    });
    QObject::connect(
        app.tokenStore, &TokenStore::failed, app.window.get(), [&app](TokenStore::Failure, const QString &message) {
            QMessageBox::warning(app.window.get(), QApplication::translate("main", "Cannot read the API token"),
                                 QApplication::translate(
                                     "main", "%1\n\nEnter the token in Settings; you can use it for this session only.")
                                     .arg(message));
            openSettings(app);
        });
    app.tokenStore->load();
}

void setApplicationNames()
{
    QCoreApplication::setApplicationName(QStringLiteral("campaign-manager"));
    QCoreApplication::setOrganizationName(QStringLiteral("CampaignManager"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CM_VERSION));
}

// --help, --version and bad options are answered before any window system is touched, so they
// work over SSH and in scripts without a display.
std::optional<int> answerWithoutDisplay(int argc, char *argv[], LaunchOptions *options)
{
    QCoreApplication probe(argc, argv);
    setApplicationNames();
    Settings settings;
    Localization::install(settings.value(Settings::Key::Language).toString());
    *options = CommandLine::parse(QCoreApplication::arguments());
    if (!options->error.isEmpty()) {
        QTextStream(stderr) << "campaign-manager: " << options->error << '\n'
                            << QCoreApplication::translate("main", "Try 'campaign-manager --help'.") << '\n';
        return 2;
    }
    if (options->showHelp || options->showVersion) {
        QTextStream(stdout) << (options->showHelp ? options->helpText : options->versionText + QLatin1Char('\n'));
        return 0;
    }
    return std::nullopt;
}

} // namespace

int main(int argc, char *argv[])
{
    LaunchOptions options;
    if (const auto exitCode = answerWithoutDisplay(argc, argv, &options))
        return *exitCode;

    QApplication qapp(argc, argv);
    setApplicationNames();
    QApplication::setApplicationDisplayName(QStringLiteral("Campaign Manager"));
    QApplication::setDesktopFileName(QStringLiteral("org.campaignmanager.CampaignManager"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/org.campaignmanager.CampaignManager.svg")));

    if (qEnvironmentVariable("CAMPAIGN_MANAGER_PALETTE") == QLatin1String("dark"))
        Palette::applyDark(qapp);

    App app;
    Localization::install(app.settings.value(Settings::Key::Language).toString());

    if (options.verbose)
        QLoggingCategory::setFilterRules(QStringLiteral("campaignmanager.*.debug=true"));

    app.window = std::make_unique<MainWindow>(&app.service, &app.settings);
    QObject::connect(app.window.get(), &MainWindow::settingsRequested, [&app] { openSettings(app); });
    QObject::connect(app.window.get(), &MainWindow::historyRequested, [&app] { openHistory(app); });
    QObject::connect(&app.binder, &ClientBinder::connectionChanged, &app.service, [&app] {
        if (app.binder.isConfigured())
            app.service.reload();
    });

    bool demo = options.demo;
    if (!demo && !options.apiUrl.isValid() && app.settings.value(Settings::Key::ApiUrl).toString().isEmpty()
        && options.envToken.isEmpty()) {
        WelcomeDialog welcome;
        welcome.exec();
        demo = welcome.choice() == WelcomeDialog::Choice::Demo;
        if (welcome.choice() == WelcomeDialog::Choice::None)
            return 0;
    }

    // Demo actions go to their own journal, so a real account's history stays clean.
    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (!app.journal.open(dataDir
                          + (demo ? QStringLiteral("/demo-journal.sqlite") : QStringLiteral("/journal.sqlite"))))
        QMessageBox::warning(nullptr, QApplication::translate("main", "History unavailable"),
                             QApplication::translate("main", "%1\n\nActions still work, but they are not recorded.")
                                 .arg(app.journal.errorString()));

    app.window->show();
    app.demo = demo;
    if (demo) {
        if (!startDemo(app)) {
            QTextStream(stderr) << QApplication::translate(
                "main", "campaign-manager: cannot start the demo emulator on 127.0.0.1")
                                << '\n';
            return 1;
        }
    } else {
        if (options.apiUrl.isValid())
            app.binder.setUrlOverride(options.apiUrl);
        if (!options.envToken.isEmpty())
            app.binder.setToken(options.envToken);
        else if (app.binder.effectiveUrl().isValid())
            loadToken(app);
        else
            openSettings(app);
    }
    if (app.journal.interruptedOnOpen() > 0)
        openHistory(app);
    if (demo && benchCampaigns() > 0) {
        QObject::connect(&app.service, &CampaignService::loadFinished, &qapp, [](const ApiError &error, int total) {
            QCoreApplication::processEvents(); // let the table paint what arrived
            QTextStream(stdout) << "loaded=" << total << " error=" << ApiError::kindName(error.kind())
                                << " at_ms=" << QDateTime::currentMSecsSinceEpoch() << " rss_kib=" << residentKiB()
                                << Qt::endl;
            QCoreApplication::exit(error.isNone() ? 0 : 1);
        });
    } // its banner offers "Check status now" for what a crash left unknown
    return QApplication::exec();
}
