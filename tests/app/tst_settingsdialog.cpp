// Settings, offscreen, driven with QTest through its real widgets: the Accounts tab (list, Add…,
// Edit…, Duplicate, Remove…, Test connection) and the AccountDialog it opens (inline URL
// validation, the masked token field, environment, colour, safety rules, "Test connection"
// against a real AltcraftEmulator over loopback, OK with the token in the REAL Secret Service
// under the account's id and in no file, Cancel, Forget, duplicate names refused), and the
// General tab (OK applies, Cancel discards).
//
// The keychain tests need the Secret Service that scripts/with-keyring starts inside
// dbus-run-session. The no-keychain path runs this same binary as a child process (helper mode,
// CM_SETTINGSDIALOG_HELPER=no-keychain-accept|no-keychain-decline) whose D-Bus address points at
// a socket that does not exist. Every process gets its own HOME, and QStandardPaths' test mode
// is on, so the directories scanned for the token hold only what that process wrote. Every
// question the dialogs ask is answered through the MessageBox seam.

#include "account.h"
#include "accountdialog.h"
#include "accountlistmodel.h"
#include "accountstore.h"
#include "altcraftemulator.h"
#include "apitokengrant.h"
#include "apptestsupport.h"
#include "messagebox.h"
#include "settings.h"
#include "settingsdialog.h"
#include "tokenstore.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDialogButtonBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
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
constexpr int kKeychainWaitMs = 60000; // generous: this is no timing test

// True once what the dialog had started has ended, instead of a pause: an event posted now has
// been delivered (so whatever was queued before it has run), and no keychain job of the dialog
// or of its account editors (a load, a save, or a removal) is still going.
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

// ---- the keychain, by account id ----------------------------------------------------------------

AppTest::KeychainOutcome loadAccountToken(const QString &accountId)
{
    std::unique_ptr<TokenStore> store(TokenStore::forAccount(accountId));
    return AppTest::runKeychain(*store, [&] { store->load(); });
}

AppTest::KeychainOutcome saveAccountToken(const QString &accountId, const QString &token)
{
    std::unique_ptr<TokenStore> store(TokenStore::forAccount(accountId));
    return AppTest::runKeychain(*store, [&] { store->save(token); });
}

AppTest::KeychainOutcome forgetAccountToken(const QString &accountId)
{
    std::unique_ptr<TokenStore> store(TokenStore::forAccount(accountId));
    return AppTest::runKeychain(*store, [&] { store->forget(); });
}

// ---- driving the dialogs --------------------------------------------------------------------

template<typename T>
T *child(QWidget *dialog, const char *name)
{
    return dialog ? dialog->findChild<T *>(QLatin1String(name)) : nullptr;
}

// The account editor (AccountDialog) fields.
QLineEdit *nameEdit(QWidget *e)
{
    return child<QLineEdit>(e, "nameEdit");
}
QLineEdit *urlEdit(QWidget *e)
{
    return child<QLineEdit>(e, "apiUrlEdit");
}
QLabel *urlMessage(QWidget *e)
{
    return child<QLabel>(e, "apiUrlMessage");
}
QLineEdit *tokenEdit(QWidget *e)
{
    return child<QLineEdit>(e, "tokenEdit");
}
QToolButton *revealButton(QWidget *e)
{
    return child<QToolButton>(e, "revealButton");
}
QPushButton *forgetButton(QWidget *e)
{
    return child<QPushButton>(e, "forgetButton");
}
QLabel *tokenMessage(QWidget *e)
{
    return child<QLabel>(e, "tokenMessage");
}
QPushButton *testButton(QWidget *e)
{
    return child<QPushButton>(e, "testButton");
}
QLabel *testResult(QWidget *e)
{
    return child<QLabel>(e, "testResult");
}
QComboBox *environmentCombo(QWidget *e)
{
    return child<QComboBox>(e, "environmentCombo");
}
QLineEdit *customEnvironmentEdit(QWidget *e)
{
    return child<QLineEdit>(e, "customEnvironmentEdit");
}
QComboBox *colourCombo(QWidget *e)
{
    return child<QComboBox>(e, "colourCombo");
}
QCheckBox *readOnlyCheck(QWidget *e)
{
    return child<QCheckBox>(e, "readOnlyCheck");
}
QCheckBox *confirmEveryActionCheck(QWidget *e)
{
    return child<QCheckBox>(e, "confirmEveryActionCheck");
}
QSpinBox *typedConfirmationSpin(QWidget *e)
{
    return child<QSpinBox>(e, "typedConfirmationSpin");
}
QLabel *problemLabel(QWidget *e)
{
    return child<QLabel>(e, "problemLabel");
}
// The dialog's own button box: a direct child (an editor's box is one level further down).
QDialogButtonBox *buttonBox(QWidget *d)
{
    return d ? d->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"), Qt::FindDirectChildrenOnly) : nullptr;
}
QPushButton *okButton(QWidget *d)
{
    return buttonBox(d)->button(QDialogButtonBox::Ok);
}
QPushButton *cancelButton(QWidget *d)
{
    return buttonBox(d)->button(QDialogButtonBox::Cancel);
}

bool allEditorWidgetsPresent(QWidget *e)
{
    return nameEdit(e) && urlEdit(e) && urlMessage(e) && tokenEdit(e) && revealButton(e) && forgetButton(e)
        && tokenMessage(e) && testButton(e) && testResult(e) && environmentCombo(e) && customEnvironmentEdit(e)
        && colourCombo(e) && readOnlyCheck(e) && confirmEveryActionCheck(e) && typedConfirmationSpin(e)
        && problemLabel(e) && buttonBox(e) && okButton(e) && cancelButton(e);
}

// The Settings dialog's own widgets.
QTabWidget *tabs(QWidget *d)
{
    return child<QTabWidget>(d, "tabs");
}
QListView *accountList(QWidget *d)
{
    return child<QListView>(d, "accountList");
}
QPushButton *addButton(QWidget *d)
{
    return child<QPushButton>(d, "addButton");
}
QPushButton *editButton(QWidget *d)
{
    return child<QPushButton>(d, "editButton");
}
QPushButton *duplicateButton(QWidget *d)
{
    return child<QPushButton>(d, "duplicateButton");
}
QPushButton *removeButton(QWidget *d)
{
    return child<QPushButton>(d, "removeButton");
}
QPushButton *accountTestButton(QWidget *d)
{
    return child<QPushButton>(d, "accountTestButton");
}
QLabel *accountTestResult(QWidget *d)
{
    return child<QLabel>(d, "accountTestResult");
}
QLabel *builtInNote(QWidget *d)
{
    return child<QLabel>(d, "builtInNote");
}
QLabel *accountMessage(QWidget *d)
{
    return child<QLabel>(d, "accountMessage");
}
QLabel *accountsHint(QWidget *d)
{
    return child<QLabel>(d, "accountsHint");
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

bool allSettingsWidgetsPresent(QWidget *d)
{
    return tabs(d) && accountList(d) && addButton(d) && editButton(d) && duplicateButton(d) && removeButton(d)
        && accountTestButton(d) && accountTestResult(d) && builtInNote(d) && accountMessage(d) && accountsHint(d)
        && timeoutSpin(d) && parallelSpin(d) && refreshSpin(d) && languageCombo(d) && buttonBox(d) && okButton(d)
        && cancelButton(d);
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

// Picks an item with the keyboard, as a user does (so the combo reports it as the user's
// choice): Home, then Down until the item's data is wanted. False when there is no such item.
bool pickWithKeyboard(QComboBox *combo, const QVariant &wanted)
{
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Home);
    for (int i = 0; i < combo->count(); ++i) {
        if (combo->currentData() == wanted)
            return true;
        QTest::keyClick(combo, Qt::Key_Down);
    }
    return combo->currentData() == wanted;
}

QVariant environmentData(Account::Environment environment)
{
    return static_cast<int>(environment);
}

// Clicks the row of an account in the list, as a user does. False when it is not listed.
bool clickAccount(QWidget *d, const QString &accountId)
{
    QListView *list = accountList(d);
    auto *model = qobject_cast<AccountListModel *>(list->model());
    const int row = model ? model->rowOf(accountId) : -1;
    if (row < 0)
        return false;
    const QModelIndex index = model->index(row);
    list->scrollTo(index);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(index).center());
    return list->currentIndex() == index;
}

// The account editor the Settings dialog has open (a closed one may linger until deleted).
AccountDialog *openEditor(QWidget *d)
{
    const QList<AccountDialog *> editors = d->findChildren<AccountDialog *>();
    for (AccountDialog *e : editors) {
        if (e->isVisible())
            return e;
    }
    return nullptr;
}

