// The Settings dialog, offscreen, driven with QTest: inline URL validation, the masked token
// field, "Test connection" against a real AltcraftEmulator over loopback, OK (settings written,
// token in the REAL Secret Service and in no file) and Cancel, Forget, and the no-keychain path.
//
// The keychain tests need the Secret Service that scripts/with-keyring starts inside
// dbus-run-session. The no-keychain path runs this same binary as a child process (helper mode,
// CM_SETTINGSDIALOG_HELPER=no-keychain-accept|no-keychain-decline) whose D-Bus address points at
// a socket that does not exist. Every process gets its own HOME, and QStandardPaths' test mode
// is on, so the directories scanned for the token hold only what that process wrote.

#include "altcraftemulator.h"
#include "apitokengrant.h"
#include "apptestsupport.h"
#include "messagebox.h"
#include "settings.h"
#include "settingsdialog.h"
#include "tokenstore.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDialogButtonBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <algorithm>
#include <memory>

namespace {

const char kHelperEnv[] = "CM_SETTINGSDIALOG_HELPER";
const char kHelperTokenEnv[] = "CM_SETTINGSDIALOG_HELPER_TOKEN";
const QByteArray kHelperResultTag = QByteArrayLiteral("HELPER-RESULT ");
const QString kSecretsService = QStringLiteral("org.freedesktop.secrets");

// True once what the dialog had started has ended, instead of a pause: an event posted now has
// been delivered (so whatever was queued before it has run), and no keychain job of the dialog
// (a save, or a removal) is still going.
bool dialogSettled(const QObject *dialog, int timeoutMs = 30000)
{
    bool delivered = false;
    QMetaObject::invokeMethod(
        qApp, [&delivered] { delivered = true; }, Qt::QueuedConnection);
    return QTest::qWaitFor(
        [&] {
            const QList<TokenStore *> stores = dialog->findChildren<TokenStore *>();
            return delivered && std::none_of(stores.cbegin(), stores.cend(), [](TokenStore *s) { return s->isBusy(); });
        },
        timeoutMs);
}

// ---- driving the dialog ---------------------------------------------------------------------

template<typename T>
T *child(QWidget *dialog, const char *name)
{
    return dialog->findChild<T *>(QLatin1String(name));
}

QLineEdit *urlEdit(QWidget *d)
{
    return child<QLineEdit>(d, "apiUrlEdit");
}
QLabel *urlMessage(QWidget *d)
{
    return child<QLabel>(d, "apiUrlMessage");
}
QLineEdit *tokenEdit(QWidget *d)
{
    return child<QLineEdit>(d, "tokenEdit");
}
QToolButton *revealButton(QWidget *d)
{
    return child<QToolButton>(d, "revealButton");
}
QPushButton *forgetButton(QWidget *d)
{
    return child<QPushButton>(d, "forgetButton");
}
QLabel *tokenMessage(QWidget *d)
{
    return child<QLabel>(d, "tokenMessage");
}
QPushButton *testButton(QWidget *d)
{
    return child<QPushButton>(d, "testButton");
}
QLabel *testResult(QWidget *d)
{
    return child<QLabel>(d, "testResult");
}
QSpinBox *timeoutSpin(QWidget *d)
{
    return child<QSpinBox>(d, "timeoutSpin");
}
QSpinBox *parallelSpin(QWidget *d)
{
    return child<QSpinBox>(d, "parallelSpin");
}
QSpinBox *refreshSpin(QWidget *d)
{
    return child<QSpinBox>(d, "refreshSpin");
}
QComboBox *languageCombo(QWidget *d)
{
    return child<QComboBox>(d, "languageCombo");
}
QDialogButtonBox *buttonBox(QWidget *d)
{
    return child<QDialogButtonBox>(d, "buttonBox");
}
QPushButton *okButton(QWidget *d)
{
    return buttonBox(d)->button(QDialogButtonBox::Ok);
}
QPushButton *cancelButton(QWidget *d)
{
    return buttonBox(d)->button(QDialogButtonBox::Cancel);
}

bool allWidgetsPresent(QWidget *d)
{
    return urlEdit(d) && urlMessage(d) && tokenEdit(d) && revealButton(d) && forgetButton(d) && tokenMessage(d)
        && testButton(d) && testResult(d) && timeoutSpin(d) && parallelSpin(d) && refreshSpin(d) && languageCombo(d)
        && buttonBox(d) && okButton(d) && cancelButton(d);
}

// Replaces a line edit's text by typing, as a user does (no newline: Return would press OK).
void typeText(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

// Replaces a line edit's text through the clipboard, which may carry tabs and newlines.
void pasteText(QLineEdit *edit, const QString &text)
{
    QApplication::clipboard()->setText(text);
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keySequence(edit, QKeySequence::Paste);
}

// Types a number into a spin box (its prefix and suffix stay).
void typeNumber(QSpinBox *spin, int value)
{
    spin->setFocus();
    QTest::keyClick(spin, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(spin, QString::number(value));
}

void chooseLanguage(QComboBox *combo, const QString &code)
{
    combo->setCurrentIndex(combo->findData(code));
}

// Clicks "Test connection" and waits for its verdict in testResult.
QString runConnectionTest(QWidget *d)
{
    QTest::mouseClick(testButton(d), Qt::LeftButton);
    const QString testing = testResult(d)->text();
    (void)QTest::qWaitFor([&] { return testButton(d)->isEnabled() && testResult(d)->text() != testing; }, 60000);
    return testResult(d)->text();
}

quint16 deadPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

// ---- helper mode: a process without any D-Bus session bus -----------------------------------

int runNoKeychainHelper(bool promptAnswer)
{
    const QString token = qEnvironmentVariable(kHelperTokenEnv);
    const QString apiUrl = QStringLiteral("https://no-keychain.example.com/");
    QJsonObject result;
    const QString iniPath = QDir::home().filePath(QStringLiteral("settings/campaign-manager.ini"));
    {
        Settings settings(iniPath);
        settings.setValue(Settings::Key::Language, QStringLiteral("en")); // an ordinary value, so there is a file
        settings.sync();
        QNetworkAccessManager network;
        SettingsDialog dialog(&settings, &network, QString());
        // The question goes through the one MessageBox seam; answered here without a real box.
        MessageBox::setNextAnswer(promptAnswer ? MessageBox::Answer::Accept : MessageBox::Answer::Cancel);
        dialog.show();
        result.insert(QStringLiteral("exposed"), QTest::qWaitForWindowExposed(&dialog));
        typeText(urlEdit(&dialog), apiUrl);
        pasteText(tokenEdit(&dialog), QStringLiteral("  ") + token + QStringLiteral("\n"));
        result.insert(QStringLiteral("okEnabledBefore"), okButton(&dialog)->isEnabled());
        QTest::mouseClick(okButton(&dialog), Qt::LeftButton);
        // TokenStore tries twice (one retry after 500 ms) before it reports NoKeychain.
        (void)QTest::qWaitFor([] { return !MessageBox::answered().isEmpty(); }, 60000);
        const QList<MessageBox::Record> asked = MessageBox::answered();
        const int promptCalls = static_cast<int>(asked.size());
        const QString promptMessage = asked.isEmpty() ? QString() : asked.first().text;
        const bool promptParentIsDialog = !asked.isEmpty() && asked.first().parent == &dialog;
        if (promptAnswer)
            (void)QTest::qWaitFor([&] { return !dialog.isVisible(); }, 10000);
        else
            (void)dialogSettled(&dialog); // anything still queued after the answer has run

        result.insert(QStringLiteral("promptCalls"), promptCalls);
        result.insert(QStringLiteral("promptMessage"), promptMessage);
        result.insert(QStringLiteral("promptParentIsDialog"), promptParentIsDialog);
        result.insert(QStringLiteral("visible"), dialog.isVisible());
        result.insert(QStringLiteral("accepted"), dialog.result() == QDialog::Accepted);
        result.insert(QStringLiteral("sessionOnly"), dialog.tokenIsSessionOnly());
        result.insert(QStringLiteral("tokenMatches"), dialog.token() == token);
        result.insert(QStringLiteral("okEnabledAfter"),
                      okButton(&dialog)->isEnabled() && buttonBox(&dialog)->isEnabled());
        result.insert(QStringLiteral("tokenMessage"), tokenMessage(&dialog)->text());
        settings.sync();
        result.insert(QStringLiteral("savedUrl"), settings.value(Settings::Key::ApiUrl).toString());
    }
    const AppTest::Scan scan = AppTest::scanForSecret(AppTest::appDirectories(), token);
    result.insert(QStringLiteral("filesScanned"), static_cast<int>(scan.files.size()));
    result.insert(QStringLiteral("settingsFileScanned"), scan.files.contains(QFileInfo(iniPath).absoluteFilePath()));
    result.insert(QStringLiteral("hits"), scan.hits.join(QLatin1Char(',')));
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly))
        return 3;
    out.write(kHelperResultTag + QJsonDocument(result).toJson(QJsonDocument::Compact) + '\n');
    return 0;
}

// Runs the helper and returns its result, or an empty object (with the reason in *context).
QJsonObject runHelper(const QString &mode, const QString &token, QTemporaryDir &childHome, QString *context)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(kHelperEnv), mode);
    env.insert(QString::fromLatin1(kHelperTokenEnv), token);
    env.insert(QStringLiteral("HOME"), childHome.path());
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    // A D-Bus address whose socket does not exist: no session bus, so no Secret Service.
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
               QStringLiteral("unix:path=%1/no-such-bus-socket").arg(childHome.path()));
    // Nothing that could pick another keychain backend or autolaunch a bus.
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "KDE_FULL_SESSION",
                             "KDE_SESSION_VERSION", "GNOME_DESKTOP_SESSION_ID", "GNOME_KEYRING_CONTROL"})
        env.remove(QString::fromLatin1(name));

    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QCoreApplication::applicationFilePath(), {});
    if (!process.waitForStarted(30000)) {
        *context = process.errorString();
        return {};
    }
    const bool finished = process.waitForFinished(120000);
    if (!finished) {
        process.kill();
        process.waitForFinished(10000);
    }
    const QByteArray out = process.readAllStandardOutput();
    const QByteArray err = process.readAllStandardError();
    *context = QStringLiteral("helper %1, exit %2\nstdout:\n%3\nstderr:\n%4")
                   .arg(finished ? QStringLiteral("finished") : QStringLiteral("timed out"))
                   .arg(process.exitCode())
                   .arg(QString::fromUtf8(out), QString::fromUtf8(err));
    if (out.contains(token.toUtf8()) || err.contains(token.toUtf8()))
        *context += QStringLiteral("\nTHE HELPER PRINTED THE TOKEN");
    if (!finished || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return {};
    for (const QByteArray &line : out.split('\n')) {
        if (line.startsWith(kHelperResultTag))
            return QJsonDocument::fromJson(line.mid(kHelperResultTag.size())).object();
    }
    return {};
}

} // namespace

