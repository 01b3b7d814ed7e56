// The command line of campaign-manager: CommandLine::parse() through tables of good and bad
// input, the token from ALTCRAFT_API_TOKEN only, and the real executable run with QProcess.

#include "commandline.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#ifndef CAMPAIGN_MANAGER_PATH
#error "CAMPAIGN_MANAGER_PATH must name the campaign-manager executable"
#endif

namespace {

const QString kProgram = QStringLiteral("campaign-manager");
const QString kSecret = QStringLiteral("s3cr3t0token0from0argv000000000x");

QStringList argv(const QStringList &rest)
{
    return QStringList{kProgram} + rest;
}

QProcessEnvironment environmentWith(const QString &token)
{
    QProcessEnvironment env;
    if (!token.isNull())
        env.insert(QStringLiteral("ALTCRAFT_API_TOKEN"), token);
    return env;
}

// One run of the real executable, with its own HOME and XDG directories, offscreen.
struct Run {
    bool finished = false;
    int exitCode = -1;
    QProcess::ExitStatus exitStatus = QProcess::CrashExit;
    QString out;
    QString err;

    QString describe() const
    {
        return QStringLiteral("exit %1 (%2)\nstdout:\n%3\nstderr:\n%4")
            .arg(exitCode)
            .arg(exitStatus == QProcess::NormalExit ? QStringLiteral("normal") : QStringLiteral("crash"))
            .arg(out, err);
    }
};

Run runApp(const QStringList &arguments)
{
    Run run;
    QTemporaryDir home;
    if (!home.isValid())
        return run;
    QDir(home.path()).mkpath(QStringLiteral("config"));
    QDir(home.path()).mkpath(QStringLiteral("data"));
    QDir(home.path()).mkpath(QStringLiteral("cache"));
    QDir(home.path()).mkpath(QStringLiteral("run"));
    QFile::setPermissions(home.filePath(QStringLiteral("run")), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // The real window system with no display: --help, --version and bad options must be
    // answered before the app needs one (over SSH, in scripts).
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.filePath(QStringLiteral("run")));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
    env.remove(QStringLiteral("ALTCRAFT_API_TOKEN"));
    env.remove(QStringLiteral("QT_LOGGING_RULES"));

    QProcess process;
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(home.path());
    process.start(QStringLiteral(CAMPAIGN_MANAGER_PATH), arguments);
    if (!process.waitForStarted(30000)) {
        run.err = process.errorString();
        return run;
    }
    run.finished = process.waitForFinished(60000);
    if (!run.finished) {
        // It did not exit by itself (e.g. it opened a window): stop it, and report that.
        process.kill();
        process.waitForFinished(10000);
    }
    run.exitCode = process.exitCode();
    run.exitStatus = process.exitStatus();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace

class TestCommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void parsesOptions_data();
    void parsesOptions();
    void rejectsBadInput_data();
    void rejectsBadInput();
    void tokenOptionIsRefusedWithoutEchoingTheToken_data();
    void tokenOptionIsRefusedWithoutEchoingTheToken();
    void tokenComesFromTheEnvironmentTrimmed_data();
    void tokenComesFromTheEnvironmentTrimmed();
    void helpTextNamesTheTokenVariableAndTheOptions();
    void accountNameIsTakenAsTyped();
    void versionTextIsNameAndVersion();

    void executableVersionPrintsTheVersionAndExitsZero();
    void executableHelpExitsZeroAndMentionsTheTokenVariable();
    void executablePlainHttpUrlExitsTwoWithAMessageOnStderr();
    void executableUnknownOptionExitsTwo();
    void executableTokenOptionExitsTwoWithoutPrintingTheToken();
};

void TestCommandLine::initTestCase()
{
    // As main() names the application.
    QCoreApplication::setApplicationName(kProgram);
    QCoreApplication::setApplicationVersion(QStringLiteral(CM_VERSION));
}

void TestCommandLine::parsesOptions_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("demo");
    QTest::addColumn<bool>("verbose");
    QTest::addColumn<bool>("help");
    QTest::addColumn<bool>("version");
    QTest::addColumn<QString>("apiUrl"); // expected normalised URL; empty = none given

