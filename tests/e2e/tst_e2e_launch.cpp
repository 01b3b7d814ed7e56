// The end-to-end tier, out of process: the campaign-manager executable the README tells people to
// start, launched as a child with a private home, offscreen. It must show the list (its log says
// when the first list is in the window), keep running, and quit with status 0 on SIGTERM (a
// session logout) and SIGINT (Ctrl+C), with the journal closed. Run under the asan preset too,
// so a use-after-free at start-up or shutdown fails the suite.

#include "altcraftemulator.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

#ifndef CAMPAIGN_MANAGER_PATH
#error "CAMPAIGN_MANAGER_PATH must name the campaign-manager executable"
#endif

namespace {

struct Launch {
    std::shared_ptr<QTemporaryDir> home;
    QProcess process;
    QString err;

    explicit Launch(const QStringList &arguments, const QString &token = QString(),
                    const QString &program = QStringLiteral(CAMPAIGN_MANAGER_PATH),
                    std::shared_ptr<QTemporaryDir> sharedHome = {})
        : home(sharedHome ? std::move(sharedHome) : std::make_shared<QTemporaryDir>())
    {
        for (const char *dir : {"config", "data", "cache", "runtime", "tmp"})
            QDir(home->path()).mkpath(QLatin1String(dir));
        QFile::setPermissions(home->filePath(QStringLiteral("runtime")),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home->path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home->filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home->filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), home->filePath(QStringLiteral("cache")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home->filePath(QStringLiteral("runtime")));
        env.insert(QStringLiteral("TMPDIR"), home->filePath(QStringLiteral("tmp")));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("campaignmanager.app.info=true"));
        env.insert(QStringLiteral("CAMPAIGN_MANAGER_DEMO_LATENCY_MS"), QStringLiteral("0"));
        env.remove(QStringLiteral("ALTCRAFT_API_TOKEN"));
        if (!token.isEmpty())
            env.insert(QStringLiteral("ALTCRAFT_API_TOKEN"), token);
        process.setProcessEnvironment(env);
        process.setProcessChannelMode(QProcess::SeparateChannels);
        process.start(program, arguments);
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
        return home->filePath(QStringLiteral("data/CampaignManager/campaign-manager/") + name);
    }

    // The demo's private directories (DemoScratchDir) in the session's runtime directory.
    QStringList demoDirectories() const
    {
        return QDir(home->filePath(QStringLiteral("runtime")))
            .entryList({QStringLiteral("campaign-manager-demo-*")}, QDir::Dirs | QDir::NoDotAndDotDot);
    }

    // Every file and directory in the private home, but the settings file (window size, columns:
    // kept as in any run), relative to the home.
    QStringList leftovers() const
    {
        QStringList found;
        QDirIterator it(home->path(), QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = QDir(home->path()).relativeFilePath(it.next());
            if (!it.fileInfo().isDir() && path != QLatin1String("config/CampaignManager/campaign-manager.conf"))
                found << path;
        }
        return found;
    }

    // The processes this one started (the demo's altcraft-emulator).
    QList<qint64> children() const
    {
        const qint64 pid = process.processId();
        QFile file(QStringLiteral("/proc/%1/task/%1/children").arg(pid));
        QList<qint64> pids;
        if (!file.open(QIODevice::ReadOnly))
            return pids;
        for (const QByteArray &word : file.readAll().split(' ')) {
            if (!word.trimmed().isEmpty())
                pids << word.trimmed().toLongLong();
        }
        return pids;
    }
};

bool processExists(qint64 pid)
{
    return ::kill(static_cast<pid_t>(pid), 0) == 0;
}

// Waits for a process that is not our child to end (the kernel's SIGTERM to an orphaned emulator).
bool waitForExit(qint64 pid, int timeoutMs = 10000)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (processExists(pid) && !deadline.hasExpired())
        QTest::qWait(20);
    return !processExists(pid);
}

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
    void demoLeftByACrashIsRemovedAtTheNextStart();
    void demoWithoutTheEmulatorSaysWhatToInstall();
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
    // The demo's History is in a private directory of its own (opened just after the list is
    // shown), and its emulator is a process of its own.
    QTRY_COMPARE(app.demoDirectories().size(), 1);
    const QString journal
        = app.home->filePath(QStringLiteral("runtime/%1/journal.sqlite").arg(app.demoDirectories().first()));
    QTRY_VERIFY(QFile::exists(journal));
    const QList<qint64> children = app.children();
    QCOMPARE(children.size(), 1);
    QCOMPARE(app.process.state(), QProcess::Running);
    ::kill(static_cast<pid_t>(app.process.processId()), signalNumber);
    QVERIFY2(app.process.waitForFinished(30000), qPrintable(app.describe()));
    QVERIFY2(app.process.exitStatus() == QProcess::NormalExit && app.process.exitCode() == 0,
             qPrintable(app.describe()));
    QVERIFY2(app.describe().contains(QStringLiteral("journal closed; exiting with status 0")),
             qPrintable(app.describe()));
    // The demo leaves nothing behind: no journal, no directory, no emulator.
    QVERIFY2(app.leftovers().isEmpty(), qPrintable(app.leftovers().join(QLatin1Char('\n'))));
    QVERIFY(app.demoDirectories().isEmpty());
    QVERIFY(waitForExit(children.first()));
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

