// Composition root: parses the command line, builds the client, the service layer and the
// main window, and in demo mode starts the built-in Altcraft emulator.
#include "altcraftclient.h"
#include "altcraftemulator.h"
#include "campaignservice.h"
#include "localization.h"
#include "logging.h"
#include "mainwindow.h"
#include "settings.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("campaign-manager"));
    QApplication::setApplicationDisplayName(QStringLiteral("Campaign Manager"));
    QApplication::setOrganizationName(QStringLiteral("CampaignManager"));
    QApplication::setApplicationVersion(QStringLiteral(CM_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("campaign-manager"));

    Settings settings;
    Localization::install(settings.value(Settings::Key::Language).toString());

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Deactivate, activate and complete Altcraft campaigns."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(QStringLiteral("demo"),
        QApplication::translate("main", "Try the app against a built-in Altcraft emulator with demo campaigns."));
    const QCommandLineOption urlOption(QStringLiteral("api-url"),
        QApplication::translate("main", "The Altcraft API URL, e.g. https://ru.altkraft.com."), QStringLiteral("url"));
    const QCommandLineOption verboseOption(QStringLiteral("verbose"),
        QApplication::translate("main", "Print debug logging (never the token)."));
    parser.addOptions({demoOption, urlOption, verboseOption});
    parser.process(app);

    if (parser.isSet(verboseOption))
        QLoggingCategory::setFilterRules(QStringLiteral("campaignmanager.*.debug=true"));

    AltcraftClient client;
    RequestFactory factory;
    std::unique_ptr<AltcraftEmulator> emulator;
    const bool demo = parser.isSet(demoOption);
    if (demo) {
        emulator = std::make_unique<AltcraftEmulator>();
        emulator->seed(200, 1);
        emulator->setLatency(40, 60);  // feels like a real server, so progress states are visible
        if (!emulator->start()) {
            QTextStream(stderr) << QApplication::translate("main", "campaign-manager: cannot start the demo emulator on 127.0.0.1") << '\n';
            return 1;
        }
        factory.setBaseUrl(emulator->baseUrl());
        factory.setToken(ApiTokenGrant::defaultFullToken());
    } else {
        factory.setBaseUrl(QUrl(parser.value(urlOption)));
        factory.setToken(qEnvironmentVariable("ALTCRAFT_API_TOKEN"));
    }
    client.setFactory(factory);
    qCDebug(lcUi) << "starting with" << factory;

    CampaignService service(&client, &settings);
    MainWindow window(&service, &settings);
    window.setDemoMode(demo);
    window.show();
    service.reload();
    return QApplication::exec();
}