// Clicks a button of the Accounts tab and waits for the account editor it opens, with every
// widget there and any token it reads from the keychain read.
AccountDialog *clickForEditor(QWidget *d, QPushButton *button)
{
    QTest::mouseClick(button, Qt::LeftButton);
    AccountDialog *editor = nullptr;
    if (!QTest::qWaitFor([&] { return (editor = openEditor(d)) != nullptr; }, 10000))
        return nullptr;
    if (!QTest::qWaitForWindowExposed(editor) || !allEditorWidgetsPresent(editor))
        return nullptr;
    if (!QTest::qWaitFor([&] { return !tokenEdit(editor)->isReadOnly(); }, kKeychainWaitMs))
        return nullptr;
    return editor;
}

// OK in an editor, then waits for it to close. Returns "" once it has closed, or what the
// editor says when it stays open. (A closed editor is deleted: do not touch it afterwards.)
QString pressOk(AccountDialog *editor, int timeoutMs = kKeychainWaitMs)
{
    QPointer<AccountDialog> guard(editor);
    QTest::mouseClick(okButton(editor), Qt::LeftButton);
    if (QTest::qWaitFor([&] { return !guard || !guard->isVisible(); }, timeoutMs))
        return QString();
    return QStringLiteral("the editor stayed open: “%1” “%2”")
        .arg(problemLabel(guard)->text(), tokenMessage(guard)->text());
}

// Clicks "Test connection" (of an editor or of the Accounts tab) and waits for its verdict.
QString runConnectionTest(QPushButton *button, QLabel *result)
{
    QTest::mouseClick(button, Qt::LeftButton);
    (void)QTest::qWaitFor(
        [&] {
            const QString text = result->text();
            return button->isEnabled() && !text.isEmpty() && !text.startsWith(QLatin1String("Testing"))
                && !text.startsWith(QLatin1String("Reading"));
        },
        60000);
    return result->text();
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

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
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
        AccountStore accounts(&settings);
        QNetworkAccessManager network;
        SettingsDialog dialog(&settings, &accounts, &network);
        QSignalSpy tokenChanged(&dialog, &SettingsDialog::tokenChanged);
        dialog.show();
        result.insert(QStringLiteral("exposed"), QTest::qWaitForWindowExposed(&dialog));
        AccountDialog *editor = clickForEditor(&dialog, addButton(&dialog));
        result.insert(QStringLiteral("editorOpened"), editor != nullptr);
        if (!editor)
            return 4;
        typeText(nameEdit(editor), QStringLiteral("Offline shop"));
        typeText(urlEdit(editor), apiUrl);
        pasteText(tokenEdit(editor), QStringLiteral("  ") + token + QStringLiteral("\n"));
        result.insert(QStringLiteral("okEnabledBefore"), okButton(editor)->isEnabled());
        const QString accountId = editor->account().id;
        // The question goes through the one MessageBox seam; answered here without a real box.
        MessageBox::setNextAnswer(promptAnswer ? MessageBox::Answer::Accept : MessageBox::Answer::Cancel);
        QPointer<AccountDialog> guard(editor);
        // Kept after it closes, so that what it ended with can be read.
        editor->setAttribute(Qt::WA_DeleteOnClose, false);
        QTest::mouseClick(okButton(editor), Qt::LeftButton);
        // TokenStore tries twice (one retry after 500 ms) before it reports NoKeychain.
        (void)QTest::qWaitFor([] { return !MessageBox::answered().isEmpty(); }, 60000);
        const QList<MessageBox::Record> asked = MessageBox::answered();
        const int promptCalls = static_cast<int>(asked.size());
        const QString promptMessage = asked.isEmpty() ? QString() : asked.first().text;
        const bool promptParentIsEditor = !asked.isEmpty() && asked.first().parent == editor;
        if (promptAnswer)
            (void)QTest::qWaitFor([&] { return !guard || !guard->isVisible(); }, 10000);
        else
            (void)dialogSettled(&dialog); // anything still queued after the answer has run

        result.insert(QStringLiteral("promptCalls"), promptCalls);
        result.insert(QStringLiteral("promptMessage"), promptMessage);
        result.insert(QStringLiteral("promptParentIsEditor"), promptParentIsEditor);
        result.insert(QStringLiteral("editorVisible"), guard && guard->isVisible());
        result.insert(QStringLiteral("accepted"), guard && guard->result() == QDialog::Accepted);
        result.insert(QStringLiteral("sessionOnly"), guard && guard->tokenIsSessionOnly());
        result.insert(QStringLiteral("tokenChangedCalls"), static_cast<int>(tokenChanged.count()));
        if (!tokenChanged.isEmpty()) {
            result.insert(QStringLiteral("signalIdMatches"), tokenChanged.first().at(0).toString() == accountId);
            result.insert(QStringLiteral("signalTokenMatches"), tokenChanged.first().at(1).toString() == token);
            result.insert(QStringLiteral("signalSessionOnly"), tokenChanged.first().at(2).toBool());
        }
        if (guard) {
            result.insert(QStringLiteral("okEnabledAfter"),
                          okButton(guard)->isEnabled() && buttonBox(guard)->isEnabled());
            result.insert(QStringLiteral("tokenMessage"), tokenMessage(guard)->text());
        }
        const std::optional<Account> saved = accounts.find(accountId);
        result.insert(QStringLiteral("savedName"), saved ? saved->name : QString());
        result.insert(QStringLiteral("savedUrl"), saved ? saved->apiUrl.toString() : QString());
        settings.sync();
    }
    const AppTest::Scan scan = AppTest::scanForSecret(AppTest::appDirectories(), token);
    result.insert(QStringLiteral("filesScanned"), static_cast<int>(scan.files.size()));
    result.insert(QStringLiteral("settingsFileScanned"), scan.files.contains(QFileInfo(iniPath).absoluteFilePath()));
    result.insert(QStringLiteral("hits"), scan.hits.join(QLatin1Char(',')));
    {
        // What the next start reads: a store of its own over the same file.
        Settings reread(iniPath);
        result.insert(QStringLiteral("iniHasAccount"),
                      AccountStore(&reread).findByName(QStringLiteral("Offline shop")).has_value());
    }
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

    // The General tab.
    void opensWithTheCurrentSettings();
    void okAppliesTheGeneralSettings();
    void cancelDiscardsEverything();

    // The account editor's form.
    void editorOpensWithTheAccount();
    void urlIsValidatedInline_data();
    void urlIsValidatedInline();
    void fixingTheUrlEnablesOk();
    void tokenIsMaskedAndRevealToggles();
    void pastedTokenWhitespaceIsTrimmed();
    void testConnection_data();
    void testConnection();
    void testConnectionNeedsAValidUrlAndAToken();
    void colourFollowsTheEnvironmentUntilPicked();

    // Accounts and their keychain entries.
    void addStoresTheTokenUnderTheAccountIdAndNeverInTheIni();
    void editingNameAndUrlKeepsTheSameKeychainEntry();
    void editingTheTokenReplacesItInTheSameEntry();
    void okWithAnEmptiedTokenRemovesItFromTheKeychain();
    void forgetClearsTheFieldAndRemovesTheStoredToken();
    void sessionTokenIsShownAndKeptWithoutAKeychainWrite();
    void safetyRulesRoundTripThroughTheEditor();
    void duplicateNamesAreRefusedInline();
    void removeAsksThenDeletesTheAccountAndItsKeychainEntry();
    void declinedRemoveKeepsTheAccountAndItsEntry();
    void duplicateGetsAFreshIdAFreeNameAndItsOwnEntry();
    void builtInAccountsCannotBeEditedDuplicatedOrRemoved();
    void accountTestConnection_data();
    void accountTestConnection();

    void noKeychainOkAsksAndKeepsTheTokenForThisSessionOnly();
    void noKeychainDeclinedPromptKeepsTheEditorOpen();

private:
    std::unique_ptr<SettingsDialog> openDialog();
    QString iniPath() const { return m_dir->filePath(QStringLiteral("campaign-manager.ini")); }
    // A saved account (its id remembered, so that its keychain entry is removed afterwards).
    Account addSaved(const QString &name, const QUrl &url);
    QString remember(const QString &accountId)
    {
        m_idsToForget.append(accountId);
        return accountId;
    }

    QString m_keyringProblem;
    std::unique_ptr<AltcraftEmulator> m_emulator;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<AccountStore> m_accounts;
    QNetworkAccessManager m_network; // the app's one connection manager, as Application passes it
    QStringList m_idsToForget;
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
    m_accounts = std::make_unique<AccountStore>(m_settings.get());
    MessageBox::clearAnswered();
}

void TestSettingsDialog::cleanup()
{
    MessageBox::clearAnswered();
    m_accounts.reset();
    m_settings.reset();
    m_dir.reset();
    if (m_keyringProblem.isEmpty()) {
        for (const QString &id : std::as_const(m_idsToForget))
            forgetAccountToken(id);
    }
    m_idsToForget.clear();
}

void TestSettingsDialog::cleanupTestCase()
{
    m_emulator.reset();
}

