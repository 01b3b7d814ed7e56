// The end-to-end tier, out of process: the campaign-manager executable the README tells people to
// start, launched as a child with a private home, offscreen. It must show the list (its log says
// when the first list is in the window), keep running, and quit with status 0 on SIGTERM (a
// session logout) and SIGINT (Ctrl+C), with the journal closed. Run under the asan preset too,
// so a use-after-free at start-up or shutdown fails the suite.

#include "altcraftemulator.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#ifndef CAMPAIGN_MANAGER_PATH
#error "CAMPAIGN_MANAGER_PATH must name the campaign-manager executable"
#endif

namespace {

struct Launch {
    QTemporaryDir home;
    QProcess process;
    QString err;

    explicit Launch(const QStringList &arguments, const QString &token = QString())
    {
        for (const char *dir : {"config", "data", "cache", "runtime"})
            QDir(home.path()).mkpath(QLatin1String(dir));
        QFile::setPermissions(home.filePath(QStringLiteral("runtime")),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.filePath(QStringLiteral("runtime")));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("campaignmanager.app.info=true"));
        env.insert(QStringLiteral("CAMPAIGN_MANAGER_DEMO_LATENCY_MS"), QStringLiteral("0"));
        env.remove(QStringLiteral("ALTCRAFT_API_TOKEN"));
        if (!token.isEmpty())
            env.insert(QStringLiteral("ALTCRAFT_API_TOKEN"), token);
        process.setProcessEnvironment(env);
        process.setProcessChannelMode(QProcess::SeparateChannels);
        process.start(QStringLiteral(CAMPAIGN_MANAGER_PATH), arguments);
    }

    ~Launch()
    {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(10000);
        }
    }

    // Reads stderr as it comes until a line contains text, the process ends, or time runs out.
    bool waitForLog(const QString &text, int timeoutMs = 60000)
    {
        const QDeadlineTimer deadline(timeoutMs);
        while (!err.contains(text)) {
            if (process.state() == QProcess::NotRunning || deadline.hasExpired())
                return false;
            process.waitForReadyRead(static_cast<int>(std::min<qint64>(deadline.remainingTime(), 1000)));
            err += QString::fromUtf8(process.readAllStandardError());
        }
        return true;
    }

    QString describe()
    {
        err += QString::fromUtf8(process.readAllStandardError());
        return QStringLiteral("state %1, exit %2 (%3)\nstderr:\n%4")
            .arg(process.state())
            .arg(process.exitCode())
            .arg(process.exitStatus() == QProcess::NormalExit ? QStringLiteral("normal") : QStringLiteral("crash"))
            .arg(err);
    }

    QString dataFile(const QString &name) const
    {
        return home.filePath(QStringLiteral("data/CampaignManager/campaign-manager/") + name);
    }
};

} // namespace

class TestLaunch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void demoShowsTheListAndQuitsOnSignal_data();
    void demoShowsTheListAndQuitsOnSignal();
    void accountFromApiUrlAndEnvironmentToken();
    void firstStartWelcomeQuitsOnSigterm();
    void unknownAccountIsAUsageErrorThatNamesTheAccounts();
    void demoStartsInTheAccountNamedOnTheCommandLine();
};

void TestLaunch::demoShowsTheListAndQuitsOnSignal_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGTERM (logout)") << int(SIGTERM);
    QTest::newRow("SIGINT (Ctrl+C)") << int(SIGINT);
}

void TestLaunch::demoShowsTheListAndQuitsOnSignal()
{
    QFETCH(int, signalNumber);
    Launch app({QStringLiteral("--demo")});
    QVERIFY2(app.process.waitForStarted(30000), qPrintable(app.process.errorString()));
    QVERIFY2(app.waitForLog(QStringLiteral("first list loaded: 200 campaigns, ok")), qPrintable(app.describe()));
    QVERIFY(QFile::exists(app.dataFile(QStringLiteral("demo-journal.sqlite"))));
    QCOMPARE(app.process.state(), QProcess::Running);
    ::kill(static_cast<pid_t>(app.process.processId()), signalNumber);
    QVERIFY2(app.process.waitForFinished(30000), qPrintable(app.describe()));
    QVERIFY2(app.process.exitStatus() == QProcess::NormalExit && app.process.exitCode() == 0,
             qPrintable(app.describe()));
    QVERIFY2(app.describe().contains(QStringLiteral("journal closed; exiting with status 0")),
             qPrintable(app.describe()));
    // A closed SQLite journal leaves no write-ahead log behind.
    QVERIFY(!QFile::exists(app.dataFile(QStringLiteral("demo-journal.sqlite-wal"))));
}