    const QString none;
    QTest::newRow("no arguments") << argv({}) << false << false << false << false << none;
    QTest::newRow("--demo") << argv({QStringLiteral("--demo")}) << true << false << false << false << none;
    QTest::newRow("--verbose") << argv({QStringLiteral("--verbose")}) << false << true << false << false << none;
    QTest::newRow("--demo --verbose") << argv({QStringLiteral("--demo"), QStringLiteral("--verbose")}) << true << true
                                      << false << false << none;
    QTest::newRow("--help") << argv({QStringLiteral("--help")}) << false << false << true << false << none;
    QTest::newRow("-h") << argv({QStringLiteral("-h")}) << false << false << true << false << none;
    QTest::newRow("--version") << argv({QStringLiteral("--version")}) << false << false << false << true << none;
    QTest::newRow("-v") << argv({QStringLiteral("-v")}) << false << false << false << true << none;
    QTest::newRow("--api-url host only") << argv({QStringLiteral("--api-url"), QStringLiteral("ru.altkraft.com")})
                                         << false << false << false << false
                                         << QStringLiteral("https://ru.altkraft.com/");
    QTest::newRow("--api-url=https://host") << argv({QStringLiteral("--api-url=https://ru.altkraft.com")}) << false
                                            << false << false << false << QStringLiteral("https://ru.altkraft.com/");
    QTest::newRow("--api-url surrounding whitespace")
        << argv({QStringLiteral("--api-url"), QStringLiteral("  https://ru.altkraft.com/  ")}) << false << false
        << false << false << QStringLiteral("https://ru.altkraft.com/");
    QTest::newRow("--api-url pasted API root keeps the prefix")
        << argv({QStringLiteral("--api-url"),
                 QStringLiteral("https://altcraft.example.com/platform/api/v1.1/scampaigns/list")})
        << false << false << false << false << QStringLiteral("https://altcraft.example.com/platform/");
    QTest::newRow("--api-url default https port dropped")
        << argv({QStringLiteral("--api-url"), QStringLiteral("https://ru.altkraft.com:443")}) << false << false << false
        << false << QStringLiteral("https://ru.altkraft.com/");
    QTest::newRow("--api-url http on loopback")
        << argv({QStringLiteral("--api-url"), QStringLiteral("http://127.0.0.1:8080")}) << false << false << false
        << false << QStringLiteral("http://127.0.0.1:8080/");
    QTest::newRow("--demo with --api-url")
        << argv({QStringLiteral("--demo"), QStringLiteral("--api-url"), QStringLiteral("ru.altkraft.com")}) << true
        << false << false << false << QStringLiteral("https://ru.altkraft.com/");
}

void TestCommandLine::parsesOptions()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, demo);
    QFETCH(bool, verbose);
    QFETCH(bool, help);
    QFETCH(bool, version);
    QFETCH(QString, apiUrl);

    const LaunchOptions options = CommandLine::parse(arguments, environmentWith(QString()));
    QVERIFY2(options.error.isEmpty(), qPrintable(options.error));
    QCOMPARE(options.demo, demo);
    QCOMPARE(options.verbose, verbose);
    QCOMPARE(options.showHelp, help);
    QCOMPARE(options.showVersion, version);
    if (apiUrl.isEmpty()) {
        QVERIFY(options.apiUrl.isEmpty());
    } else {
        QVERIFY(options.apiUrl.isValid());
        QCOMPARE(options.apiUrl.toString(), apiUrl);
    }
    QVERIFY(options.envToken.isEmpty());
}

void TestCommandLine::rejectsBadInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    // Every one of these must appear in the error (case-insensitive): it says what is wrong.
    QTest::addColumn<QStringList>("errorMentions");

    QTest::newRow("unknown option") << argv({QStringLiteral("--bogus")}) << QStringList{QStringLiteral("bogus")};
    QTest::newRow("unknown option after a good one") << argv({QStringLiteral("--demo"), QStringLiteral("--frobnicate")})
                                                     << QStringList{QStringLiteral("frobnicate")};
    QTest::newRow("--api-url without a value")
        << argv({QStringLiteral("--api-url")}) << QStringList{QStringLiteral("api-url"), QStringLiteral("value")};
    QTest::newRow("--api-url plain http to a public host")
        << argv({QStringLiteral("--api-url"), QStringLiteral("http://public.example")})
        << QStringList{QStringLiteral("--api-url"), QStringLiteral("https://")};
    QTest::newRow("--api-url=http://public host")
        << argv({QStringLiteral("--api-url=http://public.example/")}) << QStringList{QStringLiteral("https://")};
    QTest::newRow("--api-url with spaces") << argv({QStringLiteral("--api-url"), QStringLiteral("ru.alt kraft.com")})
                                           << QStringList{QStringLiteral("spaces")};
    QTest::newRow("--api-url empty") << argv({QStringLiteral("--api-url"), QString()})
                                     << QStringList{QStringLiteral("Enter the API URL")};
    QTest::newRow("--api-url other scheme")
        << argv({QStringLiteral("--api-url"), QStringLiteral("ftp://ru.altkraft.com")})
        << QStringList{QStringLiteral("https://"), QStringLiteral("ftp")};
    QTest::newRow("--api-url with credentials")
        << argv({QStringLiteral("--api-url"), QStringLiteral("https://user:pw@ru.altkraft.com/")})
        << QStringList{QStringLiteral("user name and password")};
    QTest::newRow("--api-url bad port") << argv(
        {QStringLiteral("--api-url"), QStringLiteral("https://ru.altkraft.com:99999/")})
                                        << QStringList{QStringLiteral("port"), QStringLiteral("99999")};
    QTest::newRow("positional argument") << argv({QStringLiteral("campaigns.csv")})
                                         << QStringList{QStringLiteral("Unexpected argument"),
                                                        QStringLiteral("campaigns.csv")};
    QTest::newRow("positional argument after options")
        << argv({QStringLiteral("--demo"), QStringLiteral("extra")}) << QStringList{QStringLiteral("extra")};
    QTest::newRow("--account without a value")
        << argv({QStringLiteral("--account")}) << QStringList{QStringLiteral("account"), QStringLiteral("value")};
    QTest::newRow("--account blank") << argv({QStringLiteral("--account"), QStringLiteral("   ")})
                                     << QStringList{QStringLiteral("--account"), QStringLiteral("name")};
    QTest::newRow("--account with --api-url") << argv({QStringLiteral("--account"), QStringLiteral("Shop"),
                                                       QStringLiteral("--api-url"), QStringLiteral("ru.altkraft.com")})
                                              << QStringList{QStringLiteral("either --account or --api-url")};
}