std::unique_ptr<SettingsDialog> TestSettingsDialog::openDialog()
{
    auto dialog = std::make_unique<SettingsDialog>(m_settings.get(), m_accounts.get(), &m_network);
    dialog->show();
    if (!QTest::qWaitForWindowExposed(dialog.get()) || !allSettingsWidgetsPresent(dialog.get()))
        return nullptr;
    return dialog;
}

Account TestSettingsDialog::addSaved(const QString &name, const QUrl &url)
{
    Account account = Account::create(name, url);
    remember(account.id);
    const QString problem = m_accounts->add(account);
    if (!problem.isEmpty())
        qWarning("could not add the test account: %s", qPrintable(problem));
    return account;
}

// ---- the General tab --------------------------------------------------------------------------

void TestSettingsDialog::opensWithTheCurrentSettings()
{
    m_settings->setValue(Settings::Key::RequestTimeoutSeconds, 45);
    m_settings->setValue(Settings::Key::Concurrency, 3);
    m_settings->setValue(Settings::Key::AutoRefreshSeconds, 600);
    m_settings->setValue(Settings::Key::Language, QStringLiteral("ru"));
    const Account shop = addSaved(QStringLiteral("Shop"), QUrl(QStringLiteral("https://ru.altkraft.com/")));
    m_accounts->setCurrent(shop.id);
    const auto dialog = openDialog();
    QVERIFY(dialog);
    QCOMPARE(tabs(dialog.get())->count(), 2);
    QCOMPARE(tabs(dialog.get())->tabText(0).remove(QLatin1Char('&')), QStringLiteral("Accounts"));
    QCOMPARE(tabs(dialog.get())->tabText(1).remove(QLatin1Char('&')), QStringLiteral("General"));
    QCOMPARE(timeoutSpin(dialog.get())->value(), 45);
    QCOMPARE(parallelSpin(dialog.get())->value(), 3);
    QCOMPARE(refreshSpin(dialog.get())->value(), 10); // shown in minutes
    QCOMPARE(languageCombo(dialog.get())->currentData().toString(), QStringLiteral("ru"));
    QVERIFY(okButton(dialog.get())->isEnabled());
    // Every account is listed, the built-in ones first; the one in use is selected.
    QListView *list = accountList(dialog.get());
    QCOMPARE(list->model()->rowCount(), static_cast<int>(m_accounts->accounts().size()));
    QCOMPARE(list->model()->rowCount(), 3);
    QVERIFY(list->model()->index(2, 0).data().toString().contains(QLatin1String("Shop")));
    QCOMPARE(list->currentIndex().data(AccountListModel::IdRole).toString(), shop.id);
    // The page says that an account is saved by its editor's OK, not by this dialog's.
    QVERIFY2(accountsHint(dialog.get())->text().contains(QLatin1String("as soon as you press OK")),
             qPrintable(accountsHint(dialog.get())->text()));
}

void TestSettingsDialog::okAppliesTheGeneralSettings()
{
    QSignalSpy changed(m_settings.get(), &Settings::changed);
    // As Application does: a window-modal open(), driven while it is shown.
    const auto dialog = openDialog();
    QVERIFY(dialog);
    tabs(dialog.get())->setCurrentIndex(1);
    typeNumber(timeoutSpin(dialog.get()), 45);
    typeNumber(parallelSpin(dialog.get()), 4);
    typeNumber(refreshSpin(dialog.get()), 5);
    chooseLanguage(languageCombo(dialog.get()), QStringLiteral("ru"));
    QCOMPARE(timeoutSpin(dialog.get())->value(), 45);
    QCOMPARE(parallelSpin(dialog.get())->value(), 4);
    QCOMPARE(refreshSpin(dialog.get())->value(), 5);
    QCOMPARE(changed.count(), 0); // nothing before OK
    QTest::mouseClick(okButton(dialog.get()), Qt::LeftButton);
    QVERIFY(!dialog->isVisible());
    QCOMPARE(dialog->result(), int(QDialog::Accepted));

    QCOMPARE(m_settings->requestTimeoutSeconds(), 45);
    QCOMPARE(m_settings->concurrency(), 4);
    QCOMPARE(m_settings->autoRefreshSeconds(), 5 * 60);
    QCOMPARE(m_settings->value(Settings::Key::Language).toString(), QStringLiteral("ru"));
    QVERIFY(changed.count() >= 4);
    m_settings->sync();
    QSettings ini(iniPath(), QSettings::IniFormat);
    QCOMPARE(ini.value(Settings::keyName(Settings::Key::RequestTimeoutSeconds)).toInt(), 45);
    QCOMPARE(ini.value(Settings::keyName(Settings::Key::Concurrency)).toInt(), 4);
    QCOMPARE(ini.value(Settings::keyName(Settings::Key::AutoRefreshSeconds)).toInt(), 300);
    QCOMPARE(ini.value(Settings::keyName(Settings::Key::Language)).toString(), QStringLiteral("ru"));
}

void TestSettingsDialog::cancelDiscardsEverything()
{
    REQUIRE_SECRET_SERVICE();
    m_settings->setValue(Settings::Key::RequestTimeoutSeconds, 30);
    const Account shop = addSaved(QStringLiteral("Shop"), QUrl(AppTest::randomApiUrl()));
    m_settings->sync();
    const QByteArray iniBefore = fileBytes(iniPath());
    QVERIFY(!iniBefore.isEmpty());
    QSignalSpy changed(m_settings.get(), &Settings::changed);
    QSignalSpy accountsChanged(m_accounts.get(), &AccountStore::accountsChanged);
    const QString token = AppTest::randomToken();

    const auto dialog = openDialog();
    QVERIFY(dialog);
    QSignalSpy tokenChanged(dialog.get(), &SettingsDialog::tokenChanged);
    // An account typed in full, then its editor cancelled ...
    AccountDialog *editor = clickForEditor(dialog.get(), addButton(dialog.get()));
    QVERIFY(editor);
    const QString newId = remember(editor->account().id);
    typeText(nameEdit(editor), QStringLiteral("Never saved"));
    typeText(urlEdit(editor), AppTest::randomApiUrl());
    typeText(tokenEdit(editor), token);
    QTest::mouseClick(cancelButton(editor), Qt::LeftButton);
    QVERIFY(!editor->isVisible());
    // ... an edit of a saved account cancelled ...
    QVERIFY(clickAccount(dialog.get(), shop.id));
    editor = clickForEditor(dialog.get(), editButton(dialog.get()));
    QVERIFY(editor);
    typeText(nameEdit(editor), QStringLiteral("Renamed"));
    typeText(tokenEdit(editor), token);
    QTest::keyClick(editor, Qt::Key_Escape);
    QVERIFY(!editor->isVisible());
    // ... and the General tab changed, then Cancel.
    tabs(dialog.get())->setCurrentIndex(1);
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
    QCOMPARE(accountsChanged.count(), 0);
    QCOMPARE(tokenChanged.count(), 0);
    QCOMPARE(m_accounts->savedAccounts().size(), 1);
    QCOMPARE(m_accounts->find(shop.id)->name, QStringLiteral("Shop"));
    QCOMPARE(m_settings->requestTimeoutSeconds(), 30);
    QCOMPARE(m_settings->concurrency(), Settings::defaultValue(Settings::Key::Concurrency).toInt());
    m_settings->sync();
    QCOMPARE(fileBytes(iniPath()), iniBefore);

    // Nothing stored in the keychain, for either account, and nothing in a file.
    for (const QString &id : {newId, shop.id}) {
        const AppTest::KeychainOutcome loaded = loadAccountToken(id);
        QCOMPARE(loaded.signal, QStringLiteral("loaded"));
        QVERIFY2(loaded.token.isEmpty(), "Cancel stored the token");
    }
    QStringList roots = AppTest::appDirectories();
    roots << m_dir->path();
    QVERIFY(AppTest::scanForSecret(roots, token).hits.isEmpty());
}

// ---- the account editor's form ------------------------------------------------------------------

