// The end-to-end tier, in process: the same Application that `campaign-manager` runs, built from
// the same LaunchOptions, against the emulator on loopback, with settings, the journal and the
// keychain (gnome-keyring in the test's private D-Bus session) all real. Each start mode, then
// what a user does: list, select, Deactivate, see the server's status; Complete then Cancel
// sends nothing; quit (File → Quit, SIGTERM) closes the journal and ends with status 0.

#include "../app/apptestsupport.h"
#include "../client/rawhttpserver.h"
#include "account.h"
#include "accountdialog.h"
#include "accountstore.h"
#include "altcraftemulator.h"
#include "apierror.h"
#include "campaignbuilder.h"
#include "confirmactiondialog.h"
#include "demoserver.h"
#include "e2etestsupport.h"
#include "emulatedcampaignjson.h"
#include "historywindow.h"
#include "incidentpausedialog.h"
#include "journal.h"
#include "journalmessage.h"
#include "messagebox.h"
#include "restoresnapshotdialog.h"
#include "secretscan.h"
#include "settingsdialog.h"
#include "settlesupport.h"
#include "statespelling.h"
#include "tokenstore.h"
#include "welcomedialog.h"

#include <QAccessible>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardItemModel>
#include <QStringListModel>
#include <QTextEdit>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>

#include <csignal>

using namespace E2E;

namespace {

const QString kToken = ApiTokenGrant::defaultFullToken();

LaunchOptions demoOptions()
{
    LaunchOptions options;
    options.demo = true;
    return options;
}

LaunchOptions accountOptions(const AltcraftEmulator &emulator, const QString &token)
{
    LaunchOptions options;
    options.apiUrl = emulator.baseUrl();
    options.envToken = token;
    return options;
}

template<typename T>
T *visibleChild(QWidget *parent)
{
    const QList<T *> all = parent->findChildren<T *>();
    for (T *w : all) {
        if (w->isVisible())
            return w;
    }
    return nullptr;
}

int journalRows(const QString &path, const QString &where)
{
    const QString name = QStringLiteral("e2e-read-%1").arg(QRandomGenerator::global()->generate());
    int count = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT COUNT(*) FROM actions WHERE ") + where) && q.next())
                count = q.value(0).toInt();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return count;
}

// The demo's emulator runs on its own thread: it is read there.
EmulatedState demoState(Application &app, qint64 id)
{
    return E2E::demoServer(app)->inspect([id](AltcraftEmulator &e) { return e.store().find(id)->state; });
}

int demoRequests(Application &app, const QString &method)
{
    return E2E::demoServer(app)->inspect([&method](AltcraftEmulator &e) { return e.requestCount(method); });
}

// The demo keeps History in a private directory of its own, removed when the app goes.
QString demoJournalPath(const Application &app)
{
    return app.demoDirectory() + QStringLiteral("/journal.sqlite");
}

QString accountJournalPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/journal.sqlite");
}

} // namespace

class TestApplication : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { resetState(); }

    void demoListsDeactivatesAndShowsTheServersStatus();
    void completeThenCancelSendsNothing();
    void demoSwitchesToTheSecondAccountAndDeactivatesThere();
    void switchingWhileAnActionRunsIsRefusedWithTheReason();
    void incidentPauseThenRestoreLeavesWhatSomeoneElseChanged();
    void accountFromApiUrlAndEnvironmentToken();
    void refusedTokenIsSaidPlainly();
    void serverTextIsShownAsPlainTextEverywhere();
    void aDoneTheStatusDoesNotConfirmIsNotInEffect();
    void theListLeavesOutOnlyWhatItCannotReadAndStopsAtTheCeiling();
    void apiUrlWithoutTokenOpensSettingsWithThatUrlAndWhy();
    void upgradeTurnsTheSavedUrlAndTokenIntoAnAccountWithNothingLost();
    void twoSavedAccountsReachTheirOwnCampaignsAndRemovingOneMovesOn();
    void firstStartShowsTheWelcome();
    void closingTheWelcomeEndsTheProgram();
    void startsInTheLanguageOfTheEnvironment();
    void accessibilitySelectionMovesTheDetailsAndScrolls();
    void busyTextFitsTheStatusBar();
    void fileQuitClosesTheJournalAndFinishesWithZero();
    void whatACrashLeftUnknownOpensHistoryOnceTheListIsShown();
    void sigtermDuringABulkActionLetsTheWireSettle();
};

void TestApplication::demoListsDeactivatesAndShowsTheServersStatus()
{
    Application app(demoOptions());
    E2E::useInProcessDemo(app);
    app.setDemoOptions({40, 0, 5});
    QSignalSpy loaded(&app, &Application::firstLoadFinished);
    QVERIFY(app.start());
    QVERIFY(app.isDemo());
    QVERIFY(app.mainWindow()->isVisible());
    QVERIFY(waitForFirstLoad(app, loaded));
    QCOMPARE(loaded.first().at(1).toInt(), 40);
    QCOMPARE(table(app)->model()->rowCount(), 40);
    QCOMPARE(app.mainWindow()->windowTitle(), QStringLiteral("Demo — Campaign Manager"));
    QVERIFY(app.mainWindow()->findChild<QWidget *>(QStringLiteral("accountBand"))->isVisible());
    QCOMPARE(app.mainWindow()->findChild<QLabel *>(QStringLiteral("accountBadge"))->text(), QStringLiteral("DEMO"));
    QVERIFY(app.mainWindow()
                ->findChild<QLabel *>(QStringLiteral("accountNote"))
                ->text()
                .contains(QStringLiteral("Not a real Altcraft account")));

    const qint64 id = firstWithStatus(app, CampaignStatus::Active);
    QVERIFY(id > 0);
    clickRow(app, id);
    QCOMPARE(app.mainWindow()->selectedIds(), QList<qint64>{id});
    QAction *deactivate = action(app, "actionDeactivate");
    QVERIFY(deactivate->isEnabled());
    QSignalSpy finished(app.service(), &CampaignService::actionFinished);
    deactivate->trigger();
    QVERIFY(finished.wait(20000));

    // The row shows what the server now says, and the server agrees.
    QTRY_COMPARE(statusText(app, id), QStringLiteral("Inactive"));
    QCOMPARE(demoState(app, id), EmulatedState::Inactive);
    QCOMPARE(demoRequests(app, QStringLiteral("deactivate")), 1);
    QLabel *summary = statusBarLabel(app, "summaryLabel");
    QCOMPARE(summary->text(), QStringLiteral("1 deactivated"));
    QCOMPARE(QAccessible::queryAccessibleInterface(summary)->text(QAccessible::Name), QStringLiteral("1 deactivated"));
    // And the journal recorded it before and after.
    QCOMPARE(journalRows(demoJournalPath(app), QStringLiteral("campaign_id = %1 AND outcome = 'success'").arg(id)), 1);
    // In the demo's account.
    QCOMPARE(journalRows(demoJournalPath(app),
                         QStringLiteral("campaign_id = %1 AND account_id = 'demo' AND account_name = 'Demo'").arg(id)),
             1);
}