// Keychain tests need a running Secret Service; without one they fail and say how to run them.
#define REQUIRE_SECRET_SERVICE()                                                                                       \
    do {                                                                                                               \
        if (!m_keyringProblem.isEmpty())                                                                               \
            QFAIL(qPrintable(m_keyringProblem));                                                                       \
    } while (false)

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void opensWithTheCurrentSettings();
    void urlIsValidatedInline_data();
    void urlIsValidatedInline();
    void fixingTheUrlEnablesOk();
    void tokenIsMaskedAndRevealToggles();
    void pastedTokenWhitespaceIsTrimmed();
    void testConnection_data();
    void testConnection();
    void testConnectionNeedsAValidUrlAndAToken();

    void okAppliesSettingsAndStoresTokenInKeychainOnly();
    void okAfterChangingOnlyTheUrlStoresTheTokenForTheNewHost();
    void okWithTheSameTokenLeavesTheKeychainEntry();
    void okWithNoTokenAndANewHostLeavesThatHostsEntry();
    void okWithAnEmptiedTokenRemovesItFromTheKeychain();
    void cancelDiscardsEverything();
    void forgetClearsTheFieldAndRemovesTheStoredToken();

    void noKeychainOkAsksAndKeepsTheTokenForThisSessionOnly();
    void noKeychainDeclinedPromptKeepsTheDialogOpen();