void TestSettingsDialog::editorOpensWithTheAccount()
{
    Account shop = Account::create(QStringLiteral("Shop"), QUrl(QStringLiteral("https://ru.altkraft.com/")));
    shop.environment = Account::Environment::Staging;
    shop.colour = QStringLiteral("#00897b");
    shop.readOnly = true;
    shop.typedConfirmationFrom = 7;
    QCOMPARE(m_accounts->add(shop), QString());
    const auto dialog = openDialog();
    QVERIFY(dialog);
    dialog->setSessionToken(shop.id, QStringLiteral("current0token"));
    QVERIFY(clickAccount(dialog.get(), shop.id));
    // Enter on the selected account edits it.
    QTest::keyClick(accountList(dialog.get()), Qt::Key_Return);
    AccountDialog *editor = nullptr;
    QVERIFY(QTest::qWaitFor([&] { return (editor = openEditor(dialog.get())) != nullptr; }, 10000));
    QVERIFY2(dialog->isVisible(), "Enter on the list also pressed the Settings dialog's OK");
    QVERIFY(allEditorWidgetsPresent(editor));
    QCOMPARE(editor->windowModality(), Qt::WindowModal);
    QCOMPARE(nameEdit(editor)->text(), QStringLiteral("Shop"));
    QCOMPARE(urlEdit(editor)->text(), QStringLiteral("https://ru.altkraft.com/"));
    QCOMPARE(tokenEdit(editor)->text(), QStringLiteral("current0token"));
    QCOMPARE(environmentCombo(editor)->currentData(), environmentData(Account::Environment::Staging));
    QCOMPARE(environmentCombo(editor)->currentText(), Account::environmentLabel(Account::Environment::Staging));
    QCOMPARE(colourCombo(editor)->currentData().toString(), QStringLiteral("#00897b"));
    QCOMPARE(colourCombo(editor)->currentText(), QStringLiteral("Teal"));
    QVERIFY(!colourCombo(editor)->itemIcon(colourCombo(editor)->currentIndex()).isNull());
    QVERIFY(readOnlyCheck(editor)->isChecked());
    QVERIFY(!confirmEveryActionCheck(editor)->isChecked());
    QCOMPARE(typedConfirmationSpin(editor)->value(), 7);
    QVERIFY(customEnvironmentEdit(editor)->isHidden());
    QVERIFY(okButton(editor)->isEnabled());
    QCOMPARE(editor->account(), shop); // nothing changed yet
    QTest::mouseClick(cancelButton(editor), Qt::LeftButton);

    // A double-click edits too.
    QListView *list = accountList(dialog.get());
    const QModelIndex index = list->model()->index(qobject_cast<AccountListModel *>(list->model())->rowOf(shop.id), 0);
    QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(index).center());
    QVERIFY(QTest::qWaitFor([&] { return (editor = openEditor(dialog.get())) != nullptr; }, 10000));
    QCOMPARE(editor->account().id, shop.id);
}

void TestSettingsDialog::urlIsValidatedInline_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("okEnabled");
    QTest::addColumn<QStringList>("messageMentions"); // case-insensitive
    QTest::addColumn<QString>("normalised"); // account().apiUrl afterwards; empty when invalid

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

    // Start from a valid saved account, so each row shows the change the typing makes.
    const Account shop = addSaved(QStringLiteral("Shop"), QUrl(QStringLiteral("https://ru.altkraft.com/")));
    const auto dialog = openDialog();
    QVERIFY(dialog);
    dialog->setSessionToken(shop.id, QStringLiteral("some0token"));
    QVERIFY(clickAccount(dialog.get(), shop.id));
    AccountDialog *editor = clickForEditor(dialog.get(), editButton(dialog.get()));
    QVERIFY(editor);
    QVERIFY(okButton(editor)->isEnabled());

    typeText(urlEdit(editor), input);
    QCOMPARE(urlEdit(editor)->text(), input);
    QCOMPARE(okButton(editor)->isEnabled(), okEnabled);
    const QString message = urlMessage(editor)->text();
    QVERIFY2(urlMessage(editor)->isVisible(), "the URL message is hidden");
    for (const QString &word : messageMentions)
        QVERIFY2(message.contains(word, Qt::CaseInsensitive),
                 qPrintable(QStringLiteral("message “%1” does not mention “%2”").arg(message, word)));
    QCOMPARE(editor->account().apiUrl.toString(), normalised);
    QCOMPARE(testButton(editor)->isEnabled(), okEnabled); // the token is there; only the URL decides

    if (!okEnabled) {
        // Neither a click on the disabled OK nor Return applies an invalid form.
        QSignalSpy changed(m_accounts.get(), &AccountStore::accountsChanged);
        QTest::mouseClick(okButton(editor), Qt::LeftButton);
        QTest::keyClick(urlEdit(editor), Qt::Key_Return);
        QVERIFY(editor->isVisible());
        QVERIFY(editor->result() != QDialog::Accepted);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(m_accounts->find(shop.id)->apiUrl, QUrl(QStringLiteral("https://ru.altkraft.com/")));
    }
}

void TestSettingsDialog::fixingTheUrlEnablesOk()
{
    const auto dialog = openDialog();
    QVERIFY(dialog);
    AccountDialog *editor = clickForEditor(dialog.get(), addButton(dialog.get()));
    QVERIFY(editor);
    QVERIFY2(!okButton(editor)->isEnabled(), "OK is enabled with no name and no URL");
    typeText(nameEdit(editor), QStringLiteral("Shop"));
    QVERIFY2(!okButton(editor)->isEnabled(), "OK is enabled with no URL");
    typeText(urlEdit(editor), QStringLiteral("http://ru.altkraft.com"));
    QVERIFY(!okButton(editor)->isEnabled());
    QVERIFY(urlMessage(editor)->text().contains(QLatin1String("https://")));
    // Fix the scheme: Home, then replace "http" by "https".
    QTest::keyClick(urlEdit(editor), Qt::Key_Home);
    for (int i = 0; i < 4; ++i)
        QTest::keyClick(urlEdit(editor), Qt::Key_Delete);
    QTest::keyClicks(urlEdit(editor), QStringLiteral("https"));
    QCOMPARE(urlEdit(editor)->text(), QStringLiteral("https://ru.altkraft.com"));
    QVERIFY(okButton(editor)->isEnabled());
    QVERIFY2(urlMessage(editor)->text().contains(QLatin1String("https://ru.altkraft.com/")),
             qPrintable(urlMessage(editor)->text()));
    // An emptied name disables OK again.
    typeText(nameEdit(editor), QStringLiteral("  "));
    QVERIFY(!okButton(editor)->isEnabled());
}

void TestSettingsDialog::tokenIsMaskedAndRevealToggles()
{
    const QString token = AppTest::randomToken();
    const Account shop = addSaved(QStringLiteral("Shop"), QUrl(QStringLiteral("https://ru.altkraft.com/")));
    const auto dialog = openDialog();
    QVERIFY(dialog);
    dialog->setSessionToken(shop.id, token);
    QVERIFY(clickAccount(dialog.get(), shop.id));
    AccountDialog *editor = clickForEditor(dialog.get(), editButton(dialog.get()));
    QVERIFY(editor);
    QLineEdit *edit = tokenEdit(editor);
    QCOMPARE(edit->echoMode(), QLineEdit::Password);
    QVERIFY2(!edit->displayText().contains(token), "the token is shown in clear by default");
    QCOMPARE(edit->displayText().size(), token.size());
    QVERIFY(!revealButton(editor)->isChecked());

    QTest::mouseClick(revealButton(editor), Qt::LeftButton);
    QVERIFY(revealButton(editor)->isChecked());
    QCOMPARE(edit->echoMode(), QLineEdit::Normal);
    QCOMPARE(edit->displayText(), token);
    QCOMPARE(revealButton(editor)->accessibleName(), QStringLiteral("Hide token"));

    QTest::mouseClick(revealButton(editor), Qt::LeftButton);
    QVERIFY(!revealButton(editor)->isChecked());
    QCOMPARE(edit->echoMode(), QLineEdit::Password);
    QVERIFY(!edit->displayText().contains(token));
    QCOMPARE(edit->text(), token); // masking never changes the value
}

void TestSettingsDialog::pastedTokenWhitespaceIsTrimmed()
{
    const auto dialog = openDialog();
    QVERIFY(dialog);
    AccountDialog *editor = clickForEditor(dialog.get(), addButton(dialog.get()));
    QVERIFY(editor);
    const QString token = AppTest::randomToken();
    pasteText(tokenEdit(editor), QStringLiteral(" \t") + token + QStringLiteral("  \n"));
    QVERIFY2(tokenEdit(editor)->text().contains(token), "the paste did not reach the field");
    QVERIFY2(tokenEdit(editor)->text() != token, "the paste lost its whitespace: nothing left to trim");
    QCOMPARE(editor->token(), token);

    typeText(tokenEdit(editor), QStringLiteral("   ") + token + QStringLiteral("   "));
    QCOMPARE(editor->token(), token);
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
    AccountDialog *editor = clickForEditor(dialog.get(), addButton(dialog.get()));
    QVERIFY(editor);
    typeText(urlEdit(editor), url.toString());
    typeText(tokenEdit(editor), token);
    QVERIFY(testButton(editor)->isEnabled());
    m_emulator->clearRequests();
    int finishedThroughAppNetwork = 0;
    QObject watch;
    connect(&m_network, &QNetworkAccessManager::finished, &watch, [&] { ++finishedThroughAppNetwork; });

    const QString result = runConnectionTest(testButton(editor), testResult(editor));
    for (const QString &word : resultMentions)
        QVERIFY2(result.contains(word, Qt::CaseInsensitive),
                 qPrintable(QStringLiteral("result “%1” does not mention “%2”").arg(result, word)));
    if (!deadPort) {
        // It went to the emulator, with the typed token, as a list request.
        QVERIFY(m_emulator->requestCount(QStringLiteral("list")) >= 1);
        QCOMPARE(m_emulator->requests().constFirst().json().value(QStringLiteral("token")).toString(), token);
    }
    // It went through the app's one QNetworkAccessManager: the dialogs made none of their own.
    QVERIFY(dialog->findChildren<QNetworkAccessManager *>().isEmpty());
    QVERIFY(finishedThroughAppNetwork >= 1);
    // A test changes nothing: no account is saved, the editor stays open.
    QVERIFY(m_accounts->savedAccounts().isEmpty());
    QVERIFY(editor->isVisible());
}