void TestApplication::completeThenCancelSendsNothing()
{
    Application app(demoOptions());
    E2E::useInProcessDemo(app);
    app.setDemoOptions({20, 0, 0});
    QSignalSpy loaded(&app, &Application::firstLoadFinished);
    QVERIFY(app.start());
    QVERIFY(waitForFirstLoad(app, loaded));
    const qint64 id = firstWithStatus(app, CampaignStatus::Active);
    clickRow(app, id);
    QSignalSpy started(app.service(), &CampaignService::actionStarted);
    QAction *complete = action(app, "actionComplete");
    QVERIFY(complete->isEnabled());
    complete->trigger();
    // The action returned with the dialog open: nothing waited inside it.
    auto *dialog = visibleChild<ConfirmActionDialog>(app.mainWindow());
    QVERIFY(dialog);
    QVERIFY(dialog->cancelButton()->isDefault());
    QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);
    QTRY_VERIFY(!visibleChild<ConfirmActionDialog>(app.mainWindow()));
    QCoreApplication::processEvents();
    QCOMPARE(started.size(), 0);
    QVERIFY(!app.service()->isRunningAction());
    QCOMPARE(demoRequests(app, QStringLiteral("complete")), 0);
    QCOMPARE(statusText(app, id), QStringLiteral("Active"));
    QCOMPARE(demoState(app, id), EmulatedState::Active);
}

// The demo's two accounts are two stores of one emulator, each behind its own token: what is
// done in the second reaches only the second, with its rules, and History says which it was.
void TestApplication::demoSwitchesToTheSecondAccountAndDeactivatesThere()
{
    Application app(demoOptions());
    E2E::useInProcessDemo(app);
    app.setDemoOptions({40, 0, 0});
    QSignalSpy loaded(&app, &Application::firstLoadFinished);
    QVERIFY(app.start());
    QVERIFY(waitForFirstLoad(app, loaded));
    auto *switcher = app.mainWindow()->findChild<QComboBox *>(QStringLiteral("accountSwitcher"));
    QVERIFY(switcher && switcher->isVisible());
    QCOMPARE(switcher->count(), 2);
    QCOMPARE(switcher->currentText(), QStringLiteral("Demo"));
    QCOMPARE(switcher->itemText(1), QStringLiteral("Demo client — Production"));

    // File → Account → Demo client, as a user or a screen reader picks it.
    auto *menu = app.mainWindow()->findChild<QMenu *>(QStringLiteral("menuAccount"));
    QVERIFY(menu);
    QCOMPARE(menu->actions().size(), 2);
    QAction *second = menu->actions().at(1);
    QCOMPARE(second->text(), QStringLiteral("Demo client — Production"));
    QSignalSpy reloaded(app.service(), &CampaignService::loadFinished);
    second->trigger();
    QVERIFY(reloaded.wait(20000));
    QCOMPARE(app.account().id, QString(Account::kSecondDemoId));
    QCOMPARE(table(app)->model()->rowCount(), 60); // the second store's campaigns, not the first's 40
    QCOMPARE(switcher->currentIndex(), 1);
    QVERIFY(second->isChecked());
    QCOMPARE(app.mainWindow()->windowTitle(), QStringLiteral("Demo client (Production) — Campaign Manager"));
    QCOMPARE(app.mainWindow()->findChild<QLabel *>(QStringLiteral("accountBadge"))->text(),
             QStringLiteral("PRODUCTION"));

    // Its rule: every action asks first, naming the account.
    const qint64 id = firstWithStatus(app, CampaignStatus::Active);
    QVERIFY(id > 0);
    const EmulatedState inFirst = E2E::demoServer(app)->inspect([id](AltcraftEmulator &e) {
        const auto *c = e.store().find(id);
        return c ? c->state : EmulatedState::Deleted;
    });
    clickRow(app, id);
    QSignalSpy finished(app.service(), &CampaignService::actionFinished);
    action(app, "actionDeactivate")->trigger();
    auto *dialog = visibleChild<ConfirmActionDialog>(app.mainWindow());
    QVERIFY(dialog);
    QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("accountLabel"))->text(),
             QStringLiteral("In account: Demo client (Production)"));
    QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
    QVERIFY(finished.wait(20000));
    QTRY_COMPARE(statusText(app, id), QStringLiteral("Inactive"));

    // The second store changed; the first did not; the request carried the second token.
    QCOMPARE(E2E::demoServer(app)->inspect(
                 [id](AltcraftEmulator &e) { return e.store(ApiTokenGrant::secondAccountName()).find(id)->state; }),
             EmulatedState::Inactive);
    QCOMPARE(E2E::demoServer(app)->inspect([id](AltcraftEmulator &e) {
        const auto *c = e.store().find(id);
        return c ? c->state : EmulatedState::Deleted;
    }),
             inFirst);
    QCOMPARE(E2E::demoServer(app)->inspect([](AltcraftEmulator &e) {
        for (const RecordedRequest &r : e.requests()) {
            if (r.apiMethod() == QLatin1String("deactivate"))
                return r.account.value_or(QStringLiteral("(no account)"));
        }
        return QStringLiteral("(none)");
    }),
             ApiTokenGrant::secondAccountName());
    // History records the account it ran in.
    QCOMPARE(journalRows(demoJournalPath(app),
                         QStringLiteral("campaign_id = %1 AND outcome = 'success' AND account_id = 'demo-second' "
                                        "AND account_name = 'Demo client'")
                             .arg(id)),
             1);

    // Back in the first account: its own list, and its own view.
    QSignalSpy back(app.service(), &CampaignService::loadFinished);
    menu->actions().at(0)->trigger();
    QVERIFY(back.wait(20000));
    QCOMPARE(table(app)->model()->rowCount(), 40);
    QCOMPARE(app.mainWindow()->windowTitle(), QStringLiteral("Demo — Campaign Manager"));
}