void TestLaunch::demoLeftByACrashIsRemovedAtTheNextStart()
{
    std::shared_ptr<QTemporaryDir> home;
    qint64 emulator = 0;
    {
        Launch crashed({QStringLiteral("--demo")});
        home = crashed.home;
        QVERIFY2(crashed.process.waitForStarted(30000), qPrintable(crashed.process.errorString()));
        QVERIFY2(crashed.waitForLog(QStringLiteral("first list loaded: 200 campaigns, ok")),
                 qPrintable(crashed.describe()));
        QTRY_COMPARE(crashed.demoDirectories().size(), 1);
        QTRY_VERIFY(QFile::exists(crashed.home->filePath(
            QStringLiteral("runtime/%1/journal.sqlite").arg(crashed.demoDirectories().first()))));
        QCOMPARE(crashed.children().size(), 1);
        emulator = crashed.children().first();
        // A crash: no quit, no clean-up.
        crashed.process.kill();
        QVERIFY(crashed.process.waitForFinished(10000));
        // Its emulator does not outlive it…
        QVERIFY2(waitForExit(emulator), "the demo's emulator outlived the app");
        // …but its directory is still there.
        QCOMPARE(crashed.demoDirectories().size(), 1);
    }
    const QString leftBehind
        = QDir(home->filePath(QStringLiteral("runtime")))
              .entryList({QStringLiteral("campaign-manager-demo-*")}, QDir::Dirs | QDir::NoDotAndDotDot)
              .value(0);
    QVERIFY(!leftBehind.isEmpty());

    // The next start, in the same home, removes it (and is a normal demo of its own).
    Launch next({QStringLiteral("--demo")}, QString(), QStringLiteral(CAMPAIGN_MANAGER_PATH), home);
    QVERIFY2(next.process.waitForStarted(30000), qPrintable(next.process.errorString()));
    QVERIFY2(next.waitForLog(QStringLiteral("first list loaded: 200 campaigns, ok")), qPrintable(next.describe()));
    // Swept once the list is shown, with the rest of what the first paint does not need.
    QVERIFY2(next.waitForLog(QStringLiteral("removed what a demo that ended without quitting left")),
             qPrintable(next.describe()));
    QVERIFY(!next.demoDirectories().contains(leftBehind));
    ::kill(static_cast<pid_t>(next.process.processId()), SIGTERM);
    QVERIFY2(next.process.waitForFinished(30000), qPrintable(next.describe()));
    QCOMPARE(next.process.exitCode(), 0);
    QVERIFY2(next.leftovers().isEmpty(), qPrintable(next.leftovers().join(QLatin1Char('\n'))));
}

void TestLaunch::demoWithoutTheEmulatorSaysWhatToInstall()
{
    // The app alone, as when campaign-manager-emulator is not installed: nothing beside it, and a
    // PATH where no emulator is.
    QTemporaryDir bin;
    const QString lonely = bin.filePath(QStringLiteral("campaign-manager"));
    QVERIFY(QFile::copy(QStringLiteral(CAMPAIGN_MANAGER_PATH), lonely));
    const QByteArray path = qgetenv("PATH");
    qputenv("PATH", bin.path().toLocal8Bit());
    Launch app({QStringLiteral("--demo")}, QString(), lonely);
    qputenv("PATH", path);
    QVERIFY2(app.process.waitForStarted(30000), qPrintable(app.process.errorString()));
    // Said on stderr for a terminal, and in a message box for the desktop (it waits there).
    QVERIFY2(app.waitForLog(QStringLiteral("apt-get install campaign-manager-emulator")), qPrintable(app.describe()));
    QVERIFY2(app.err.contains(QStringLiteral("altcraft-emulator")), qPrintable(app.describe()));
    // A box a user can read: the program does not end under it.
    QVERIFY2(!app.process.waitForFinished(500), qPrintable(app.describe()));
    QVERIFY(app.children().isEmpty());
    QVERIFY(app.demoDirectories().isEmpty());
}

QTEST_GUILESS_MAIN(TestLaunch)
#include "tst_e2e_launch.moc"