void TestLaunch::accountFromApiUrlAndEnvironmentToken()
{
    AltcraftEmulator emulator;
    emulator.seed(33, 5);
    QVERIFY(emulator.start());
    Launch app({QStringLiteral("--api-url"), emulator.baseUrl().toString()}, ApiTokenGrant::defaultFullToken());
    QVERIFY2(app.process.waitForStarted(30000), qPrintable(app.process.errorString()));
    // The emulator lives in this process: let its event loop answer while we wait for the log.
    QSignalSpy output(&app.process, &QProcess::readyReadStandardError);
    const QDeadlineTimer deadline(60000);
    while (!app.err.contains(QStringLiteral("first list loaded")) && app.process.state() == QProcess::Running
           && !deadline.hasExpired()) {
        (void)output.wait(static_cast<int>(std::min<qint64>(deadline.remainingTime(), 1000)));
        app.err += QString::fromUtf8(app.process.readAllStandardError());
    }
    QVERIFY2(app.err.contains(QStringLiteral("first list loaded: 33 campaigns, ok")), qPrintable(app.describe()));
    QVERIFY(emulator.requestCount(QStringLiteral("list")) >= 1);
    // Read once at start-up, then gone from the process environment: a child would not inherit
    // it, and /proc/<pid>/environ does not show it.
    QFile environ(QStringLiteral("/proc/%1/environ").arg(app.process.processId()));
    QVERIFY(environ.open(QIODevice::ReadOnly));
    const QByteArray block = environ.readAll();
    QVERIFY(block.contains("XDG_CONFIG_HOME=")); // the block was read
    QVERIFY(!block.contains(ApiTokenGrant::defaultFullToken().toUtf8()));
    ::kill(static_cast<pid_t>(app.process.processId()), SIGTERM);
    QTRY_VERIFY_WITH_TIMEOUT(app.process.state() == QProcess::NotRunning, 30000);
    QVERIFY2(app.process.exitStatus() == QProcess::NormalExit && app.process.exitCode() == 0,
             qPrintable(app.describe()));
}

// A logout while the first-run welcome waits for an answer: the dialog's own loop ends too.
void TestLaunch::firstStartWelcomeQuitsOnSigterm()
{
    Launch app({});
    QVERIFY2(app.process.waitForStarted(30000), qPrintable(app.process.errorString()));
    QVERIFY2(app.waitForLog(QStringLiteral("first start: showing the welcome")), qPrintable(app.describe()));
    QCOMPARE(app.process.state(), QProcess::Running);
    ::kill(static_cast<pid_t>(app.process.processId()), SIGTERM);
    QVERIFY2(app.process.waitForFinished(30000), qPrintable(app.describe()));
    QVERIFY2(app.process.exitStatus() == QProcess::NormalExit && app.process.exitCode() == 0,
             qPrintable(app.describe()));
}

// A runbook's typo in --account must stop before any window, and say what the choices are.
void TestLaunch::unknownAccountIsAUsageErrorThatNamesTheAccounts()
{
    Launch app({QStringLiteral("--demo"), QStringLiteral("--account"), QStringLiteral("Client Z")});
    QVERIFY2(app.process.waitForFinished(30000), qPrintable(app.describe()));
    QCOMPARE(app.process.exitCode(), 2);
    app.err += QString::fromUtf8(app.process.readAllStandardError());
    QVERIFY2(app.err.contains(QStringLiteral("No account is called \"Client Z\".")), qPrintable(app.describe()));
    QVERIFY2(app.err.contains(QStringLiteral("Accounts: Demo, Demo client")), qPrintable(app.describe()));
}

void TestLaunch::demoStartsInTheAccountNamedOnTheCommandLine()
{
    // Any case, as people type it.
    Launch app({QStringLiteral("--demo"), QStringLiteral("--account"), QStringLiteral("demo CLIENT")});
    QVERIFY2(app.process.waitForStarted(30000), qPrintable(app.process.errorString()));
    // The second account's 60 campaigns, not the first's 200.
    QVERIFY2(app.waitForLog(QStringLiteral("first list loaded: 60 campaigns, ok")), qPrintable(app.describe()));
    QVERIFY2(app.describe().contains(QStringLiteral("account in use: demo-second")), qPrintable(app.describe()));
    ::kill(static_cast<pid_t>(app.process.processId()), SIGTERM);
    QVERIFY2(app.process.waitForFinished(30000), qPrintable(app.describe()));
    QCOMPARE(app.process.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestLaunch)
#include "tst_e2e_launch.moc"