void TestApplication::switchingWhileAnActionRunsIsRefusedWithTheReason()
{
    Application app(demoOptions());
    E2E::useInProcessDemo(app);
    app.setDemoOptions({30, 150, 0});
    QSignalSpy loaded(&app, &Application::firstLoadFinished);
    QVERIFY(app.start());
    QVERIFY(waitForFirstLoad(app, loaded, 30000));
    table(app)->selectAll();
    QSignalSpy started(app.service(), &CampaignService::actionStarted);
    QSignalSpy finished(app.service(), &CampaignService::actionFinished);
    action(app, "actionDeactivate")->trigger();
    QVERIFY(started.size() == 1 || started.wait(10000));
    QVERIFY(app.service()->isRunningAction());

    MessageBox::clearAnswered();
    MessageBox::setNextAnswer(MessageBox::Answer::Ok);
    auto *menu = app.mainWindow()->findChild<QMenu *>(QStringLiteral("menuAccount"));
    menu->actions().at(1)->trigger();
    QCOMPARE(MessageBox::answered().size(), 1);
    QCOMPARE(MessageBox::answered().first().title, QStringLiteral("Cannot switch accounts now"));
    QCOMPARE(MessageBox::answered().first().text,
             QStringLiteral("An action is running in Demo. Switch once it has finished, or cancel it first."));
    QCOMPARE(app.account().id, QString(Account::kDemoId));
    QVERIFY(menu->actions().at(0)->isChecked());
    QCOMPARE(app.mainWindow()->findChild<QComboBox *>(QStringLiteral("accountSwitcher"))->currentIndex(), 0);
    QVERIFY(finished.wait(30000));
    // The run finished in its own account, every campaign it started with.
    QCOMPARE(demoRequests(app, QStringLiteral("deactivate")), started.first().at(2).toInt());
}

// The support engineer's day: pause everything in the demo, a colleague restarts one campaign
// meanwhile, then restore the snapshot: everything else comes back, that one is left alone.
void TestApplication::incidentPauseThenRestoreLeavesWhatSomeoneElseChanged()
{
    Application app(demoOptions());
    E2E::useInProcessDemo(app);
    app.setDemoOptions({40, 0, 0});
    QSignalSpy loaded(&app, &Application::firstLoadFinished);
    QVERIFY(app.start());
    QVERIFY(waitForFirstLoad(app, loaded));
    QSignalSpy finished(app.service(), &CampaignService::actionFinished);

    QTRY_VERIFY(action(app, "actionPauseEverything")->isEnabled());
    action(app, "actionPauseEverything")->trigger();
    IncidentPauseDialog *preview = nullptr;
    QTRY_VERIFY((preview = visibleChild<IncidentPauseDialog>(app.mainWindow())) != nullptr);
    const int count = preview->campaignList()->rowCount();
    QVERIFY(count > 2);
    QVERIFY(!preview->confirmButton()->isEnabled());
    QTest::keyClicks(preview->findChild<QLineEdit *>(QStringLiteral("confirmEdit")), QString::number(count));
    QVERIFY(preview->confirmButton()->isEnabled());
    QTest::mouseClick(preview->confirmButton(), Qt::LeftButton);
    QVERIFY(finished.wait(30000));
    QCOMPARE(demoRequests(app, QStringLiteral("deactivate")), count);
    QTRY_COMPARE(app.journal()->snapshots().size(), 1);
    QCOMPARE(app.journal()->snapshots().first().account.id, QString(Account::kDemoId));

    // A colleague starts one of the paused campaigns again.
    const qint64 touched = app.journal()->snapshots().first().items.first().campaignId;
    E2E::demoServer(app)->inspect([touched](AltcraftEmulator &e) {
        return e.store().apply(touched, EmulatedAction::Activate, QStringLiteral("colleague"));
    });

    QTRY_VERIFY(action(app, "actionRestoreSnapshot")->isEnabled());
    action(app, "actionRestoreSnapshot")->trigger();
    RestoreSnapshotDialog *list = nullptr;
    QTRY_VERIFY((list = visibleChild<RestoreSnapshotDialog>(app.mainWindow())) != nullptr);
    list->view()->setCurrentIndex(list->view()->model()->index(0, 0));
    QVERIFY(list->restoreButton()->isEnabled());
    QTest::mouseClick(list->restoreButton(), Qt::LeftButton);
    RestoreReportDialog *report = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((report = visibleChild<RestoreReportDialog>(app.mainWindow())) != nullptr, 30000);
    QCOMPARE(report->toActivateList()->rowCount(), count - 1);
    QCOMPARE(report->leftAloneList()->rowCount(), 1);
    QVERIFY2(report->leftAloneList()->index(0, 1).data().toString().contains(QStringLiteral("colleague"))
                 || report->leftAloneList()->index(0, 0).data().toString().contains(QStringLiteral("colleague")),
             "the report does not name who changed the campaign");
    QVERIFY(report->cancelButton()->isDefault());
    QTest::mouseClick(report->confirmButton(), Qt::LeftButton);
    QVERIFY(finished.wait(30000));
    QCOMPARE(demoRequests(app, QStringLiteral("activate")), count - 1);
    // The one the colleague touched was not sent; it is active by their hand.
    QCOMPARE(E2E::demoServer(app)->inspect([touched](AltcraftEmulator &e) {
        int sent = 0;
        for (const RecordedRequest &r : e.requests())
            sent += r.apiMethod() == QLatin1String("activate") && r.campaignId() == touched;
        return sent;
    }),
             0);
}

void TestApplication::accountFromApiUrlAndEnvironmentToken()
{
    AltcraftEmulator emulator;
    emulator.seed(25, 7);
    QVERIFY(emulator.start());
    Application app(accountOptions(emulator, kToken));
    QSignalSpy loaded(&app, &Application::firstLoadFinished);
    QVERIFY(app.start());
    QVERIFY(!app.isDemo());
    QVERIFY(waitForFirstLoad(app, loaded));
    QCOMPARE(table(app)->model()->rowCount(), 25);
    // A one-off address: named after its host, and marked as production until saved otherwise.
    QCOMPARE(app.mainWindow()->windowTitle(), QStringLiteral("127.0.0.1 (Production) — Campaign Manager"));
    QVERIFY(app.mainWindow()->findChild<QWidget *>(QStringLiteral("accountBand"))->isVisible());
    QCOMPARE(app.mainWindow()->findChild<QLabel *>(QStringLiteral("accountBadge"))->text(),
             QStringLiteral("PRODUCTION"));
    QCOMPARE(emulator.requests().first().json().value(QStringLiteral("token")).toString(), kToken);

    const qint64 id = firstWithStatus(app, CampaignStatus::Active);
    clickRow(app, id);
    QSignalSpy finished(app.service(), &CampaignService::actionFinished);
    action(app, "actionDeactivate")->trigger();
    QVERIFY(finished.wait(20000));
    QTRY_COMPARE(statusText(app, id), QStringLiteral("Inactive"));
    QCOMPARE(emulator.store().find(id)->state, EmulatedState::Inactive);
    // The environment's token went to the server only: into no file of the app's (settings,
    // journal), in any encoding.
    app.settings()->sync();
    const TestSupport::Scan scan = TestSupport::scanForSecret({privateHome().path()}, kToken);
    QVERIFY(scan.files.size() >= 1); // the journal at least
    QVERIFY2(scan.hits.isEmpty(), qPrintable(scan.hits.join(QLatin1Char(' '))));
}