private:
    std::unique_ptr<SettingsDialog> openDialog(const QString &currentToken = QString());
    QString iniPath() const { return m_dir->filePath(QStringLiteral("campaign-manager.ini")); }
    QUrl remember(const QUrl &url)
    {
        m_urlsToForget.append(url);
        return url;
    }

    QString m_keyringProblem;
    std::unique_ptr<AltcraftEmulator> m_emulator;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Settings> m_settings;
    QNetworkAccessManager m_network; // the app's one connection manager, as Application passes it
    QList<QUrl> m_urlsToForget;
};

void TestSettingsDialog::initTestCase()
{
    QVERIFY(QStandardPaths::isTestModeEnabled());
    m_emulator = std::make_unique<AltcraftEmulator>();
    m_emulator->seed(5);
    QVERIFY(m_emulator->start() != 0);

    const QString howToRun
        = QStringLiteral(" Run the keychain tests inside a private D-Bus session with an unlocked gnome-keyring: "
                         "dbus-run-session -- scripts/with-keyring ctest -R tst_app");
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        m_keyringProblem = QStringLiteral("No D-Bus session bus (%1).").arg(bus.lastError().message()) + howToRun;
        return;
    }
    // Only a Secret Service that is already running counts: activating one could start a
    // keyring in the user's own home.
    (void)QTest::qWaitFor([&] { return bus.interface()->isServiceRegistered(kSecretsService).value(); }, 10000);
    if (!bus.interface()->isServiceRegistered(kSecretsService).value())
        m_keyringProblem
            = QStringLiteral("No Secret Service (%1) is running on the session bus.").arg(kSecretsService) + howToRun;
}

void TestSettingsDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<Settings>(iniPath());
}

void TestSettingsDialog::cleanup()
{
    m_settings.reset();
    m_dir.reset();
    if (m_keyringProblem.isEmpty()) {
        for (const QUrl &url : std::as_const(m_urlsToForget))
            AppTest::forgetToken(url);
    }
    m_urlsToForget.clear();
}

void TestSettingsDialog::cleanupTestCase()
{
    m_emulator.reset();
}

std::unique_ptr<SettingsDialog> TestSettingsDialog::openDialog(const QString &currentToken)
{
    auto dialog = std::make_unique<SettingsDialog>(m_settings.get(), &m_network, currentToken);
    dialog->show();
    if (!QTest::qWaitForWindowExposed(dialog.get()) || !allWidgetsPresent(dialog.get()))
        return nullptr;
    return dialog;
}

void TestSettingsDialog::opensWithTheCurrentSettings()
{
    m_settings->setValue(Settings::Key::ApiUrl, QStringLiteral("https://ru.altkraft.com/"));
    m_settings->setValue(Settings::Key::RequestTimeoutSeconds, 45);
    m_settings->setValue(Settings::Key::Concurrency, 3);
    m_settings->setValue(Settings::Key::AutoRefreshSeconds, 600);
    m_settings->setValue(Settings::Key::Language, QStringLiteral("ru"));
    const auto dialog = openDialog(QStringLiteral("current0token"));
    QVERIFY(dialog);
    QCOMPARE(urlEdit(dialog.get())->text(), QStringLiteral("https://ru.altkraft.com/"));
    QCOMPARE(tokenEdit(dialog.get())->text(), QStringLiteral("current0token"));
    QCOMPARE(timeoutSpin(dialog.get())->value(), 45);
    QCOMPARE(parallelSpin(dialog.get())->value(), 3);
    QCOMPARE(refreshSpin(dialog.get())->value(), 10); // shown in minutes
    QCOMPARE(languageCombo(dialog.get())->currentData().toString(), QStringLiteral("ru"));
    QVERIFY(okButton(dialog.get())->isEnabled());
    QCOMPARE(dialog->apiUrl(), QUrl(QStringLiteral("https://ru.altkraft.com/")));
}