void TestSettingsDialog::testConnectionNeedsAValidUrlAndAToken()
{
    const auto dialog = openDialog();
    QVERIFY(dialog);
    AccountDialog *editor = clickForEditor(dialog.get(), addButton(dialog.get()));
    QVERIFY(editor);
    QVERIFY(!testButton(editor)->isEnabled());
    typeText(urlEdit(editor), m_emulator->baseUrl().toString());
    QVERIFY2(!testButton(editor)->isEnabled(), "Test connection is enabled without a token");
    typeText(tokenEdit(editor), ApiTokenGrant::defaultFullToken());
    QVERIFY(testButton(editor)->isEnabled());
    typeText(urlEdit(editor), QStringLiteral("http://public.example"));
    QVERIFY2(!testButton(editor)->isEnabled(), "Test connection is enabled with an invalid URL");
}

void TestSettingsDialog::colourFollowsTheEnvironmentUntilPicked()
{
    using Env = Account::Environment;
    const auto dialog = openDialog();
    QVERIFY(dialog);
    AccountDialog *editor = clickForEditor(dialog.get(), addButton(dialog.get()));
    QVERIFY(editor);
    // A new account: production, in production's colour.
    QCOMPARE(environmentCombo(editor)->currentData(), environmentData(Env::Production));
    QCOMPARE(colourCombo(editor)->currentData().toString(), Account::defaultColour(Env::Production));
    // The environments offered, in words, and the named swatches, each with its icon.
    QStringList environments;
    for (int i = 0; i < environmentCombo(editor)->count(); ++i)
        environments << environmentCombo(editor)->itemText(i);
    QCOMPARE(environments,
             (QStringList{Account::environmentLabel(Env::Production), Account::environmentLabel(Env::Staging),
                          Account::environmentLabel(Env::Test), Account::environmentLabel(Env::Custom)}));
    QVERIFY(colourCombo(editor)->count() >= 8);
    for (int i = 0; i < colourCombo(editor)->count(); ++i)
        QVERIFY(!colourCombo(editor)->itemIcon(i).isNull());

    QVERIFY(pickWithKeyboard(environmentCombo(editor), environmentData(Env::Staging)));
    QCOMPARE(colourCombo(editor)->currentData().toString(), Account::defaultColour(Env::Staging));
    QVERIFY(customEnvironmentEdit(editor)->isHidden());
    QVERIFY(pickWithKeyboard(environmentCombo(editor), environmentData(Env::Custom)));
    QCOMPARE(colourCombo(editor)->currentData().toString(), Account::defaultColour(Env::Custom));
    QVERIFY2(customEnvironmentEdit(editor)->isVisible(), "no field for the custom environment's name");

    // Once the user picks a colour, the environment no longer changes it.
    QVERIFY(pickWithKeyboard(colourCombo(editor), QStringLiteral("#616161")));
    QCOMPARE(colourCombo(editor)->currentText(), QStringLiteral("Grey"));
    QVERIFY(pickWithKeyboard(environmentCombo(editor), environmentData(Env::Test)));
    QCOMPARE(colourCombo(editor)->currentData().toString(), QStringLiteral("#616161"));
    QCOMPARE(editor->account().colour, QStringLiteral("#616161"));
    QVERIFY(editor->account().environment == Env::Test);
}

// ---- accounts and their keychain entries ----------------------------------------------------------

void TestSettingsDialog::addStoresTheTokenUnderTheAccountIdAndNeverInTheIni()
{
    REQUIRE_SECRET_SERVICE();
    const QUrl url(AppTest::randomApiUrl());
    const QString token = AppTest::randomToken();
    const auto dialog = openDialog();
    QVERIFY(dialog);
    QSignalSpy tokenChanged(dialog.get(), &SettingsDialog::tokenChanged);
    AccountDialog *editor = clickForEditor(dialog.get(), addButton(dialog.get()));
    QVERIFY(editor);
    const QString id = remember(editor->account().id);
    QVERIFY(!id.isEmpty());
    typeText(nameEdit(editor), QStringLiteral("Main shop"));
    typeText(urlEdit(editor), url.toString());
    pasteText(tokenEdit(editor), QStringLiteral("  ") + token + QStringLiteral("\n"));
    QVERIFY(pickWithKeyboard(environmentCombo(editor), environmentData(Account::Environment::Staging)));
    QCOMPARE(pressOk(editor), QString());

    // The account is in the store, under the id it opened with ...
    const std::optional<Account> saved = m_accounts->find(id);
    QVERIFY(saved);
    QCOMPARE(saved->name, QStringLiteral("Main shop"));
    QCOMPARE(saved->apiUrl, url);
    QVERIFY(saved->environment == Account::Environment::Staging);
    QCOMPARE(saved->colour, Account::defaultColour(Account::Environment::Staging));
    // ... selected in the list, and the app was told the token (saved, not session-only).
    QCOMPARE(accountList(dialog.get())->currentIndex().data(AccountListModel::IdRole).toString(), id);
    QCOMPARE(tokenChanged.count(), 1);
    QCOMPARE(tokenChanged.first().at(0).toString(), id);
    QVERIFY(tokenChanged.first().at(1).toString() == token);
    QCOMPARE(tokenChanged.first().at(2).toBool(), false);
    QVERIFY(dialog->isVisible()); // the editor's OK does not close Settings

    // The token is in the real Secret Service, trimmed, under the account's id ...
    const AppTest::KeychainOutcome loaded = loadAccountToken(id);
    QVERIFY2(loaded.signal == QLatin1String("loaded"), qPrintable(loaded.signal + QLatin1Char(' ') + loaded.message));
    QVERIFY2(loaded.token == token, "the account's keychain entry does not hold the token entered");
    // ... not under the host, as before accounts ...
    QVERIFY2(AppTest::loadToken(url).token.isEmpty(), "the token was stored under the host");

    // ... and in no file under the settings and data directories.
    m_settings->sync();
    QStringList roots = AppTest::appDirectories();
    roots << m_dir->path();
    const AppTest::Scan scan = AppTest::scanForSecret(roots, token);
    QVERIFY2(scan.files.contains(QFileInfo(iniPath()).absoluteFilePath()), "the settings file was not scanned");
    QVERIFY2(scan.hits.isEmpty(),
             qPrintable(QStringLiteral("the token was found in: ") + scan.hits.join(QStringLiteral(", "))));
    // The settings file does hold the account: a store of its own reads it back.
    QCOMPARE(AccountStore(m_settings.get()).find(id)->name, QStringLiteral("Main shop"));
}

void TestSettingsDialog::editingNameAndUrlKeepsTheSameKeychainEntry()
{
    REQUIRE_SECRET_SERVICE();
    const Account shop = addSaved(QStringLiteral("Shop"), QUrl(AppTest::randomApiUrl()));
    const QUrl moved(AppTest::randomApiUrl());
    const QString token = AppTest::randomToken();
    QCOMPARE(saveAccountToken(shop.id, token).signal, QStringLiteral("saved"));

    const auto dialog = openDialog();
    QVERIFY(dialog);
    QSignalSpy tokenChanged(dialog.get(), &SettingsDialog::tokenChanged);
    QVERIFY(clickAccount(dialog.get(), shop.id));
    // Not known to the app: the editor reads it from the account's entry.
    AccountDialog *editor = clickForEditor(dialog.get(), editButton(dialog.get()));
    QVERIFY(editor);
    QVERIFY2(tokenEdit(editor)->text() == token, "the editor did not read the account's token");
    typeText(nameEdit(editor), QStringLiteral("Shop (moved)"));
    typeText(urlEdit(editor), moved.toString());
    QCOMPARE(pressOk(editor), QString());

    const std::optional<Account> saved = m_accounts->find(shop.id);
    QVERIFY(saved);
    QCOMPARE(saved->name, QStringLiteral("Shop (moved)"));
    QCOMPARE(saved->apiUrl, moved);
    QCOMPARE(m_accounts->savedAccounts().size(), 1); // updated, not added
    QCOMPARE(tokenChanged.count(), 0); // the token did not change: nothing written, nothing told
    // The next start loads the token by the account's id, which did not change.
    const AppTest::KeychainOutcome loaded = loadAccountToken(shop.id);
    QCOMPARE(loaded.signal, QStringLiteral("loaded"));
    QVERIFY2(loaded.token == token, "the account's token is gone after editing its name and URL");
}