void TestApplication::refusedTokenIsSaidPlainly()
{
    AltcraftEmulator emulator;
    emulator.seed(5, 1);
    QVERIFY(emulator.start());
    Application app(accountOptions(emulator, QStringLiteral("wrong0token0000000000000000000000")));
    QSignalSpy loaded(&app, &Application::firstLoadFinished);
    QVERIFY(app.start());
    QVERIFY(!waitForFirstLoad(app, loaded));
    QTRY_VERIFY(visibleChild<QMessageBox>(app.mainWindow()));
    auto *box = visibleChild<QMessageBox>(app.mainWindow());
    QCOMPARE(box->windowTitle(), QStringLiteral("Could not load campaigns"));
    QVERIFY2(box->text().contains(QStringLiteral("token was not accepted")), qPrintable(box->text()));
    QCOMPARE(box->textFormat(), Qt::PlainText);
    QCOMPARE(table(app)->model()->rowCount(), 0);
    box->accept();
    QVERIFY(app.mainWindow()->isVisible()); // the app keeps running
}

// A server that writes markup and direction tricks into its data: the window shows it as the
// literal text it is. No link, no picture, no reordered name.
void TestApplication::serverTextIsShownAsPlainTextEverywhere()
{
    AltcraftEmulator emulator;
    emulator.seed(3, 1);
    const QString link = QStringLiteral("<a href=\"https://evil.example/\">Re-enter your token</a>");
    const QString picture = QStringLiteral("<img width=30000 height=30000 src=\"x.png\">");
    emulator.store().upsert(CampaignBuilder(77)
                                .name(QStringLiteral("invoice\u202Egpj.exe ") + link)
                                .description(picture + link)
                                .tags({QStringLiteral("<b>vip</b>")})
                                .emulated(EmulatedState::Active));
    Fault refuse;
    refuse.kind = Fault::Kind::ApiError;
    refuse.method = QStringLiteral("deactivate");
    refuse.apiErrorCode = 402;
    refuse.apiErrorText = link + QStringLiteral(" \u2067admin\u2069");
    emulator.addFault(refuse);
    QVERIFY(emulator.start());

    Application app(accountOptions(emulator, kToken));
    QSignalSpy loaded(&app, &Application::firstLoadFinished);
    QVERIFY(app.start());
    QVERIFY(waitForFirstLoad(app, loaded));
    action(app, "actionShowDetails")->setChecked(true);

    // The table: the name as text, its direction control made visible; the tooltip escaped.
    const QModelIndex name = proxyIndex(app, 77, CampaignTableModel::NameColumn);
    QCOMPARE(name.data().toString(), QStringLiteral("invoice[U+202E]gpj.exe ") + link);
    const QString tip = name.data(Qt::ToolTipRole).toString();
    QVERIFY2(!tip.contains(QStringLiteral("<img")) && !tip.contains(QStringLiteral("<a ")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("&lt;img width=30000")), qPrintable(tip));
    QCOMPARE(proxyIndex(app, 77, CampaignTableModel::TagsColumn).data().toString(), QStringLiteral("<b>vip</b>"));

    // The details pane: the same words, literally.
    clickRow(app, 77);
    auto *details = app.mainWindow()->findChild<QTextEdit *>(QStringLiteral("detailsView"));
    QTRY_VERIFY(details->toPlainText().contains(QStringLiteral("invoice[U+202E]gpj.exe")));
    QVERIFY2(details->toPlainText().contains(link), qPrintable(details->toPlainText()));
    QVERIFY(details->toPlainText().contains(picture));
    QVERIFY(!details->toHtml().contains(QStringLiteral("href=\"https://evil.example/\"")));

    // The error box: the server's error_text as plain text, its isolate controls visible.
    QSignalSpy finished(app.service(), &CampaignService::actionFinished);
    action(app, "actionDeactivate")->trigger();
    QVERIFY(finished.wait(20000));
    QTRY_VERIFY(visibleChild<QMessageBox>(app.mainWindow()));
    auto *box = visibleChild<QMessageBox>(app.mainWindow());
    QCOMPARE(box->textFormat(), Qt::PlainText);
    QVERIFY2(box->text().contains(link + QStringLiteral(" [U+2067]admin[U+2069]")), qPrintable(box->text()));
    QVERIFY(box->size().width() < 2000 && box->size().height() < 2000);
    box->accept();
    QCOMPARE(emulator.store().find(77)->state, EmulatedState::Active);
}

void TestApplication::aDoneTheStatusDoesNotConfirmIsNotInEffect()
{
    // Two campaigns the server does not change: one it answers "done" (error 0) without acting,
    // one it answers HTTP 500. The app reads both back and says what is true.
    AltcraftEmulator emulator;
    emulator.seed(4, 2);
    for (qint64 id : {61, 62})
        emulator.store().upsert(emulatedCampaign(id, EmulatedState::Active));
    Fault liar;
    liar.kind = Fault::Kind::ApiError;
    liar.method = QStringLiteral("deactivate");
    liar.campaignId = 61;
    liar.apiErrorCode = 0;
    liar.apiErrorText = QStringLiteral("Successful operation");
    emulator.addFault(liar);
    Fault broken;
    broken.kind = Fault::Kind::Http500;
    broken.method = QStringLiteral("deactivate");
    broken.campaignId = 62;
    emulator.addFault(broken);
    QVERIFY(emulator.start());

    Application app(accountOptions(emulator, kToken));
    QSignalSpy loaded(&app, &Application::firstLoadFinished);
    QVERIFY(app.start());
    QVERIFY(waitForFirstLoad(app, loaded));
    clickRow(app, 61);
    QTableView *view = table(app);
    const QModelIndex second = proxyIndex(app, 62, CampaignTableModel::NameColumn);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ControlModifier, view->visualRect(second).center());
    QCOMPARE(app.mainWindow()->selectedIds().size(), 2);
    QSignalSpy finished(app.service(), &CampaignService::actionFinished);
    action(app, "actionDeactivate")->trigger();
    QVERIFY(finished.wait(20000));

    QCOMPARE(statusBarLabel(app, "summaryLabel")->text(), QStringLiteral("2 not in effect"));
    auto *undo = app.mainWindow()->findChild<QToolButton *>(QStringLiteral("undoButton"));
    QVERIFY(undo && !undo->isVisible());
    QCOMPARE(statusText(app, 61), QStringLiteral("Active"));
    QCOMPARE(statusText(app, 62), QStringLiteral("Active"));
    QVERIFY(action(app, "actionDeactivate")->isEnabled()); // the user may try again

    const QString journal
        = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/journal.sqlite");
    QCOMPARE(journalRows(journal, QStringLiteral("outcome = 'success'")), 0);
    // The journal keeps the facts; History says them.
    QCOMPARE(journalRows(journal,
                         QStringLiteral("campaign_id = 61 AND outcome = 'not_applied' AND status_after = 'active' AND "
                                        "error_kind = '' AND confirmed_by = ''")),
             1);
    QCOMPARE(journalRows(journal,
                         QStringLiteral("campaign_id = 62 AND outcome = 'not_applied' AND error_code = 500 AND "
                                        "error_kind = 'server-error' AND http_status = 500")),
             1);
    Journal::Filter only62;
    only62.campaignId = 62;
    const QList<JournalEntry> rows62 = app.journal()->entries(only62);
    QCOMPARE(rows62.size(), 1);
    // A real account's rows carry its host until the account the saved URL becomes claims them.
    QCOMPARE(rows62.first().account, (AccountRef{QString(), emulator.baseUrl().host()}));
    QCOMPARE(JournalMessage::text(rows62.first()),
             QStringLiteral("Not deactivated: the server had an internal error (HTTP 500); the campaign is still "
                            "“Active” (checked after the request)."));
    // Sent once each, then read back.
    QCOMPARE(emulator.requestCount(QStringLiteral("deactivate")), 2);
    QCOMPARE(emulator.requestCount(QStringLiteral("get")), 2);
}