void TestSettingsDialog::urlIsValidatedInline_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("okEnabled");
    QTest::addColumn<QStringList>("messageMentions"); // case-insensitive
    QTest::addColumn<QString>("normalised"); // apiUrl() afterwards; empty when invalid

    QTest::newRow("empty") << QString() << false << QStringList{QStringLiteral("Enter the address")} << QString();
    QTest::newRow("only spaces") << QStringLiteral("   ") << false << QStringList{QStringLiteral("Enter the address")}
                                 << QString();
    QTest::newRow("plain http to a public host")
        << QStringLiteral("http://public.example") << false << QStringList{QStringLiteral("https://")} << QString();
    QTest::newRow("spaces inside") << QStringLiteral("ru.alt kraft.com") << false
                                   << QStringList{QStringLiteral("spaces")} << QString();
    QTest::newRow("other scheme") << QStringLiteral("ftp://ru.altkraft.com") << false
                                  << QStringList{QStringLiteral("https://"), QStringLiteral("ftp")} << QString();
    QTest::newRow("credentials") << QStringLiteral("https://user:pw@ru.altkraft.com/") << false
                                 << QStringList{QStringLiteral("user name and password")} << QString();
    QTest::newRow("bad port") << QStringLiteral("https://ru.altkraft.com:99999/") << false
                              << QStringList{QStringLiteral("port"), QStringLiteral("1 to 65535")} << QString();
    QTest::newRow("query") << QStringLiteral("https://ru.altkraft.com/?token=x") << false
                           << QStringList{QStringLiteral("“?”")} << QString();
    QTest::newRow("no host") << QStringLiteral("https:///api/") << false << QStringList{QStringLiteral("no host")}
                             << QString();

    QTest::newRow("host only") << QStringLiteral("ru.altkraft.com") << true
                               << QStringList{QStringLiteral("https://ru.altkraft.com/")}
                               << QStringLiteral("https://ru.altkraft.com/");
    QTest::newRow("https without slash") << QStringLiteral("https://ru.altkraft.com") << true
                                         << QStringList{QStringLiteral("https://ru.altkraft.com/")}
                                         << QStringLiteral("https://ru.altkraft.com/");
    QTest::newRow("pasted API root") << QStringLiteral("https://altcraft.example.com/platform/api/v1.1/scampaigns/list")
                                     << true << QStringList{QStringLiteral("https://altcraft.example.com/platform/")}
                                     << QStringLiteral("https://altcraft.example.com/platform/");
    QTest::newRow("loopback http") << QStringLiteral("http://localhost:8080") << true
                                   << QStringList{QStringLiteral("http://localhost:8080/")}
                                   << QStringLiteral("http://localhost:8080/");
}

void TestSettingsDialog::urlIsValidatedInline()
{
    QFETCH(QString, input);
    QFETCH(bool, okEnabled);
    QFETCH(QStringList, messageMentions);
    QFETCH(QString, normalised);

    // Start from a valid URL, so each row shows the change the typing makes.
    m_settings->setValue(Settings::Key::ApiUrl, QStringLiteral("https://ru.altkraft.com/"));
    const auto dialog = openDialog(QStringLiteral("some0token"));
    QVERIFY(dialog);
    QVERIFY(okButton(dialog.get())->isEnabled());

    typeText(urlEdit(dialog.get()), input);
    QCOMPARE(urlEdit(dialog.get())->text(), input);
    QCOMPARE(okButton(dialog.get())->isEnabled(), okEnabled);
    const QString message = urlMessage(dialog.get())->text();
    QVERIFY2(urlMessage(dialog.get())->isVisible(), "the URL message is hidden");
    for (const QString &word : messageMentions)
        QVERIFY2(message.contains(word, Qt::CaseInsensitive),
                 qPrintable(QStringLiteral("message “%1” does not mention “%2”").arg(message, word)));
    QCOMPARE(dialog->apiUrl().toString(), normalised);
    QCOMPARE(testButton(dialog.get())->isEnabled(), okEnabled); // the token is there; only the URL decides

    if (!okEnabled) {
        // Neither a click on the disabled OK nor Return applies an invalid form.
        QSignalSpy changed(m_settings.get(), &Settings::changed);
        QTest::mouseClick(okButton(dialog.get()), Qt::LeftButton);
        QTest::keyClick(urlEdit(dialog.get()), Qt::Key_Return);
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->result() != QDialog::Accepted);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(m_settings->value(Settings::Key::ApiUrl).toString(), QStringLiteral("https://ru.altkraft.com/"));
    }
}

void TestSettingsDialog::fixingTheUrlEnablesOk()
{
    const auto dialog = openDialog();
    QVERIFY(dialog);
    QVERIFY2(!okButton(dialog.get())->isEnabled(), "OK is enabled with no URL");
    typeText(urlEdit(dialog.get()), QStringLiteral("http://ru.altkraft.com"));
    QVERIFY(!okButton(dialog.get())->isEnabled());
    QVERIFY(urlMessage(dialog.get())->text().contains(QLatin1String("https://")));
    // Fix the scheme: Home, then replace "http" by "https".
    QTest::keyClick(urlEdit(dialog.get()), Qt::Key_Home);
    for (int i = 0; i < 4; ++i)
        QTest::keyClick(urlEdit(dialog.get()), Qt::Key_Delete);
    QTest::keyClicks(urlEdit(dialog.get()), QStringLiteral("https"));
    QCOMPARE(urlEdit(dialog.get())->text(), QStringLiteral("https://ru.altkraft.com"));
    QVERIFY(okButton(dialog.get())->isEnabled());
    QVERIFY2(urlMessage(dialog.get())->text().contains(QLatin1String("https://ru.altkraft.com/")),
             qPrintable(urlMessage(dialog.get())->text()));
}

void TestSettingsDialog::tokenIsMaskedAndRevealToggles()
{
    const QString token = AppTest::randomToken();
    const auto dialog = openDialog(token);
    QVERIFY(dialog);
    QLineEdit *edit = tokenEdit(dialog.get());
    QCOMPARE(edit->echoMode(), QLineEdit::Password);
    QVERIFY2(!edit->displayText().contains(token), "the token is shown in clear by default");
    QCOMPARE(edit->displayText().size(), token.size());
    QVERIFY(!revealButton(dialog.get())->isChecked());

    QTest::mouseClick(revealButton(dialog.get()), Qt::LeftButton);
    QVERIFY(revealButton(dialog.get())->isChecked());
    QCOMPARE(edit->echoMode(), QLineEdit::Normal);
    QCOMPARE(edit->displayText(), token);

    QTest::mouseClick(revealButton(dialog.get()), Qt::LeftButton);
    QVERIFY(!revealButton(dialog.get())->isChecked());
    QCOMPARE(edit->echoMode(), QLineEdit::Password);
    QVERIFY(!edit->displayText().contains(token));
    QCOMPARE(edit->text(), token); // masking never changes the value
}