void TestSettingsDialog::editingTheTokenReplacesItInTheSameEntry()
{
    REQUIRE_SECRET_SERVICE();
    const Account shop = addSaved(QStringLiteral("Shop"), QUrl(AppTest::randomApiUrl()));
    const QString before = AppTest::randomToken();
    const QString after = AppTest::randomToken();
    const auto dialog = openDialog();
    QVERIFY(dialog);
    dialog->setSessionToken(shop.id, before);
    QSignalSpy tokenChanged(dialog.get(), &SettingsDialog::tokenChanged);
    QVERIFY(clickAccount(dialog.get(), shop.id));
    AccountDialog *editor = clickForEditor(dialog.get(), editButton(dialog.get()));
    QVERIFY(editor);
    QVERIFY(tokenEdit(editor)->text() == before);
    typeText(tokenEdit(editor), after);
    QCOMPARE(pressOk(editor), QString());
    QCOMPARE(tokenChanged.count(), 1);
    QCOMPARE(tokenChanged.first().at(0).toString(), shop.id);
    QVERIFY(tokenChanged.first().at(1).toString() == after);
    QVERIFY(loadAccountToken(shop.id).token == after);
    // The next editor shows the new token, from the dialog's memory.
    editor = clickForEditor(dialog.get(), editButton(dialog.get()));
    QVERIFY(editor);
    QVERIFY(tokenEdit(editor)->text() == after);
}

void TestSettingsDialog::okWithAnEmptiedTokenRemovesItFromTheKeychain()
{
    REQUIRE_SECRET_SERVICE();
    const Account shop = addSaved(QStringLiteral("Shop"), QUrl(AppTest::randomApiUrl()));
    const QString token = AppTest::randomToken();
    QCOMPARE(saveAccountToken(shop.id, token).signal, QStringLiteral("saved"));

    const auto dialog = openDialog();
    QVERIFY(dialog);
    dialog->setSessionToken(shop.id, token);
    QSignalSpy tokenChanged(dialog.get(), &SettingsDialog::tokenChanged);
    QVERIFY(clickAccount(dialog.get(), shop.id));
    AccountDialog *editor = clickForEditor(dialog.get(), editButton(dialog.get()));
    QVERIFY(editor);
    typeText(tokenEdit(editor), QString());
    QVERIFY(okButton(editor)->isEnabled());
    QCOMPARE(pressOk(editor), QString());
    QCOMPARE(tokenChanged.count(), 1);
    QCOMPARE(tokenChanged.first().at(1).toString(), QString());
    QVERIFY(m_accounts->find(shop.id)); // the account stays, without a token
    const AppTest::KeychainOutcome loaded = loadAccountToken(shop.id);
    QCOMPARE(loaded.signal, QStringLiteral("loaded"));
    QVERIFY2(loaded.token.isEmpty(), "the emptied token is still in the keychain");
}

void TestSettingsDialog::forgetClearsTheFieldAndRemovesTheStoredToken()
{
    REQUIRE_SECRET_SERVICE();
    const Account shop = addSaved(QStringLiteral("Shop"), QUrl(AppTest::randomApiUrl()));
    const QString token = AppTest::randomToken();
    QCOMPARE(saveAccountToken(shop.id, token).signal, QStringLiteral("saved"));
    QCOMPARE(loadAccountToken(shop.id).token, token);

    const auto dialog = openDialog();
    QVERIFY(dialog);
    QSignalSpy tokenChanged(dialog.get(), &SettingsDialog::tokenChanged);
    QVERIFY(clickAccount(dialog.get(), shop.id));
    AccountDialog *editor = clickForEditor(dialog.get(), editButton(dialog.get()));
    QVERIFY(editor);
    QCOMPARE(tokenEdit(editor)->text(), token);
    QVERIFY(forgetButton(editor)->isEnabled());
    QTest::mouseClick(forgetButton(editor), Qt::LeftButton);
    QVERIFY(tokenEdit(editor)->text().isEmpty());
    QVERIFY(editor->token().isEmpty());
    QVERIFY2(QTest::qWaitFor(
                 [&] { return tokenMessage(editor)->text().contains(QLatin1String("removed from the keychain")); },
                 kKeychainWaitMs),
             qPrintable(tokenMessage(editor)->text()));
    QVERIFY(editor->isVisible()); // Forget does not close the editor
    QCOMPARE(tokenChanged.count(), 1); // the app stops using it at once
    QCOMPARE(tokenChanged.first().at(1).toString(), QString());

    const AppTest::KeychainOutcome loaded = loadAccountToken(shop.id);
    QCOMPARE(loaded.signal, QStringLiteral("loaded"));
    QVERIFY2(loaded.token.isEmpty(), "the token is still in the keychain after Forget");
}

void TestSettingsDialog::sessionTokenIsShownAndKeptWithoutAKeychainWrite()
{
    REQUIRE_SECRET_SERVICE();
    // A token the app holds for this session only (there was no keychain when it was entered).
    const Account shop = addSaved(QStringLiteral("Shop"), QUrl(AppTest::randomApiUrl()));
    const QString token = AppTest::randomToken();
    const auto dialog = openDialog();
    QVERIFY(dialog);
    dialog->setSessionToken(shop.id, token);
    QSignalSpy tokenChanged(dialog.get(), &SettingsDialog::tokenChanged);
    QVERIFY(clickAccount(dialog.get(), shop.id));
    AccountDialog *editor = clickForEditor(dialog.get(), editButton(dialog.get()));
    QVERIFY(editor);
    QVERIFY2(tokenEdit(editor)->text() == token, "the session token is not shown");
    typeText(nameEdit(editor), QStringLiteral("Shop 2"));
    QCOMPARE(pressOk(editor), QString());
    QVERIFY(dialogSettled(dialog.get()));
    QCOMPARE(tokenChanged.count(), 0);
    QCOMPARE(m_accounts->find(shop.id)->name, QStringLiteral("Shop 2"));
    QVERIFY2(loadAccountToken(shop.id).token.isEmpty(), "an unchanged session token was written to the keychain");
}

void TestSettingsDialog::safetyRulesRoundTripThroughTheEditor()
{
    REQUIRE_SECRET_SERVICE();
    const auto dialog = openDialog();
    QVERIFY(dialog);
    AccountDialog *editor = clickForEditor(dialog.get(), addButton(dialog.get()));
    QVERIFY(editor);
    const QString id = remember(editor->account().id);
    // The threshold says "Never" for 0, and the editor explains Complete's own rule.
    QCOMPARE(typedConfirmationSpin(editor)->value(), 0);
    QCOMPARE(typedConfirmationSpin(editor)->text(), QStringLiteral("Never"));
    QVERIFY(editor->findChild<QLabel *>(QStringLiteral("typedConfirmationHint"))
                ->text()
                .contains(QLatin1String("Complete always asks to type the count")));
    typeText(nameEdit(editor), QStringLiteral("Careful"));
    typeText(urlEdit(editor), AppTest::randomApiUrl());
    QTest::mouseClick(readOnlyCheck(editor), Qt::LeftButton);
    QTest::mouseClick(confirmEveryActionCheck(editor), Qt::LeftButton);
    typeNumber(typedConfirmationSpin(editor), 25);
    QVERIFY(pickWithKeyboard(environmentCombo(editor), environmentData(Account::Environment::Custom)));
    typeText(customEnvironmentEdit(editor), QStringLiteral("Pre-production"));
    QCOMPARE(pressOk(editor), QString());

    std::optional<Account> saved = AccountStore(m_settings.get()).find(id); // as the next start reads it
    QVERIFY(saved);
    QVERIFY(saved->readOnly);
    QVERIFY(saved->confirmEveryAction);
    QCOMPARE(saved->typedConfirmationFrom, 25);
    QVERIFY(saved->environment == Account::Environment::Custom);
    QCOMPARE(saved->environmentLabel(), QStringLiteral("Pre-production"));

    // And back: the editor shows them, and turning them off is saved too.
    QVERIFY(clickAccount(dialog.get(), id));
    editor = clickForEditor(dialog.get(), editButton(dialog.get()));
    QVERIFY(editor);
    QVERIFY(readOnlyCheck(editor)->isChecked());
    QVERIFY(confirmEveryActionCheck(editor)->isChecked());
    QCOMPARE(typedConfirmationSpin(editor)->value(), 25);
    QCOMPARE(customEnvironmentEdit(editor)->text(), QStringLiteral("Pre-production"));
    QTest::mouseClick(readOnlyCheck(editor), Qt::LeftButton);
    QTest::mouseClick(confirmEveryActionCheck(editor), Qt::LeftButton);
    typeNumber(typedConfirmationSpin(editor), 0);
    QCOMPARE(typedConfirmationSpin(editor)->value(), 0);
    QCOMPARE(pressOk(editor), QString());
    saved = AccountStore(m_settings.get()).find(id);
    QVERIFY(saved);
    QVERIFY(!saved->readOnly);
    QVERIFY(!saved->confirmEveryAction);
    QCOMPARE(saved->typedConfirmationFrom, 0);
}