void TestApplication::theListLeavesOutOnlyWhatItCannotReadAndStopsAtTheCeiling()
{
    // A server whose list holds one unreadable item among good ones; later, one that never
    // stops listing.
    RawHttpServer server;
    QVERIFY(server.listen());
    bool endless = false;
    server.setHandler([&endless](const RawHttpServer::Request &request) {
        const qint64 from = request.json().value(QStringLiteral("from_id")).toInteger();
        const qint64 limit = request.json().value(QStringLiteral("limit")).toInteger();
        auto item = [](qint64 id) {
            const QJsonObject c = emulatedCampaignJson(emulatedCampaign(id, EmulatedState::Active), StateSpelling());
            return QJsonDocument(c).toJson(QJsonDocument::Compact);
        };
        QByteArrayList items;
        if (endless) {
            for (qint64 id = from; id < from + limit; ++id)
                items << item(id);
        } else if (from == 1) {
            items << item(1) << QByteArrayLiteral("{\"id\":-5,\"name\":\"minus five\",\"state\":\"active\"}")
                  << item(3);
        }
        const QByteArray body = "{\"data\":[" + items.join(',') + "],\"error\":0,\"error_text\":\"\"}";
        return RawHttpServer::Reply{RawHttpServer::response(200, body), false, false};
    });
    LaunchOptions options;
    options.apiUrl = server.baseUrl();
    options.envToken = kToken;
    Application app(options);
    QSignalSpy loaded(&app, &Application::firstLoadFinished);
    QVERIFY(app.start());
    QVERIFY(waitForFirstLoad(app, loaded));
    QCOMPARE(table(app)->model()->rowCount(), 2);
    auto *notice = app.mainWindow()->findChild<QLabel *>(QStringLiteral("listNotice"));
    QVERIFY(notice->isVisible());
    QCOMPARE(notice->textFormat(), Qt::PlainText);
    QCOMPARE(notice->text(),
             QStringLiteral("Not shown: 1 item in the server's list that could not be read as "
                            "campaigns. The others are loaded."));
    QVERIFY2(notice->toolTip().contains(QStringLiteral("positive integer")), qPrintable(notice->toolTip()));

    // The endless list stops at the ceiling, says so, and keeps what arrived.
    endless = true;
    app.service()->client()->setMaxListedCampaigns(2500);
    QString boxTitle, boxText;
    auto answered = AppTest::whenModal<QMessageBox>([&](QMessageBox *box) {
        boxTitle = box->windowTitle();
        boxText = box->text();
        box->accept();
    });
    QSignalSpy reloaded(app.service(), &CampaignService::loadFinished);
    action(app, "actionRefresh")->trigger();
    QVERIFY(reloaded.wait(30000));
    QTRY_VERIFY(*answered);
    QCOMPARE(boxTitle, QStringLiteral("Not every campaign was loaded"));
    QVERIFY2(boxText.startsWith(QStringLiteral("The server listed more than 2,500 campaigns")), qPrintable(boxText));
    QCOMPARE(table(app)->model()->rowCount(), 2500);
    QVERIFY(notice->isVisible());
    QCOMPARE(notice->text(), boxText);
}

void TestApplication::apiUrlWithoutTokenOpensSettingsWithThatUrlAndWhy()
{
    AltcraftEmulator emulator;
    emulator.seed(12, 3);
    QVERIFY(emulator.start());
    LaunchOptions options;
    options.apiUrl = emulator.baseUrl();
    Application app(options);
    QSignalSpy loaded(&app, &Application::firstLoadFinished);
    struct Seen {
        QString url, name, notice;
        bool noticeVisible = false;
    } seen;
    // Settings opens on its Accounts page with the editor for a new account over it.
    auto ran = AppTest::whenModal<AccountDialog>([&](AccountDialog *d) {
        seen.url = d->findChild<QLineEdit *>(QStringLiteral("apiUrlEdit"))->text();
        seen.name = d->findChild<QLineEdit *>(QStringLiteral("nameEdit"))->text();
        auto *settings = qobject_cast<SettingsDialog *>(d->parentWidget());
        QVERIFY(settings);
        auto *notice = settings->findChild<QLabel *>(QStringLiteral("noticeLabel"));
        seen.notice = notice->text();
        seen.noticeVisible = notice->isVisible();
        QTest::keyClicks(d->findChild<QLineEdit *>(QStringLiteral("tokenEdit")), kToken);
        d->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    });
    QVERIFY(app.start());
    QTRY_VERIFY_WITH_TIMEOUT(*ran, 30000);
    QCOMPARE(seen.url, emulator.baseUrl().toString());
    QCOMPARE(seen.name, QStringLiteral("127.0.0.1"));
    QVERIFY(seen.noticeVisible);
    QVERIFY2(seen.notice.contains(QStringLiteral("No API token was given for 127.0.0.1")), qPrintable(seen.notice));
    // The account saved there is the one in use at once; its token went to its own keychain
    // entry, not to a file.
    QVERIFY(waitForFirstLoad(app, loaded, 30000));
    QCOMPARE(table(app)->model()->rowCount(), 12);
    const std::optional<Account> saved = app.accounts()->findByName(QStringLiteral("127.0.0.1"));
    QVERIFY(saved);
    QCOMPARE(app.account().id, saved->id);
    QCOMPARE(app.mainWindow()->windowTitle(), QStringLiteral("127.0.0.1 (Production) — Campaign Manager"));
    std::unique_ptr<TokenStore> store(TokenStore::forAccount(saved->id));
    QSignalSpy read(store.get(), &TokenStore::loaded);
    store->load();
    QVERIFY(read.wait(30000));
    QCOMPARE(read.first().at(0).toString(), kToken);
    QSignalSpy forgotten(store.get(), &TokenStore::forgotten);
    store->forget();
    QVERIFY(forgotten.wait(30000));
}