void TestSettingsDialog::pastedTokenWhitespaceIsTrimmed()
{
    const auto dialog = openDialog();
    QVERIFY(dialog);
    const QString token = AppTest::randomToken();
    pasteText(tokenEdit(dialog.get()), QStringLiteral(" \t") + token + QStringLiteral("  \n"));
    QVERIFY2(tokenEdit(dialog.get())->text().contains(token), "the paste did not reach the field");
    QVERIFY2(tokenEdit(dialog.get())->text() != token, "the paste lost its whitespace: nothing left to trim");
    QCOMPARE(dialog->token(), token);

    typeText(tokenEdit(dialog.get()), QStringLiteral("   ") + token + QStringLiteral("   "));
    QCOMPARE(dialog->token(), token);
}

void TestSettingsDialog::testConnection_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<bool>("deadPort");
    QTest::addColumn<QStringList>("resultMentions");

    QTest::newRow("full token") << ApiTokenGrant::defaultFullToken() << false
                                << QStringList{QStringLiteral("can list campaigns"), QStringLiteral("Run right")};
    QTest::newRow("view-only token") << ApiTokenGrant::defaultViewToken() << false
                                     << QStringList{QStringLiteral("cannot list campaigns"),
                                                    QStringLiteral("only read the status")};
    QTest::newRow("bad token") << QStringLiteral("wrong0token0000000000000000000000") << false
                               << QStringList{QStringLiteral("token was not accepted")};
    QTest::newRow("dead port") << ApiTokenGrant::defaultFullToken() << true
                               << QStringList{QStringLiteral("Cannot connect")};
}

void TestSettingsDialog::testConnection()
{
    QFETCH(QString, token);
    QFETCH(bool, deadPort);
    QFETCH(QStringList, resultMentions);

    QUrl url = m_emulator->baseUrl();
    if (deadPort) {
        const quint16 port = ::deadPort();
        QVERIFY(port != 0);
        url = QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port));
    }
    const auto dialog = openDialog();
    QVERIFY(dialog);
    typeText(urlEdit(dialog.get()), url.toString());
    typeText(tokenEdit(dialog.get()), token);
    QVERIFY(testButton(dialog.get())->isEnabled());
    m_emulator->clearRequests();
    int finishedThroughAppNetwork = 0;
    QObject watch;
    connect(&m_network, &QNetworkAccessManager::finished, &watch, [&] { ++finishedThroughAppNetwork; });

    const QString result = runConnectionTest(dialog.get());
    for (const QString &word : resultMentions)
        QVERIFY2(result.contains(word, Qt::CaseInsensitive),
                 qPrintable(QStringLiteral("result “%1” does not mention “%2”").arg(result, word)));
    if (!deadPort) {
        // It went to the emulator, with the typed token, as a list request.
        QVERIFY(m_emulator->requestCount(QStringLiteral("list")) >= 1);
        QCOMPARE(m_emulator->requests().constFirst().json().value(QStringLiteral("token")).toString(), token);
    }
    // It went through the app's one QNetworkAccessManager: the dialog made none of its own.
    QVERIFY(dialog->findChildren<QNetworkAccessManager *>().isEmpty());
    QVERIFY(finishedThroughAppNetwork >= 1);
    // A test changes nothing: no setting is written, the dialog stays open.
    QVERIFY(m_settings->value(Settings::Key::ApiUrl).toString().isEmpty());
    QVERIFY(dialog->isVisible());
}

void TestSettingsDialog::testConnectionNeedsAValidUrlAndAToken()
{
    const auto dialog = openDialog();
    QVERIFY(dialog);
    QVERIFY(!testButton(dialog.get())->isEnabled());
    typeText(urlEdit(dialog.get()), m_emulator->baseUrl().toString());
    QVERIFY2(!testButton(dialog.get())->isEnabled(), "Test connection is enabled without a token");
    typeText(tokenEdit(dialog.get()), ApiTokenGrant::defaultFullToken());
    QVERIFY(testButton(dialog.get())->isEnabled());
    typeText(urlEdit(dialog.get()), QStringLiteral("http://public.example"));
    QVERIFY2(!testButton(dialog.get())->isEnabled(), "Test connection is enabled with an invalid URL");
}