void TestSettingsDialog::duplicateNamesAreRefusedInline()
{
    REQUIRE_SECRET_SERVICE();
    const Account shop = addSaved(QStringLiteral("Shop"), QUrl(AppTest::randomApiUrl()));
    const Account other = addSaved(QStringLiteral("Other"), QUrl(AppTest::randomApiUrl()));
    const QString token = AppTest::randomToken();
    const auto dialog = openDialog();
    QVERIFY(dialog);
    QSignalSpy accountsChanged(m_accounts.get(), &AccountStore::accountsChanged);
    QSignalSpy tokenChanged(dialog.get(), &SettingsDialog::tokenChanged);

    // A new account named like another, ignoring case and spaces.
    AccountDialog *editor = clickForEditor(dialog.get(), addButton(dialog.get()));
    QVERIFY(editor);
    const QString newId = remember(editor->account().id);
    typeText(nameEdit(editor), QStringLiteral(" shop "));
    typeText(urlEdit(editor), AppTest::randomApiUrl());
    typeText(tokenEdit(editor), token);
    QVERIFY(okButton(editor)->isEnabled());
    QTest::mouseClick(okButton(editor), Qt::LeftButton);
    QVERIFY(dialogSettled(dialog.get()));
    QVERIFY2(editor->isVisible(), "the editor closed with a duplicate name");
    QVERIFY(problemLabel(editor)->isVisible());
    QVERIFY2(problemLabel(editor)->text().contains(QStringLiteral("“Shop”")), qPrintable(problemLabel(editor)->text()));
    QCOMPARE(accountsChanged.count(), 0);
    QCOMPARE(tokenChanged.count(), 0);
    QVERIFY2(loadAccountToken(newId).token.isEmpty(), "a refused account's token went to the keychain");
    // Fixing the name lets it through.
    typeText(nameEdit(editor), QStringLiteral("Shop two"));
    QVERIFY(!problemLabel(editor)->isVisible());
    QCOMPARE(pressOk(editor), QString());
    QVERIFY(m_accounts->find(newId));

    // Renaming a saved account to another's name is refused the same way.
    QVERIFY(clickAccount(dialog.get(), other.id));
    dialog->setSessionToken(other.id, token);
    editor = clickForEditor(dialog.get(), editButton(dialog.get()));
    QVERIFY(editor);
    typeText(nameEdit(editor), QStringLiteral("SHOP"));
    QTest::mouseClick(okButton(editor), Qt::LeftButton);
    QVERIFY(dialogSettled(dialog.get()));
    QVERIFY(editor->isVisible());
    QVERIFY(problemLabel(editor)->text().contains(QStringLiteral("“Shop”")));
    QCOMPARE(m_accounts->find(other.id)->name, QStringLiteral("Other"));
    // Its own name, in other case, is no conflict.
    typeText(nameEdit(editor), QStringLiteral("OTHER"));
    QCOMPARE(pressOk(editor), QString());
    QCOMPARE(m_accounts->find(other.id)->name, QStringLiteral("OTHER"));
    QCOMPARE(m_accounts->find(shop.id)->name, QStringLiteral("Shop"));
}

void TestSettingsDialog::removeAsksThenDeletesTheAccountAndItsKeychainEntry()
{
    REQUIRE_SECRET_SERVICE();
    const Account shop = addSaved(QStringLiteral("Old shop"), QUrl(AppTest::randomApiUrl()));
    const Account kept = addSaved(QStringLiteral("Kept"), QUrl(AppTest::randomApiUrl()));
    const QString token = AppTest::randomToken();
    const QString keptToken = AppTest::randomToken();
    QCOMPARE(saveAccountToken(shop.id, token).signal, QStringLiteral("saved"));
    QCOMPARE(saveAccountToken(kept.id, keptToken).signal, QStringLiteral("saved"));

    const auto dialog = openDialog();
    QVERIFY(dialog);
    QVERIFY(clickAccount(dialog.get(), shop.id));
    QVERIFY(removeButton(dialog.get())->isEnabled());
    MessageBox::setNextAnswer(MessageBox::Answer::Accept);
    QTest::mouseClick(removeButton(dialog.get()), Qt::LeftButton);

    // The question named the account and said what happens to its token and its History.
    const QList<MessageBox::Record> asked = MessageBox::answered();
    QCOMPARE(asked.size(), 1);
    QVERIFY(asked.first().parent == dialog.get());
    QVERIFY2(asked.first().text.contains(QStringLiteral("“Old shop”")), qPrintable(asked.first().text));
    QVERIFY2(asked.first().text.contains(QLatin1String("deleted from the system keychain")),
             qPrintable(asked.first().text));
    QVERIFY2(asked.first().text.contains(QLatin1String("History keeps")), qPrintable(asked.first().text));

    QVERIFY(!m_accounts->find(shop.id));
    QCOMPARE(AccountStore(m_settings.get()).savedAccounts().size(), 1);
    QCOMPARE(qobject_cast<AccountListModel *>(accountList(dialog.get())->model())->rowOf(shop.id), -1);
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     return accountMessage(dialog.get())
                         ->text()
                         .contains(QLatin1String("token deleted from the system keychain"));
                 },
                 kKeychainWaitMs),
             qPrintable(accountMessage(dialog.get())->text()));
    const AppTest::KeychainOutcome loaded = loadAccountToken(shop.id);
    QCOMPARE(loaded.signal, QStringLiteral("loaded"));
    QVERIFY2(loaded.token.isEmpty(), "the removed account's token is still in the keychain");
    QVERIFY2(loadAccountToken(kept.id).token == keptToken, "another account's token was removed");
}

void TestSettingsDialog::declinedRemoveKeepsTheAccountAndItsEntry()
{
    REQUIRE_SECRET_SERVICE();
    const Account shop = addSaved(QStringLiteral("Shop"), QUrl(AppTest::randomApiUrl()));
    const QString token = AppTest::randomToken();
    QCOMPARE(saveAccountToken(shop.id, token).signal, QStringLiteral("saved"));
    const auto dialog = openDialog();
    QVERIFY(dialog);
    QSignalSpy accountsChanged(m_accounts.get(), &AccountStore::accountsChanged);
    QVERIFY(clickAccount(dialog.get(), shop.id));
    MessageBox::setNextAnswer(MessageBox::Answer::Cancel);
    QTest::mouseClick(removeButton(dialog.get()), Qt::LeftButton);
    QCOMPARE(MessageBox::answered().size(), 1);
    QVERIFY(dialogSettled(dialog.get()));
    QCOMPARE(accountsChanged.count(), 0);
    QVERIFY(m_accounts->find(shop.id));
    QVERIFY(loadAccountToken(shop.id).token == token);
}

void TestSettingsDialog::duplicateGetsAFreshIdAFreeNameAndItsOwnEntry()
{
    REQUIRE_SECRET_SERVICE();
    Account shop = Account::create(QStringLiteral("Shop"), QUrl(AppTest::randomApiUrl()));
    shop.environment = Account::Environment::Staging;
    shop.colour = QStringLiteral("#00897b");
    shop.confirmEveryAction = true;
    shop.typedConfirmationFrom = 3;
    remember(shop.id);
    QCOMPARE(m_accounts->add(shop), QString());
    const QString token = AppTest::randomToken();
    QCOMPARE(saveAccountToken(shop.id, token).signal, QStringLiteral("saved"));

    const auto dialog = openDialog();
    QVERIFY(dialog);
    QSignalSpy tokenChanged(dialog.get(), &SettingsDialog::tokenChanged);
    QVERIFY(clickAccount(dialog.get(), shop.id));
    // The source's token is not known to the dialog: the copy's editor reads it from the keychain.
    AccountDialog *editor = clickForEditor(dialog.get(), duplicateButton(dialog.get()));
    QVERIFY(editor);
    QVERIFY(editor->mode() == AccountDialog::Mode::Add);
    const QString copyId = remember(editor->account().id);
    QVERIFY(copyId != shop.id);
    QCOMPARE(nameEdit(editor)->text(), QStringLiteral("Shop (copy)"));
    QVERIFY2(tokenEdit(editor)->text() == token, "the copy does not start with the source's token");
    QCOMPARE(pressOk(editor), QString());

    const std::optional<Account> copy = m_accounts->find(copyId);
    QVERIFY(copy);
    QCOMPARE(copy->name, QStringLiteral("Shop (copy)"));
    QCOMPARE(copy->apiUrl, shop.apiUrl);
    QVERIFY(copy->environment == shop.environment);
    QCOMPARE(copy->colour, shop.colour);
    QCOMPARE(copy->confirmEveryAction, true);
    QCOMPARE(copy->typedConfirmationFrom, 3);
    QCOMPARE(m_accounts->savedAccounts().size(), 2);
    QCOMPARE(tokenChanged.count(), 1);
    QCOMPARE(tokenChanged.first().at(0).toString(), copyId);
    // The copy has an entry of its own; the source keeps its own.
    QVERIFY2(loadAccountToken(copyId).token == token, "the copy's token is not under its own id");
    QVERIFY(loadAccountToken(shop.id).token == token);

    // A second copy gets the next free name.
    QVERIFY(clickAccount(dialog.get(), shop.id));
    editor = clickForEditor(dialog.get(), duplicateButton(dialog.get()));
    QVERIFY(editor);
    remember(editor->account().id);
    QCOMPARE(nameEdit(editor)->text(), QStringLiteral("Shop (copy 2)"));
}