void TestCommandLine::rejectsBadInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, errorMentions);

    const LaunchOptions options = CommandLine::parse(arguments, environmentWith(QStringLiteral("envtoken")));
    QVERIFY2(!options.error.isEmpty(), "bad input was accepted");
    for (const QString &word : errorMentions)
        QVERIFY2(options.error.contains(word, Qt::CaseInsensitive),
                 qPrintable(QStringLiteral("error “%1” does not mention “%2”").arg(options.error, word)));
    // Nothing of a rejected command line is acted upon.
    QVERIFY(!options.showHelp && !options.showVersion && !options.demo);
    QVERIFY(options.apiUrl.isEmpty());
}

void TestCommandLine::tokenOptionIsRefusedWithoutEchoingTheToken_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("--token X") << argv({QStringLiteral("--token"), kSecret});
    QTest::newRow("--token=X") << argv({QStringLiteral("--token=") + kSecret});
    QTest::newRow("--demo --token X") << argv({QStringLiteral("--demo"), QStringLiteral("--token"), kSecret});
    QTest::newRow("--token=X with a good --api-url")
        << argv({QStringLiteral("--api-url"), QStringLiteral("ru.altkraft.com"), QStringLiteral("--token=") + kSecret});
    QTest::newRow("--token without a value") << argv({QStringLiteral("--token")});
}

void TestCommandLine::tokenOptionIsRefusedWithoutEchoingTheToken()
{
    QFETCH(QStringList, arguments);
    const LaunchOptions options = CommandLine::parse(arguments, environmentWith(QString()));
    QVERIFY2(!options.error.isEmpty(), "--token was accepted");
    QVERIFY2(options.error.contains(QLatin1String("never"), Qt::CaseInsensitive)
                 && options.error.contains(QLatin1String("command line"), Qt::CaseInsensitive),
             qPrintable(options.error));
    QVERIFY2(options.error.contains(QLatin1String("ALTCRAFT_API_TOKEN")), qPrintable(options.error));
    QVERIFY2(!options.error.contains(kSecret), "the error repeats the token");
    QVERIFY(options.envToken.isEmpty());
    QVERIFY(!options.demo);
}

void TestCommandLine::tokenComesFromTheEnvironmentTrimmed_data()
{
    QTest::addColumn<QString>("variable"); // null = not set
    QTest::addColumn<QString>("expected");
    QTest::newRow("not set") << QString() << QString();
    QTest::newRow("plain") << QStringLiteral("abc123") << QStringLiteral("abc123");
    QTest::newRow("spaces and newline") << QStringLiteral("  abc123 \n") << QStringLiteral("abc123");
    QTest::newRow("tabs and CRLF") << QStringLiteral("\tabc123\r\n") << QStringLiteral("abc123");
    QTest::newRow("only whitespace") << QStringLiteral(" \t\n") << QString();
    QTest::newRow("empty") << QString(QLatin1String("")) << QString();
}

void TestCommandLine::tokenComesFromTheEnvironmentTrimmed()
{
    QFETCH(QString, variable);
    QFETCH(QString, expected);
    const LaunchOptions options = CommandLine::parse(
        argv({QStringLiteral("--api-url"), QStringLiteral("ru.altkraft.com")}), environmentWith(variable));
    QVERIFY2(options.error.isEmpty(), qPrintable(options.error));
    QCOMPARE(options.envToken, expected);
    QCOMPARE(options.apiUrl.toString(), QStringLiteral("https://ru.altkraft.com/"));
}