void TestSettingsDialog::okAppliesSettingsAndStoresTokenInKeychainOnly()
{
    REQUIRE_SECRET_SERVICE();
    const QString url = AppTest::randomApiUrl();
    remember(QUrl(url));
    const QString token = AppTest::randomToken();
    QSignalSpy changed(m_settings.get(), &Settings::changed);

    // As main() does: a modal exec(), answered from a timer that finds the modal dialog.
    SettingsDialog dialog(m_settings.get(), &m_network, QString());
    QString handlerProblem;
    const auto ran = AppTest::whenModal<SettingsDialog>([&](SettingsDialog *d) {
        if (!allWidgetsPresent(d)) {
            handlerProblem = QStringLiteral("a widget of the dialog is missing");
            d->reject();
            return;
        }
        typeText(urlEdit(d), url);
        pasteText(tokenEdit(d), QStringLiteral("  ") + token + QStringLiteral("\n"));
        typeNumber(timeoutSpin(d), 45);
        typeNumber(parallelSpin(d), 4);
        typeNumber(refreshSpin(d), 5);
        chooseLanguage(languageCombo(d), QStringLiteral("ru"));
        if (timeoutSpin(d)->value() != 45 || parallelSpin(d)->value() != 4 || refreshSpin(d)->value() != 5
            || languageCombo(d)->currentData().toString() != QLatin1String("ru")) {
            handlerProblem = QStringLiteral("typing did not set the fields: %1 %2 %3")
                                 .arg(timeoutSpin(d)->value())
                                 .arg(parallelSpin(d)->value())
                                 .arg(refreshSpin(d)->value());
            d->reject();
            return;
        }
        QTest::mouseClick(okButton(d), Qt::LeftButton);
    });
    // A safety net, so a keychain that never answers fails the test instead of hanging it.
    QTimer::singleShot(90000, &dialog, [&] {
        handlerProblem = QStringLiteral("the dialog did not close after OK");
        dialog.reject();
    });
    const int result = dialog.exec();
    QVERIFY2(*ran, "the modal dialog was never found");
    QVERIFY2(handlerProblem.isEmpty(), qPrintable(handlerProblem));
    QCOMPARE(result, int(QDialog::Accepted));
    QVERIFY(!dialog.tokenIsSessionOnly());
    QCOMPARE(dialog.token(), token);
    QCOMPARE(dialog.apiUrl(), QUrl(url));

    // Settings hold every field ...
    QCOMPARE(m_settings->value(Settings::Key::ApiUrl).toString(), url);
    QCOMPARE(m_settings->requestTimeoutSeconds(), 45);
    QCOMPARE(m_settings->concurrency(), 4);
    QCOMPARE(m_settings->autoRefreshSeconds(), 5 * 60);
    QCOMPARE(m_settings->value(Settings::Key::Language).toString(), QStringLiteral("ru"));
    QVERIFY(changed.count() >= 5);
    // ... and so does the file, read on its own.
    m_settings->sync();
    {
        QSettings ini(iniPath(), QSettings::IniFormat);
        QCOMPARE(ini.value(Settings::keyName(Settings::Key::ApiUrl)).toString(), url);
        QCOMPARE(ini.value(Settings::keyName(Settings::Key::RequestTimeoutSeconds)).toInt(), 45);
        QCOMPARE(ini.value(Settings::keyName(Settings::Key::Concurrency)).toInt(), 4);
        QCOMPARE(ini.value(Settings::keyName(Settings::Key::AutoRefreshSeconds)).toInt(), 300);
        QCOMPARE(ini.value(Settings::keyName(Settings::Key::Language)).toString(), QStringLiteral("ru"));
    }

    // The token is in the real Secret Service, trimmed, read back through a new store ...
    const AppTest::KeychainOutcome loaded = AppTest::loadToken(QUrl(url));
    QVERIFY2(loaded.signal == QLatin1String("loaded"), qPrintable(loaded.signal + QLatin1Char(' ') + loaded.message));
    QVERIFY2(loaded.token == token, "the keychain does not hold the token entered in the dialog");

    // ... and in no file under the settings and data directories.
    QStringList roots = AppTest::appDirectories();
    roots << m_dir->path();
    const AppTest::Scan scan = AppTest::scanForSecret(roots, token);
    QVERIFY2(scan.files.contains(QFileInfo(iniPath()).absoluteFilePath()), "the settings file was not scanned");
    QVERIFY2(scan.hits.isEmpty(),
             qPrintable(QStringLiteral("the token was found in: ") + scan.hits.join(QStringLiteral(", "))));
    // The scan does find what is there: the settings file holds the host.
    QVERIFY(AppTest::scanForSecret({m_dir->path()}, QUrl(url).host())
                .hits.contains(QFileInfo(iniPath()).absoluteFilePath()));
}

void TestSettingsDialog::okAfterChangingOnlyTheUrlStoresTheTokenForTheNewHost()
{
    REQUIRE_SECRET_SERVICE();
    // A first run with a mistyped host stored the token under that host ...
    const QUrl typo = remember(QUrl(AppTest::randomApiUrl()));
    const QUrl fixed = remember(QUrl(AppTest::randomApiUrl()));
    const QString token = AppTest::randomToken();
    QCOMPARE(AppTest::saveToken(typo, token).signal, QStringLiteral("saved"));
    m_settings->setValue(Settings::Key::ApiUrl, typo.toString());

    // ... then the user fixes only the URL, with the same token still in the field.
    const auto dialog = openDialog(token);
    QVERIFY(dialog);
    typeText(urlEdit(dialog.get()), fixed.toString());
    QTest::mouseClick(okButton(dialog.get()), Qt::LeftButton);
    QVERIFY2(QTest::qWaitFor([&] { return !dialog->isVisible(); }, 60000),
             qPrintable(tokenMessage(dialog.get())->text()));
    QCOMPARE(dialog->result(), int(QDialog::Accepted));
    QCOMPARE(m_settings->value(Settings::Key::ApiUrl).toString(), fixed.toString());

    // The next start loads the token for the configured host: it must be there.
    const AppTest::KeychainOutcome loaded = AppTest::loadToken(fixed);
    QCOMPARE(loaded.signal, QStringLiteral("loaded"));
    QVERIFY2(loaded.token == token, "the token was not stored for the new host");
}

void TestSettingsDialog::okWithTheSameTokenLeavesTheKeychainEntry()
{
    REQUIRE_SECRET_SERVICE();
    const QUrl url = remember(QUrl(AppTest::randomApiUrl()));
    const QString token = AppTest::randomToken();
    QCOMPARE(AppTest::saveToken(url, token).signal, QStringLiteral("saved"));
    m_settings->setValue(Settings::Key::ApiUrl, url.toString());

    const auto dialog = openDialog(token);
    QVERIFY(dialog);
    typeNumber(timeoutSpin(dialog.get()), 60);
    QTest::mouseClick(okButton(dialog.get()), Qt::LeftButton);
    QVERIFY(QTest::qWaitFor([&] { return !dialog->isVisible(); }, 60000));
    QCOMPARE(dialog->result(), int(QDialog::Accepted));
    QCOMPARE(m_settings->requestTimeoutSeconds(), 60);
    const AppTest::KeychainOutcome loaded = AppTest::loadToken(url);
    QCOMPARE(loaded.signal, QStringLiteral("loaded"));
    QVERIFY2(loaded.token == token, "the stored token changed although the field did not");
}