void TestSettingsDialog::builtInAccountsCannotBeEditedDuplicatedOrRemoved()
{
    const Account shop = addSaved(QStringLiteral("Shop"), QUrl(QStringLiteral("https://ru.altkraft.com/")));
    const auto dialog = openDialog();
    QVERIFY(dialog);
    int demos = 0;
    for (const Account &account : m_accounts->accounts()) {
        if (!account.isDemo())
            continue;
        ++demos;
        QVERIFY(clickAccount(dialog.get(), account.id));
        QVERIFY2(!editButton(dialog.get())->isEnabled(), qPrintable(account.name));
        QVERIFY(!duplicateButton(dialog.get())->isEnabled());
        QVERIFY(!removeButton(dialog.get())->isEnabled());
        QVERIFY(accountTestButton(dialog.get())->isEnabled()); // it can still be tested
        QVERIFY(builtInNote(dialog.get())->isVisible());
        QVERIFY2(builtInNote(dialog.get())->text().contains(QLatin1String("built in"))
                     && builtInNote(dialog.get())->text().contains(account.name),
                 qPrintable(builtInNote(dialog.get())->text()));
        // Neither Enter, nor a double-click, nor a direct call opens an editor for it.
        QTest::keyClick(accountList(dialog.get()), Qt::Key_Return);
        QListView *list = accountList(dialog.get());
        QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(list->currentIndex()).center());
        dialog->editAccount(account.id);
        QVERIFY(dialogSettled(dialog.get()));
        QVERIFY2(!openEditor(dialog.get()), "an editor opened for a built-in account");
        QVERIFY2(dialog->isVisible(), "Enter on the list pressed the Settings dialog's OK");
    }
    QVERIFY(demos >= 1);
    QCOMPARE(m_accounts->accounts().size(), demos + 1);
    // A saved account has the buttons, and no note.
    QVERIFY(clickAccount(dialog.get(), shop.id));
    QVERIFY(editButton(dialog.get())->isEnabled());
    QVERIFY(duplicateButton(dialog.get())->isEnabled());
    QVERIFY(removeButton(dialog.get())->isEnabled());
    QVERIFY(!builtInNote(dialog.get())->isVisible());
}

void TestSettingsDialog::accountTestConnection_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<bool>("inKeychain"); // else a session token given to the dialog
    QTest::addColumn<QStringList>("resultMentions");

    QTest::newRow("full token from the keychain")
        << ApiTokenGrant::defaultFullToken() << true
        << QStringList{QStringLiteral("can list campaigns"), QStringLiteral("Run right")};
    QTest::newRow("bad token from the keychain") << QStringLiteral("wrong0token0000000000000000000000") << true
                                                 << QStringList{QStringLiteral("token was not accepted")};
    QTest::newRow("full session token") << ApiTokenGrant::defaultFullToken() << false
                                        << QStringList{QStringLiteral("can list campaigns")};
    QTest::newRow("bad session token") << QStringLiteral("wrong0token0000000000000000000000") << false
                                       << QStringList{QStringLiteral("token was not accepted")};
    QTest::newRow("no token at all") << QString() << true << QStringList{QStringLiteral("No token is saved")};
}

void TestSettingsDialog::accountTestConnection()
{
    REQUIRE_SECRET_SERVICE();
    QFETCH(QString, token);
    QFETCH(bool, inKeychain);
    QFETCH(QStringList, resultMentions);

    const Account emulated = addSaved(QStringLiteral("Emulated"), m_emulator->baseUrl());
    if (inKeychain && !token.isEmpty())
        QCOMPARE(saveAccountToken(emulated.id, token).signal, QStringLiteral("saved"));
    const auto dialog = openDialog();
    QVERIFY(dialog);
    if (!inKeychain)
        dialog->setSessionToken(emulated.id, token);
    QVERIFY(clickAccount(dialog.get(), emulated.id));
    QVERIFY(accountTestButton(dialog.get())->isEnabled());
    m_emulator->clearRequests();

    const QString result = runConnectionTest(accountTestButton(dialog.get()), accountTestResult(dialog.get()));
    for (const QString &word : resultMentions)
        QVERIFY2(result.contains(word, Qt::CaseInsensitive),
                 qPrintable(QStringLiteral("result “%1” does not mention “%2”").arg(result, word)));
    if (token.isEmpty()) {
        QCOMPARE(m_emulator->requests().size(), 0); // nothing to send without a token
    } else {
        QVERIFY(m_emulator->requestCount(QStringLiteral("list")) >= 1);
        QCOMPARE(m_emulator->requests().constFirst().json().value(QStringLiteral("token")).toString(), token);
    }
    QVERIFY(dialog->findChildren<QNetworkAccessManager *>().isEmpty());
    // Another account selected: the result was about the previous one and goes.
    QVERIFY(clickAccount(dialog.get(), QString(Account::kDemoId)));
    QVERIFY(accountTestResult(dialog.get())->text().isEmpty());
}

// ---- no keychain ------------------------------------------------------------------------------

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
    QVERIFY2(r.value(QStringLiteral("promptParentIsEditor")).toBool(), qPrintable(json));
    const QString message = r.value(QStringLiteral("promptMessage")).toString();
    QVERIFY2(message.contains(QLatin1String("No keychain")) && message.contains(QLatin1String("session only"))
                 && message.contains(QLatin1String("never writes the token to a file")),
             qPrintable(message));
    QVERIFY2(!r.value(QStringLiteral("editorVisible")).toBool(), qPrintable(json));
    // The account is saved (its settings, not its token) and the app is told to keep the token
    // in memory only.
    QCOMPARE(r.value(QStringLiteral("savedName")).toString(), QStringLiteral("Offline shop"));
    QCOMPARE(r.value(QStringLiteral("savedUrl")).toString(), QStringLiteral("https://no-keychain.example.com/"));
    QVERIFY2(r.value(QStringLiteral("iniHasAccount")).toBool(), qPrintable(json));
    QVERIFY2(r.value(QStringLiteral("tokenChangedCalls")).toInt() == 1, qPrintable(json));
    QVERIFY2(r.value(QStringLiteral("signalIdMatches")).toBool(), qPrintable(json));
    QVERIFY2(r.value(QStringLiteral("signalTokenMatches")).toBool(), qPrintable(json));
    QVERIFY2(r.value(QStringLiteral("signalSessionOnly")).toBool(), qPrintable(json));

    // The token is in no file: the child's own scan, then ours of its whole HOME.
    QVERIFY2(r.value(QStringLiteral("settingsFileScanned")).toBool(), qPrintable(json));
    QVERIFY2(r.value(QStringLiteral("hits")).toString().isEmpty(), qPrintable(json));
    const AppTest::Scan scan = AppTest::scanForSecret({childHome.path()}, token);
    QVERIFY2(!scan.files.isEmpty(), "the helper's HOME holds no file: the check would be vacuous");
    QVERIFY2(scan.hits.isEmpty(),
             qPrintable(QStringLiteral("the token was found in: ") + scan.hits.join(QStringLiteral(", "))));
}

void TestSettingsDialog::noKeychainDeclinedPromptKeepsTheEditorOpen()
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
    QVERIFY2(r.value(QStringLiteral("editorVisible")).toBool(), qPrintable(json));
    QVERIFY2(!r.value(QStringLiteral("accepted")).toBool(), qPrintable(json));
    QVERIFY2(!r.value(QStringLiteral("sessionOnly")).toBool(), qPrintable(json));
    // The user can still act: OK is enabled again, and the field says why nothing was kept.
    QVERIFY2(r.value(QStringLiteral("okEnabledAfter")).toBool(), qPrintable(json));
    QVERIFY2(r.value(QStringLiteral("tokenMessage")).toString().contains(QLatin1String("No keychain")),
             qPrintable(json));
    // Nothing was saved, and the app was told nothing.
    QVERIFY2(r.value(QStringLiteral("savedName")).toString().isEmpty(), qPrintable(json));
    QVERIFY2(!r.value(QStringLiteral("iniHasAccount")).toBool(), qPrintable(json));
    QVERIFY2(r.value(QStringLiteral("tokenChangedCalls")).toInt() == 0, qPrintable(json));
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