void TestCommandLine::helpTextNamesTheTokenVariableAndTheOptions()
{
    const LaunchOptions options = CommandLine::parse(argv({QStringLiteral("--help")}), environmentWith(QString()));
    QVERIFY(options.showHelp);
    for (const QString &word : {QStringLiteral("ALTCRAFT_API_TOKEN"), QStringLiteral("--api-url"),
                                QStringLiteral("--demo"), QStringLiteral("--verbose"), QStringLiteral("--version")})
        QVERIFY2(options.helpText.contains(word),
                 qPrintable(word + QStringLiteral(" missing from:\n") + options.helpText));
    QVERIFY2(!options.helpText.contains(QLatin1String("--token")), "the help offers a --token option");
}

void TestCommandLine::versionTextIsNameAndVersion()
{
    const LaunchOptions options = CommandLine::parse(argv({QStringLiteral("--version")}), environmentWith(QString()));
    QVERIFY(options.showVersion);
    QCOMPARE(options.versionText, QStringLiteral("campaign-manager %1").arg(QStringLiteral(CM_VERSION)));
}

// ---- the real executable ----------------------------------------------------------------------

void TestCommandLine::executableVersionPrintsTheVersionAndExitsZero()
{
    const Run run = runApp({QStringLiteral("--version")});
    QVERIFY2(run.finished, qPrintable(run.describe()));
    QVERIFY2(run.exitStatus == QProcess::NormalExit && run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(run.out.trimmed(), QStringLiteral("campaign-manager %1").arg(QStringLiteral(CM_VERSION)));
}

void TestCommandLine::executableHelpExitsZeroAndMentionsTheTokenVariable()
{
    const Run run = runApp({QStringLiteral("--help")});
    QVERIFY2(run.finished, qPrintable(run.describe()));
    QVERIFY2(run.exitStatus == QProcess::NormalExit && run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY2(run.out.contains(QLatin1String("ALTCRAFT_API_TOKEN")), qPrintable(run.describe()));
    QVERIFY2(run.out.contains(QLatin1String("--api-url")) && run.out.contains(QLatin1String("--demo")),
             qPrintable(run.describe()));
}

void TestCommandLine::executablePlainHttpUrlExitsTwoWithAMessageOnStderr()
{
    const Run run = runApp({QStringLiteral("--api-url"), QStringLiteral("http://example.com")});
    QVERIFY2(run.finished, qPrintable(run.describe()));
    QVERIFY2(run.exitStatus == QProcess::NormalExit && run.exitCode == 2, qPrintable(run.describe()));
    QVERIFY2(run.err.contains(QLatin1String("--api-url")) && run.err.contains(QLatin1String("https://")),
             qPrintable(run.describe()));
    QVERIFY2(run.err.contains(QLatin1String("--help")), qPrintable(run.describe()));
    QVERIFY2(run.out.isEmpty(), qPrintable(run.describe()));
}

void TestCommandLine::executableUnknownOptionExitsTwo()
{
    const Run run = runApp({QStringLiteral("--bogus")});
    QVERIFY2(run.finished, qPrintable(run.describe()));
    QVERIFY2(run.exitStatus == QProcess::NormalExit && run.exitCode == 2, qPrintable(run.describe()));
    QVERIFY2(run.err.contains(QLatin1String("bogus")), qPrintable(run.describe()));
    QVERIFY2(run.out.isEmpty(), qPrintable(run.describe()));
}

void TestCommandLine::executableTokenOptionExitsTwoWithoutPrintingTheToken()
{
    const Run run = runApp({QStringLiteral("--token"), kSecret});
    QVERIFY2(run.finished, qPrintable(run.describe()));
    QVERIFY2(run.exitStatus == QProcess::NormalExit && run.exitCode == 2, qPrintable(run.describe()));
    QVERIFY2(run.err.contains(QLatin1String("ALTCRAFT_API_TOKEN")), qPrintable(run.describe()));
    QVERIFY2(!run.err.contains(kSecret) && !run.out.contains(kSecret), "the executable printed the token");
}

void TestCommandLine::accountNameIsTakenAsTyped()
{
    const LaunchOptions options = CommandLine::parse(
        argv({QStringLiteral("--account"), QStringLiteral("  Client A (EU)  ")}), environmentWith(QString()));
    QVERIFY2(options.error.isEmpty(), qPrintable(options.error));
    QCOMPARE(options.accountName, QStringLiteral("Client A (EU)"));
    QVERIFY(options.apiUrl.isEmpty());
    QVERIFY(options.helpText.contains(QStringLiteral("--account <name>")));
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