void TestSettingsDialog::okWithNoTokenAndANewHostLeavesThatHostsEntry()
{
    REQUIRE_SECRET_SERVICE();
    // Started without a token, the user switches to a host whose token is already stored.
    const QUrl before = remember(QUrl(AppTest::randomApiUrl()));
    const QUrl other = remember(QUrl(AppTest::randomApiUrl()));
    const QString token = AppTest::randomToken();
    QCOMPARE(AppTest::saveToken(other, token).signal, QStringLiteral("saved"));
    m_settings->setValue(Settings::Key::ApiUrl, before.toString());

    const auto dialog = openDialog();
    QVERIFY(dialog);
    typeText(urlEdit(dialog.get()), other.toString());
    QTest::mouseClick(okButton(dialog.get()), Qt::LeftButton);
    QVERIFY(QTest::qWaitFor([&] { return !dialog->isVisible(); }, 60000));
    QCOMPARE(dialog->result(), int(QDialog::Accepted));
    QCOMPARE(m_settings->value(Settings::Key::ApiUrl).toString(), other.toString());
    QVERIFY(dialogSettled(dialog.get())); // a removal, if one had been started, has finished
    const AppTest::KeychainOutcome loaded = AppTest::loadToken(other);
    QCOMPARE(loaded.signal, QStringLiteral("loaded"));
    QVERIFY2(loaded.token == token, "an empty field removed the new host's stored token");
}

void TestSettingsDialog::okWithAnEmptiedTokenRemovesItFromTheKeychain()
{
    REQUIRE_SECRET_SERVICE();
    const QUrl url = remember(QUrl(AppTest::randomApiUrl()));
    const QString token = AppTest::randomToken();
    QCOMPARE(AppTest::saveToken(url, token).signal, QStringLiteral("saved"));
    m_settings->setValue(Settings::Key::ApiUrl, url.toString());

    {
        const auto dialog = openDialog(token);
        QVERIFY(dialog);
        typeText(tokenEdit(dialog.get()), QString());
        QVERIFY(okButton(dialog.get())->isEnabled());
        QTest::mouseClick(okButton(dialog.get()), Qt::LeftButton);
        QCOMPARE(dialog->result(), int(QDialog::Accepted));
        QVERIFY(dialog->token().isEmpty());
        // As in main(): the dialog goes away as soon as it was accepted.
    }
    // The removal finishes without the dialog.
    QString left = token;
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     left = AppTest::loadToken(url).token;
                     return left.isEmpty();
                 },
                 30000),
             "the emptied token is still in the keychain");
}