// The first start of this version on a computer that used an earlier one: its one URL, its
// host-keyed token, tracked campaigns and History rows all belong to the account it becomes.
void TestApplication::upgradeTurnsTheSavedUrlAndTokenIntoAnAccountWithNothingLost()
{
    AltcraftEmulator emulator;
    emulator.seed(15, 4);
    QVERIFY(emulator.start());
    {
        Settings legacy;
        legacy.setValue(Settings::Key::ApiUrl, emulator.baseUrl().toString());
        legacy.setTrackedCampaignIds({3, 7});
        legacy.sync();
    }
    TokenStore oldEntry(emulator.baseUrl());
    QSignalSpy saved(&oldEntry, &TokenStore::saved);
    oldEntry.save(kToken);
    QVERIFY(saved.wait(30000));
    const QString journalPath
        = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/journal.sqlite");
    {
        Journal old;
        QVERIFY(old.open(journalPath));
        JournalEntry e;
        e.campaignId = 3;
        e.campaignName = QStringLiteral("Campaign 3");
        e.action = CampaignAction::Deactivate;
        e.statusBefore = CampaignStatus::Active;
        e.apiHost = emulator.baseUrl().host(); // written before accounts: no account
        QVERIFY(old.begin(e) > 0);
        old.close();
    }

    Application app{LaunchOptions()};
    QSignalSpy loaded(&app, &Application::firstLoadFinished);
    QVERIFY(app.start()); // no welcome: the old settings are an account
    QVERIFY(waitForFirstLoad(app, loaded, 30000));
    QCOMPARE(table(app)->model()->rowCount(), 15);
    QCOMPARE(app.accounts()->savedAccounts().size(), 1);
    const Account account = app.accounts()->savedAccounts().first();
    QCOMPARE(account.name, QStringLiteral("127.0.0.1"));
    QCOMPARE(account.apiUrl, emulator.baseUrl());
    QCOMPARE(app.account().id, account.id);
    QCOMPARE(app.mainWindow()->windowTitle(), QStringLiteral("127.0.0.1 (Production) — Campaign Manager"));
    QCOMPARE(emulator.requests().constLast().json().value(QStringLiteral("token")).toString(), kToken);
    QCOMPARE(app.service()->trackedIds(), (QList<qint64>{3, 7}));
    QVERIFY(app.settings()->value(Settings::Key::ApiUrl).toString().isEmpty()); // the old key is gone
    // The token moved to the account's own entry; the host's entry is gone.
    std::unique_ptr<TokenStore> newEntry(TokenStore::forAccount(account.id));
    QSignalSpy readNew(newEntry.get(), &TokenStore::loaded);
    newEntry->load();
    QVERIFY(readNew.wait(30000));
    QCOMPARE(readNew.first().at(0).toString(), kToken);
    QSignalSpy readOld(&oldEntry, &TokenStore::loaded);
    oldEntry.load();
    QVERIFY(readOld.wait(30000));
    QCOMPARE(readOld.first().at(0).toString(), QString());
    // History's old row is the account's now.
    QTRY_COMPARE(
        journalRows(
            journalPath,
            QStringLiteral("campaign_id = 3 AND account_id = '%1' AND account_name = '127.0.0.1'").arg(account.id)),
        1);
    QSignalSpy forgotten(newEntry.get(), &TokenStore::forgotten);
    newEntry->forget();
    QVERIFY(forgotten.wait(30000));
}

// Two saved accounts on one server, each with its own token in its own keychain entry: each
// sees its own campaigns; removing the one in use moves the window to the other.
void TestApplication::twoSavedAccountsReachTheirOwnCampaignsAndRemovingOneMovesOn()
{
    AltcraftEmulator emulator;
    emulator.seed(12, 5);
    emulator.addAccount(ApiTokenGrant::secondAccountName(), 7, 9, ApiTokenGrant::secondAccountDefaults());
    QVERIFY(emulator.start());
    const Account a = Account::create(QStringLiteral("Client A"), emulator.baseUrl());
    const Account b = Account::create(QStringLiteral("Client B"), emulator.baseUrl());
    {
        Settings settings;
        AccountStore store(&settings);
        QCOMPARE(store.add(a), QString());
        QCOMPARE(store.add(b), QString());
        store.setCurrent(a.id);
        settings.sync();
    }
    const auto saveToken = [](const QString &id, const QString &token) {
        std::unique_ptr<TokenStore> entry(TokenStore::forAccount(id));
        QSignalSpy saved(entry.get(), &TokenStore::saved);
        entry->save(token);
        return saved.wait(30000);
    };
    QVERIFY(saveToken(a.id, kToken));
    QVERIFY(saveToken(b.id, ApiTokenGrant::secondAccountToken()));

    Application app{LaunchOptions()};
    QSignalSpy loaded(&app, &Application::firstLoadFinished);
    QVERIFY(app.start());
    QVERIFY(waitForFirstLoad(app, loaded, 30000));
    QCOMPARE(app.account().id, a.id);
    QCOMPARE(table(app)->model()->rowCount(), 12);
    QCOMPARE(app.mainWindow()->windowTitle(), QStringLiteral("Client A (Production) — Campaign Manager"));

    // The switcher offers the saved accounts, and B brings B's campaigns with B's token.
    auto *switcher = app.mainWindow()->findChild<QComboBox *>(QStringLiteral("accountSwitcher"));
    QCOMPARE(switcher->count(), 2);
    QSignalSpy reloaded(app.service(), &CampaignService::loadFinished);
    QVERIFY(app.switchAccount(b.id));
    QVERIFY(reloaded.wait(30000));
    QCOMPARE(table(app)->model()->rowCount(), 7);
    QCOMPARE(emulator.requests().constLast().account, std::optional<QString>(ApiTokenGrant::secondAccountName()));
    QCOMPARE(emulator.requests().constLast().json().value(QStringLiteral("token")).toString(),
             ApiTokenGrant::secondAccountToken());
    QCOMPARE(app.accounts()->current().id, b.id); // the next start opens B

    // Back to A, then A is removed (as Settings' Remove does): the window moves on to B.
    QVERIFY(app.switchAccount(a.id));
    QVERIFY(reloaded.wait(30000));
    QCOMPARE(table(app)->model()->rowCount(), 12);
    QCOMPARE(app.accounts()->remove(a.id), QString());
    QVERIFY(reloaded.wait(30000));
    QCOMPARE(app.account().id, b.id);
    QCOMPARE(table(app)->model()->rowCount(), 7);
    QCOMPARE(app.mainWindow()->windowTitle(), QStringLiteral("Client B (Production) — Campaign Manager"));
    QCOMPARE(switcher->count(), 1);

    // The last one removed: the band goes, and the client has nowhere and nothing to send.
    QCOMPARE(app.accounts()->remove(b.id), QString());
    QVERIFY(!app.mainWindow()->findChild<QWidget *>(QStringLiteral("accountBand"))->isVisible());
    QVERIFY(app.service()->model()->rowCount() == 0);
    QVERIFY(!app.service()->client()->factory().hasToken());
    for (const QString &id : {a.id, b.id}) {
        std::unique_ptr<TokenStore> entry(TokenStore::forAccount(id));
        QSignalSpy forgotten(entry.get(), &TokenStore::forgotten);
        entry->forget();
        QVERIFY(forgotten.wait(30000));
    }
}

void TestApplication::firstStartShowsTheWelcome()
{
    Application app{LaunchOptions()};
    app.setDemoOptions({10, 0, 0});
    QSignalSpy loaded(&app, &Application::firstLoadFinished);
    auto ran = AppTest::whenModal<WelcomeDialog>(
        [](WelcomeDialog *d) { d->findChild<QPushButton *>(QStringLiteral("demoButton"))->click(); });
    QVERIFY(app.start());
    QVERIFY(*ran);
    QVERIFY(app.isDemo());
    QVERIFY(waitForFirstLoad(app, loaded));
    QCOMPARE(table(app)->model()->rowCount(), 10);
}

void TestApplication::closingTheWelcomeEndsTheProgram()
{
    Application app{LaunchOptions()};
    auto ran = AppTest::whenModal<WelcomeDialog>([](WelcomeDialog *d) { d->reject(); });
    QVERIFY(!app.start());
    QVERIFY(*ran);
    QCOMPARE(app.exitCode(), 0);
    QVERIFY(!app.mainWindow()->isVisible());
}

// Registered three times by CTest: LANG unset-or-C, LANG=C, LANG=ru_RU.UTF-8. The language
// setting is "system", so the window speaks the environment's language; anything but Russian
// is English with real plural forms.
void TestApplication::startsInTheLanguageOfTheEnvironment()
{
    QString lang; // as POSIX reads it: the first of these that is set and not empty
    for (const char *name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        lang = qEnvironmentVariable(name);
        if (!lang.isEmpty())
            break;
    }
    const bool russian = lang.startsWith(QLatin1String("ru"));
    Application app(demoOptions());
    E2E::useInProcessDemo(app);
    app.setDemoOptions({120, 0, 0});
    QSignalSpy loaded(&app, &Application::firstLoadFinished);
    QVERIFY(app.start());
    QCOMPARE(app.language(), russian ? QStringLiteral("ru") : QStringLiteral("en"));
    QVERIFY(waitForFirstLoad(app, loaded));
    const QString counts = app.mainWindow()->statusBar()->findChildren<QLabel *>().first()->text();
    const QString deactivate = action(app, "actionDeactivate")->text().remove(QLatin1Char('&'));
    if (russian) {
        QVERIFY2(counts.startsWith(QStringLiteral("120 кампаний")), qPrintable(counts));
        QCOMPARE(deactivate, QStringLiteral("Деактивировать"));
        QVERIFY(app.mainWindow()->windowTitle().contains(QStringLiteral("демо"), Qt::CaseInsensitive));
    } else {
        QVERIFY2(counts.startsWith(QStringLiteral("120 campaigns")), qPrintable(counts));
        QCOMPARE(deactivate, QStringLiteral("Deactivate"));
    }
    QVERIFY2(!counts.contains(QStringLiteral("(s)")), qPrintable(counts));

    // Then what a user does, in that language: deactivate one, read the row and the result.
    const qint64 id = firstWithStatus(app, CampaignStatus::Active);
    clickRow(app, id);
    QSignalSpy finished(app.service(), &CampaignService::actionFinished);
    action(app, "actionDeactivate")->trigger();
    QVERIFY(finished.wait(20000));
    QCOMPARE(demoState(app, id), EmulatedState::Inactive);
    const QString summary = statusBarLabel(app, "summaryLabel")->text();
    auto cyrillic = [](const QString &text) {
        return std::any_of(text.cbegin(), text.cend(), [](QChar ch) { return ch.script() == QChar::Script_Cyrillic; });
    };
    if (russian) {
        QTRY_VERIFY(cyrillic(statusText(app, id)));
        QCOMPARE(summary, QStringLiteral("Деактивировано: 1"));
    } else {
        QTRY_COMPARE(statusText(app, id), QStringLiteral("Inactive"));
        QCOMPARE(summary, QStringLiteral("1 deactivated"));
    }
}

// A screen reader selects a row through the accessibility interface: the current index does not
// move, yet the details must show that campaign and the row must come into view.
void TestApplication::accessibilitySelectionMovesTheDetailsAndScrolls()
{
    Application app(demoOptions());
    app.setDemoOptions({300, 0, 0});
    QSignalSpy loaded(&app, &Application::firstLoadFinished);
    QVERIFY(app.start());
    QVERIFY(waitForFirstLoad(app, loaded));
    app.mainWindow()->resize(900, 500);
    action(app, "actionShowDetails")->setChecked(true);
    QTableView *view = table(app);
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(view);
    QVERIFY(iface && iface->tableInterface());
    const int row = 250;
    QVERIFY(iface->tableInterface()->selectRow(row));
    const QModelIndex index = view->model()->index(row, CampaignTableModel::NameColumn);
    const QString name = index.data().toString();
    auto *details = app.mainWindow()->findChild<QTextEdit *>(QStringLiteral("detailsView"));
    QVERIFY(details);
    QTRY_VERIFY2(details->toPlainText().contains(name), qPrintable(details->toPlainText().left(200)));
    QVERIFY(view->viewport()->rect().intersects(view->visualRect(index)));
    QCOMPARE(app.mainWindow()->selectedIds().size(), 1);
}