void TestSettingsDialog::cancelDiscardsEverything()
{
    REQUIRE_SECRET_SERVICE();
    const QUrl original = remember(QUrl(AppTest::randomApiUrl()));
    const QUrl typed = remember(QUrl(AppTest::randomApiUrl()));
    m_settings->setValue(Settings::Key::ApiUrl, original.toString());
    m_settings->setValue(Settings::Key::RequestTimeoutSeconds, 30);
    m_settings->sync();
    const QByteArray iniBefore = [&] {
        QFile f(iniPath());
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    QVERIFY(!iniBefore.isEmpty());
    QSignalSpy changed(m_settings.get(), &Settings::changed);
    const QString token = AppTest::randomToken();

    const auto dialog = openDialog();
    QVERIFY(dialog);
    typeText(urlEdit(dialog.get()), typed.toString());
    typeText(tokenEdit(dialog.get()), token);
    typeNumber(timeoutSpin(dialog.get()), 99);
    typeNumber(parallelSpin(dialog.get()), 2);
    typeNumber(refreshSpin(dialog.get()), 15);
    chooseLanguage(languageCombo(dialog.get()), QStringLiteral("en"));
    QCOMPARE(timeoutSpin(dialog.get())->value(), 99);
    QTest::mouseClick(cancelButton(dialog.get()), Qt::LeftButton);
    QVERIFY(!dialog->isVisible());
    QCOMPARE(dialog->result(), int(QDialog::Rejected));
    QVERIFY(dialogSettled(dialog.get())); // anything a click could have queued has run

    QCOMPARE(changed.count(), 0);
    QCOMPARE(m_settings->value(Settings::Key::ApiUrl).toString(), original.toString());
    QCOMPARE(m_settings->requestTimeoutSeconds(), 30);
    QCOMPARE(m_settings->concurrency(), Settings::defaultValue(Settings::Key::Concurrency).toInt());
    QCOMPARE(m_settings->autoRefreshSeconds(), 0);
    QCOMPARE(m_settings->value(Settings::Key::Language).toString(), QString());
    m_settings->sync();
    QFile ini(iniPath());
    QVERIFY(ini.open(QIODevice::ReadOnly));
    QCOMPARE(ini.readAll(), iniBefore);

    // Nothing stored in the keychain, for either host, and nothing in a file.
    for (const QUrl &url : {original, typed}) {
        const AppTest::KeychainOutcome loaded = AppTest::loadToken(url);
        QCOMPARE(loaded.signal, QStringLiteral("loaded"));
        QVERIFY2(loaded.token.isEmpty(), "Cancel stored the token");
    }
    QStringList roots = AppTest::appDirectories();
    roots << m_dir->path();
    QVERIFY(AppTest::scanForSecret(roots, token).hits.isEmpty());
}

void TestSettingsDialog::forgetClearsTheFieldAndRemovesTheStoredToken()
{
    REQUIRE_SECRET_SERVICE();
    const QUrl url = remember(QUrl(AppTest::randomApiUrl()));
    const QString token = AppTest::randomToken();
    QCOMPARE(AppTest::saveToken(url, token).signal, QStringLiteral("saved"));
    QCOMPARE(AppTest::loadToken(url).token, token);
    m_settings->setValue(Settings::Key::ApiUrl, url.toString());

    const auto dialog = openDialog(token);
    QVERIFY(dialog);
    QCOMPARE(tokenEdit(dialog.get())->text(), token);
    QVERIFY(forgetButton(dialog.get())->isEnabled());
    QTest::mouseClick(forgetButton(dialog.get()), Qt::LeftButton);
    QVERIFY(tokenEdit(dialog.get())->text().isEmpty());
    QVERIFY(dialog->token().isEmpty());
    QVERIFY2(
        QTest::qWaitFor(
            [&] { return tokenMessage(dialog.get())->text().contains(QLatin1String("removed from the keychain")); },
            60000),
        qPrintable(tokenMessage(dialog.get())->text()));
    QVERIFY(dialog->isVisible()); // Forget does not close the dialog

    const AppTest::KeychainOutcome loaded = AppTest::loadToken(url);
    QCOMPARE(loaded.signal, QStringLiteral("loaded"));
    QVERIFY2(loaded.token.isEmpty(), "the token is still in the keychain after Forget");
}

void TestSettingsDialog::noKeychainOkAsksAndKeepsTheTokenForThisSessionOnly()
{
    QTemporaryDir childHome;
    QVERIFY(childHome.isValid());
    const QString token = AppTest::randomToken();
    QString context;
    const QJsonObject r = runHelper(QStringLiteral("no-keychain-accept"), token, childHome, &context);
    QVERIFY2(!r.isEmpty(), qPrintable(context));
    QVERIFY2(!context.contains(QLatin1String("THE HELPER PRINTED THE TOKEN")), qPrintable(context));
    const QString json = QString::fromUtf8(QJsonDocument(r).toJson(QJsonDocument::Compact));

    QVERIFY2(r.value(QStringLiteral("okEnabledBefore")).toBool(), qPrintable(json));
    QVERIFY2(r.value(QStringLiteral("promptCalls")).toInt() == 1, qPrintable(json));
    QVERIFY2(r.value(QStringLiteral("promptParentIsDialog")).toBool(), qPrintable(json));
    const QString message = r.value(QStringLiteral("promptMessage")).toString();
    QVERIFY2(message.contains(QLatin1String("No keychain")) && message.contains(QLatin1String("session only"))
                 && message.contains(QLatin1String("never writes the token to a file")),
             qPrintable(message));
    QVERIFY2(r.value(QStringLiteral("accepted")).toBool() && !r.value(QStringLiteral("visible")).toBool(),
             qPrintable(json));
    QVERIFY2(r.value(QStringLiteral("sessionOnly")).toBool(), qPrintable(json));
    QVERIFY2(r.value(QStringLiteral("tokenMatches")).toBool(), qPrintable(json));
    QCOMPARE(r.value(QStringLiteral("savedUrl")).toString(), QStringLiteral("https://no-keychain.example.com/"));

    // The token is in no file: the child's own scan, then ours of its whole HOME.
    QVERIFY2(r.value(QStringLiteral("settingsFileScanned")).toBool(), qPrintable(json));
    QVERIFY2(r.value(QStringLiteral("hits")).toString().isEmpty(), qPrintable(json));
    const AppTest::Scan scan = AppTest::scanForSecret({childHome.path()}, token);
    QVERIFY2(!scan.files.isEmpty(), "the helper's HOME holds no file: the check would be vacuous");
    QVERIFY2(scan.hits.isEmpty(),
             qPrintable(QStringLiteral("the token was found in: ") + scan.hits.join(QStringLiteral(", "))));
}

void TestSettingsDialog::noKeychainDeclinedPromptKeepsTheDialogOpen()
{
    QTemporaryDir childHome;
    QVERIFY(childHome.isValid());
    const QString token = AppTest::randomToken();
    QString context;
    const QJsonObject r = runHelper(QStringLiteral("no-keychain-decline"), token, childHome, &context);
    QVERIFY2(!r.isEmpty(), qPrintable(context));
    QVERIFY2(!context.contains(QLatin1String("THE HELPER PRINTED THE TOKEN")), qPrintable(context));
    const QString json = QString::fromUtf8(QJsonDocument(r).toJson(QJsonDocument::Compact));

    QVERIFY2(r.value(QStringLiteral("promptCalls")).toInt() == 1, qPrintable(json));
    QVERIFY2(r.value(QStringLiteral("visible")).toBool(), qPrintable(json));
    QVERIFY2(!r.value(QStringLiteral("accepted")).toBool(), qPrintable(json));
    QVERIFY2(!r.value(QStringLiteral("sessionOnly")).toBool(), qPrintable(json));
    // The user can still act: OK is enabled again, and the field says why nothing was kept.
    QVERIFY2(r.value(QStringLiteral("okEnabledAfter")).toBool(), qPrintable(json));
    QVERIFY2(r.value(QStringLiteral("tokenMessage")).toString().contains(QLatin1String("No keychain")),
             qPrintable(json));
    // Nothing was applied.
    QVERIFY2(r.value(QStringLiteral("savedUrl")).toString().isEmpty(), qPrintable(json));
    QVERIFY2(r.value(QStringLiteral("hits")).toString().isEmpty(), qPrintable(json));
    QVERIFY(AppTest::scanForSecret({childHome.path()}, token).hits.isEmpty());
}

int main(int argc, char **argv)
{
    // Each process gets its own HOME (the helper's is chosen by the parent), so the test-mode
    // settings and data directories hold only what this process wrote.
    const QString helper = qEnvironmentVariable(kHelperEnv);
    QTemporaryDir home;
    if (helper.isEmpty()) {
        if (!home.isValid())
            return 2;
        qputenv("HOME", QFile::encodeName(home.path()));
    }
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("CampaignManager"));
    QApplication::setApplicationName(QStringLiteral("campaign-manager"));
    QStandardPaths::setTestModeEnabled(true);
    if (helper == QLatin1String("no-keychain-accept"))
        return runNoKeychainHelper(true);
    if (helper == QLatin1String("no-keychain-decline"))
        return runNoKeychainHelper(false);
    TestSettingsDialog test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_settingsdialog.moc"