void TestApplication::busyTextFitsTheStatusBar()
{
    Application app(demoOptions());
    app.setDemoOptions({60, 300, 0}); // slow enough to look at the busy state
    QSignalSpy loaded(&app, &Application::firstLoadFinished);
    QVERIFY(app.start());
    QVERIFY(waitForFirstLoad(app, loaded, 30000));
    app.mainWindow()->resize(1000, 600);
    table(app)->selectAll();
    QSignalSpy finished(app.service(), &CampaignService::actionFinished);
    action(app, "actionDeactivate")->trigger();
    QLabel *busy = statusBarLabel(app, "busyLabel");
    QTRY_VERIFY(busy->isVisible());
    QCOMPARE(busy->text(), QStringLiteral("Deactivating…"));
    QCOMPARE(busy->wordWrap(), false);
    // The whole text fits: as wide and as tall as it needs.
    QVERIFY2(busy->width() >= busy->sizeHint().width() && busy->height() >= busy->fontMetrics().height(),
             qPrintable(QStringLiteral("%1x%2 for %3x%4")
                            .arg(busy->width())
                            .arg(busy->height())
                            .arg(busy->sizeHint().width())
                            .arg(busy->fontMetrics().height())));
    auto *progress = app.mainWindow()->statusBar()->findChild<QProgressBar *>();
    QVERIFY(progress->isVisible());
    QVERIFY(progress->fontMetrics().horizontalAdvance(progress->text()) < progress->width());
    QVERIFY(finished.wait(30000));
    QVERIFY(!busy->isVisible());
}

void TestApplication::fileQuitClosesTheJournalAndFinishesWithZero()
{
    QString demoDirectory;
    {
        Application app(demoOptions());
        app.setDemoOptions({10, 0, 0});
        QSignalSpy loaded(&app, &Application::firstLoadFinished);
        QSignalSpy finished(&app, &Application::finished);
        QVERIFY(app.start());
        // The first paint does not need the journal: it opens once the first list is shown.
        QVERIFY(!app.journal()->isOpen());
        QVERIFY(waitForFirstLoad(app, loaded));
        QTRY_VERIFY(app.journal()->isOpen());
        action(app, "actionQuit")->trigger();
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(0).toInt(), 0);
        QVERIFY(!app.mainWindow()->isVisible());
        QVERIFY(!app.journal()->isOpen());
        QVERIFY(!QFile::exists(demoJournalPath(app) + QStringLiteral("-wal")));
        // The demo's History stays readable until the app ends…
        QVERIFY(QFile::exists(demoJournalPath(app)));
        demoDirectory = app.demoDirectory();
    }
    // …then goes with it.
    QVERIFY(!demoDirectory.isEmpty());
    QVERIFY(!QFileInfo::exists(demoDirectory));
}

// The journal opens after the first paint, but a crash's leftovers are still put in front of
// the user: History opens with its banner as soon as the first list is in the window.
void TestApplication::whatACrashLeftUnknownOpensHistoryOnceTheListIsShown()
{
    // An account's History: the demo's goes with the app, and with it what a crash left there.
    {
        Journal crashed;
        QVERIFY(crashed.open(accountJournalPath()));
        JournalEntry e;
        e.startedAt = QDateTime::currentDateTimeUtc();
        e.campaignId = 3;
        e.campaignName = QStringLiteral("Spring sale");
        e.action = CampaignAction::Deactivate;
        e.statusBefore = CampaignStatus::Active;
        QVERIFY(crashed.begin(e) > 0);
        crashed.close(); // still pending: what a crash leaves
    }
    AltcraftEmulator emulator;
    emulator.seed(10, 3);
    QVERIFY(emulator.start());
    Application app(accountOptions(emulator, kToken));
    QSignalSpy loaded(&app, &Application::firstLoadFinished);
    QVERIFY(app.start());
    QVERIFY(!app.journal()->isOpen());
    QVERIFY(waitForFirstLoad(app, loaded));
    QTRY_VERIFY(visibleChild<HistoryWindow>(app.mainWindow()));
    QCOMPARE(app.journal()->interruptedOnOpen(), 1);
    QVERIFY(visibleChild<HistoryWindow>(app.mainWindow())
                ->findChild<QWidget *>(QStringLiteral("unknownBanner"))
                ->isVisible());
}

// A session logout sends SIGTERM: no new request leaves, those on the wire settle and are
// recorded, the journal closes, status 0.
void TestApplication::sigtermDuringABulkActionLetsTheWireSettle()
{
    Application app(demoOptions());
    E2E::useInProcessDemo(app);
    app.setDemoOptions({80, 150, 0});
    QSignalSpy loaded(&app, &Application::firstLoadFinished);
    QSignalSpy finished(&app, &Application::finished);
    QVERIFY(app.start());
    QVERIFY(waitForFirstLoad(app, loaded, 30000));
    app.mainWindow()->setFocus();
    table(app)->selectAll();
    const QList<qint64> ids = app.service()->model()->ids();
    const int eligible = static_cast<int>(std::count_if(ids.cbegin(), ids.cend(), [&](qint64 id) {
        const CampaignStatus s = app.service()->model()->campaign(id)->status;
        return s == CampaignStatus::Active || s == CampaignStatus::Waiting;
    }));
    QVERIFY(eligible > 12);
    QSignalSpy actionFinished(app.service(), &CampaignService::actionFinished);
    action(app, "actionDeactivate")->trigger();
    QTRY_VERIFY(demoRequests(app, QStringLiteral("deactivate")) >= 1);
    ::raise(SIGTERM);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, Application::kQuitGraceMs + 5000);
    QCOMPARE(finished.first().at(0).toInt(), 0);
    QCOMPARE(actionFinished.size(), 1); // settled before the end, not cut off
    const int sent = demoRequests(app, QStringLiteral("deactivate"));
    QVERIFY2(sent < eligible, qPrintable(QStringLiteral("%1 of %2 sent").arg(sent).arg(eligible)));
    QVERIFY(!app.journal()->isOpen());
    // Every request that left is in the journal with its outcome; none is left open.
    QCOMPARE(journalRows(demoJournalPath(app), QStringLiteral("action = 'deactivate' AND outcome != 'cancelled'")),
             sent);
    QCOMPARE(journalRows(demoJournalPath(app), QStringLiteral("outcome = 'pending'")), 0);
    // Nothing more leaves after the end: markers through the app's own client come after it.
    QVERIFY(Settle::settle(app.service()->client(), [&app] {
        return E2E::demoServer(app)->inspect([](AltcraftEmulator &e) { return e.requests(); });
    }));
    QCOMPARE(demoRequests(app, QStringLiteral("deactivate")), sent);
}

E2E_MAIN(TestApplication)
#include "tst_e2e_application.moc"
