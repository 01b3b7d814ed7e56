// The dialogs, offscreen: AddByIdDialog on its own and opened from the main window, and the real
// ConfirmActionDialog behind the window's default DialogConfirmer (the one test not using the seam).
// Modal dialogs are answered by a timer that finds QApplication::activeModalWidget(). Also the
// History window's account filter, over a real journal file.

#include "addbyiddialog.h"
#include "confirmactiondialog.h"
#include "historywindow.h"
#include "journal.h"
#include "journalrecorder.h"
#include "journaltablemodel.h"
#include "messagebox.h"
#include "settlesupport.h"
#include "viewswitcher.h"
#include "widgettestsupport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTextBrowser>
#include <QTranslator>

using namespace WidgetTest;
using IdList = QList<qint64>;

namespace {

QPushButton *okButton(QDialog *dialog)
{
    auto *box = dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"));
    return box ? box->button(QDialogButtonBox::Ok) : nullptr;
}

// Replaces the text of the IDs field the way a user does: select all, then type.
void typeIds(QPlainTextEdit *edit, const QString &text)
{
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

} // namespace

class TestDialogs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void addByIdRejectsBadInputAndNamesIt();
    void addByIdFromTheWindowAddsTheCampaigns();
    void realConfirmActionDialogGuardsTheIrreversibleAction();
    void historyAccountFilterNarrowsTheRows();
    void realConfirmDialogAsksForEveryActionWhereTheAccountSaysSo();
    void realScheduleDialogChecksTheDatesAndSendsThem();
    void realSaveViewDialogNamesTheView();
    void realWarningBeforeExitWaitsToBeRead();

private:
    std::unique_ptr<Harness> h;
    QTranslator m_english;
};

void TestDialogs::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    dropOffscreenSizeHintWarnings();
    qRegisterMetaType<ApiError>();
    qRegisterMetaType<CampaignAction>();
    QVERIFY(m_english.load(QStringLiteral(":/i18n/campaignmanager_en.qm")));
    QVERIFY(QCoreApplication::installTranslator(&m_english));
}

void TestDialogs::cleanup()
{
    h.reset();
}

void TestDialogs::addByIdRejectsBadInputAndNamesIt()
{
    AddByIdDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *edit = dialog.findChild<QPlainTextEdit *>(QStringLiteral("idsEdit"));
    auto *feedback = dialog.findChild<QLabel *>(QStringLiteral("feedbackLabel"));
    QPushButton *ok = okButton(&dialog);
    QVERIFY(edit && feedback && ok);
    QVERIFY(!ok->isEnabled()); // nothing typed yet

    typeIds(edit, QStringLiteral("18, abc"));
    QCOMPARE(edit->toPlainText(), QStringLiteral("18, abc"));
    QCOMPARE(dialog.feedback(), QStringLiteral("'abc' is not a campaign ID"));
    QCOMPARE(feedback->text(), dialog.feedback());
    QVERIFY(!ok->isEnabled());
    QVERIFY(dialog.ids().isEmpty());

    typeIds(edit, QStringLiteral("3, 4-5"));
    QCOMPARE(dialog.feedback(), QStringLiteral("3 campaigns will be added."));
    QVERIFY(ok->isEnabled());
    QCOMPARE(dialog.ids(), (IdList{3, 4, 5}));

    typeIds(edit, QStringLiteral("9 9"));
    QCOMPARE(dialog.feedback(), QStringLiteral("1 campaign will be added. 1 duplicate ignored."));
    QVERIFY(ok->isEnabled());

    typeIds(edit, QStringLiteral("30-20"));
    QCOMPARE(dialog.feedback(), QStringLiteral("'30-20' is a reversed range: write 20-30"));
    QVERIFY(!ok->isEnabled());

    // Pressing Enter... in a plain text edit is a new line, and the OK button stays disabled.
    typeIds(edit, QStringLiteral("abc"));
    QTest::keyClick(edit, Qt::Key_Return);
    QVERIFY(dialog.isVisible());
    QVERIFY(!ok->isEnabled());
}

void TestDialogs::addByIdFromTheWindowAddsTheCampaigns()
{
    h = std::make_unique<Harness>();
    // The server holds 1-6; the window starts empty (as for a token that cannot list).
    QList<EmulatedCampaign> campaigns;
    const EmulatedState states[] = {EmulatedState::Active,  EmulatedState::Waiting,   EmulatedState::Inactive,
                                    EmulatedState::Cloning, EmulatedState::Completed, EmulatedState::Deleted};
    for (int i = 0; i < 6; ++i)
        campaigns.append(campaign(i + 1, states[i]));
    QVERIFY(h->start(campaigns, /*load=*/false));
    QCOMPARE(h->model()->rowCount(), 0);
    QSignalSpy added(h->service.get(), &CampaignService::addFinished);

    struct Seen {
        QString badFeedback, goodFeedback;
        bool okEnabledOnBad = true, okEnabledOnGood = false;
    } seen;
    const auto ran = onNextModal<AddByIdDialog>([&](AddByIdDialog *dialog) {
        auto *edit = dialog->findChild<QPlainTextEdit *>(QStringLiteral("idsEdit"));
        QPushButton *ok = okButton(dialog);
        typeIds(edit, QStringLiteral("18, abc"));
        seen.badFeedback = dialog->feedback();
        seen.okEnabledOnBad = ok->isEnabled();
        typeIds(edit, QStringLiteral("3, 4-5"));
        seen.goodFeedback = dialog->feedback();
        seen.okEnabledOnGood = ok->isEnabled();
        QTest::mouseClick(ok, Qt::LeftButton);
    });
    h->action("actionAddById")->trigger(); // returns at once; the dialog stays open
    QTRY_VERIFY(*ran);
    QCOMPARE(seen.badFeedback, QStringLiteral("'abc' is not a campaign ID"));
    QVERIFY(!seen.okEnabledOnBad);
    QCOMPARE(seen.goodFeedback, QStringLiteral("3 campaigns will be added."));
    QVERIFY(seen.okEnabledOnGood);

    QTRY_COMPARE_WITH_TIMEOUT(added.size(), 1, 20000);
    QCOMPARE(added.at(0).at(0).toInt(), 3);
    QVERIFY(added.at(0).at(1).toStringList().isEmpty());
    QCOMPARE(sorted(h->model()->ids()), (IdList{3, 4, 5}));
    QCOMPARE(h->statusText(3), QStringLiteral("Inactive"));
    QCOMPARE(h->statusText(4), QStringLiteral("Being cloned"));
    QCOMPARE(h->statusText(5), QStringLiteral("Completed"));
    QCOMPARE(sorted(h->requestIds(QStringLiteral("get"))), (IdList{3, 4, 5}));
    QCOMPARE(h->window->statusBar()->currentMessage(), QStringLiteral("3 campaigns added."));
    // Remembered for the next start.
    QCOMPARE(sorted(h->service->trackedIds()), (IdList{3, 4, 5}));
    QCOMPARE(sorted(h->settings->trackedCampaignIds()), (IdList{3, 4, 5}));
}

void TestDialogs::realConfirmActionDialogGuardsTheIrreversibleAction()
{
    h = std::make_unique<Harness>();
    QVERIFY(h->start({campaign(1, EmulatedState::Active), campaign(2, EmulatedState::Inactive),
                      campaign(3, EmulatedState::Active)}));
    QSignalSpy started(h->service.get(), &CampaignService::actionStarted);
    QSignalSpy finished(h->service.get(), &CampaignService::actionFinished);
    h->clickSelect({1, 2});
    QAction *complete = h->action("actionComplete");
    QVERIFY(complete->isEnabled());

    // 1. Look at the dialog, type the number, then press Escape.
    struct First {
        QString title, campaigns;
        bool skippedVisible = true, confirmVisible = false;
        bool enabledAtStart = true, enabledOnWrongNumber = true, enabledOnRightNumber = false;
        bool cancelIsDefault = false, completeIsDefault = true;
        int result = -1;
    } first;
    auto ran = onNextModal<ConfirmActionDialog>([&](ConfirmActionDialog *d) {
        auto *confirm = d->findChild<QLineEdit *>(QStringLiteral("confirmEdit"));
        first.title = d->windowTitle();
        first.campaigns = d->findChild<QLabel *>(QStringLiteral("campaignsLabel"))->text();
        first.skippedVisible = d->findChild<QLabel *>(QStringLiteral("skippedLabel"))->isVisible();
        first.confirmVisible = confirm->isVisible();
        first.enabledAtStart = d->confirmButton()->isEnabled();
        first.cancelIsDefault = d->cancelButton()->isDefault();
        first.completeIsDefault = d->confirmButton()->isDefault();
        QTest::keyClicks(confirm, QStringLiteral("3"));
        first.enabledOnWrongNumber = d->confirmButton()->isEnabled();
        QTest::keyClick(confirm, Qt::Key_Backspace);
        QTest::keyClicks(confirm, QStringLiteral("2"));
        first.enabledOnRightNumber = d->confirmButton()->isEnabled();
        connect(d, &QDialog::finished, d, [&](int r) { first.result = r; });
        QTest::keyClick(confirm, Qt::Key_Escape);
    });
    complete->trigger();
    // The action's slot has returned while the dialog is still open: nothing waits inside it
    // (a screen reader pressing Complete… gets its answer at once).
    auto *openDialog = h->window->findChild<ConfirmActionDialog *>();
    QVERIFY(openDialog && openDialog->isVisible() && openDialog->isModal());
    QTRY_VERIFY(*ran);
    QCOMPARE(first.title, QStringLiteral("Complete 2 campaigns?"));
    QVERIFY2(first.campaigns.contains(QStringLiteral("Campaign 1"))
                 && first.campaigns.contains(QStringLiteral("Campaign 2")),
             qPrintable(first.campaigns));
    QVERIFY(first.campaigns.contains(QStringLiteral("1 mailing, 1 scenario"))); // English plural forms
    QVERIFY(!first.skippedVisible);
    QVERIFY(first.confirmVisible);
    QVERIFY(!first.enabledAtStart);
    QVERIFY(!first.enabledOnWrongNumber);
    QVERIFY(first.enabledOnRightNumber);
    QVERIFY(first.cancelIsDefault);
    QVERIFY(!first.completeIsDefault);
    QCOMPARE(first.result, int(QDialog::Rejected));
    QVERIFY(Settle::settle(h->client.get(), *h->emulator));
    QCOMPARE(h->emulator->requestCount(QStringLiteral("completed")), 0);
    QCOMPARE(started.size(), 0);

    // 2. Enter, even with the number typed, presses the default button: Cancel.
    int secondResult = -1;
    ran = onNextModal<ConfirmActionDialog>([&](ConfirmActionDialog *d) {
        auto *confirm = d->findChild<QLineEdit *>(QStringLiteral("confirmEdit"));
        QTest::keyClicks(confirm, QStringLiteral("2"));
        connect(d, &QDialog::finished, d, [&](int r) { secondResult = r; });
        QTest::keyClick(confirm, Qt::Key_Return);
    });
    complete->trigger();
    QTRY_VERIFY(*ran);
    QCOMPARE(secondResult, int(QDialog::Rejected));
    QVERIFY(Settle::settle(h->client.get(), *h->emulator));
    QCOMPARE(h->emulator->requestCount(QStringLiteral("completed")), 0);
    QCOMPARE(started.size(), 0);

    // 3. Type the number and a reason, click the complete button.
    bool enabledBeforeClick = false;
    ran = onNextModal<ConfirmActionDialog>([&](ConfirmActionDialog *d) {
        QTest::keyClicks(d->findChild<QLineEdit *>(QStringLiteral("reasonEdit")), QStringLiteral("End of season"));
        QTest::keyClicks(d->findChild<QLineEdit *>(QStringLiteral("confirmEdit")), QStringLiteral("2"));
        enabledBeforeClick = d->confirmButton()->isEnabled();
        QTest::mouseClick(d->confirmButton(), Qt::LeftButton);
    });
    complete->trigger();
    QTRY_VERIFY(*ran);
    QVERIFY(enabledBeforeClick);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    QCOMPARE(started.size(), 1);
    QCOMPARE(started.at(0).at(3).toString(), QStringLiteral("End of season"));
    QTRY_COMPARE_WITH_TIMEOUT(h->statusText(1), QStringLiteral("Completed"), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(h->statusText(2), QStringLiteral("Completed"), 10000);
    QVERIFY(Settle::settle(h->client.get(), *h->emulator));
    QCOMPARE(sorted(h->requestIds(QStringLiteral("completed"))), (IdList{1, 2}));
    QCOMPARE(h->statusText(3), QStringLiteral("Active"));
    QCOMPARE(h->window->summaryText(), QStringLiteral("2 completed"));
}

void TestDialogs::historyAccountFilterNarrowsTheRows()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Journal journal;
    QVERIFY2(journal.open(dir.filePath(QStringLiteral("journal.sqlite"))), qPrintable(journal.errorString()));
    const AccountRef alpha{QStringLiteral("acc-alpha"), QStringLiteral("Alpha")};
    const AccountRef beta{QStringLiteral("acc-beta"), QStringLiteral("Beta \u202Egpj.exe")};
    auto write = [&journal](qint64 campaignId, const AccountRef &account) {
        JournalEntry e;
        e.campaignId = campaignId;
        e.campaignName = QStringLiteral("Campaign %1").arg(campaignId);
        e.action = CampaignAction::Deactivate;
        e.statusBefore = CampaignStatus::Active;
        e.account = account;
        return journal.begin(e) > 0;
    };
    QVERIFY(write(1, alpha));
    QVERIFY(write(2, beta));
    QVERIFY(write(3, alpha));
    QVERIFY(write(4, AccountRef{})); // a row from before accounts

    Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    AltcraftClient client;
    CampaignService service(&client, &settings);
    JournalRecorder recorder(&journal, &service);
    HistoryWindow window(&journal, &recorder, &settings);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *accounts = window.findChild<QComboBox *>(QStringLiteral("accountFilter"));
    auto *table = window.findChild<QTableView *>(QStringLiteral("historyTable"));
    auto *count = window.findChild<QLabel *>(QStringLiteral("countLabel"));
    QVERIFY(accounts && table && count);
    QCOMPARE(accounts->accessibleName(), QStringLiteral("Filter by account"));
    const auto shown = [table] {
        QList<qint64> ids;
        for (int r = 0; r < table->model()->rowCount(); ++r)
            ids << table->model()->index(r, JournalTableModel::CampaignIdColumn).data().toLongLong();
        return ids;
    };

    // "All accounts", then each account by name; a name's direction controls made visible.
    QCOMPARE(accounts->count(), 3);
    QCOMPARE(accounts->itemText(0), QStringLiteral("All accounts"));
    QCOMPARE(accounts->itemText(1), QStringLiteral("Alpha"));
    QCOMPARE(accounts->itemText(2), QStringLiteral("Beta [U+202E]gpj.exe"));
    QCOMPARE(shown(), (IdList{4, 3, 2, 1}));

    // The user picks Alpha with the keyboard.
    accounts->setFocus();
    QTest::keyClick(accounts, Qt::Key_Down);
    QCOMPARE(accounts->currentText(), QStringLiteral("Alpha"));
    QCOMPARE(shown(), (IdList{3, 1}));
    for (int r = 0; r < table->model()->rowCount(); ++r)
        QCOMPARE(table->model()->index(r, JournalTableModel::AccountColumn).data().toString(), QStringLiteral("Alpha"));
    QCOMPARE(count->text(), QStringLiteral("2 actions"));

    // A new account's first row adds it to the list; the choice and the rows shown stay.
    QVERIFY(write(5, {QStringLiteral("acc-gamma"), QStringLiteral("Gamma")}));
    QCOMPARE(accounts->count(), 4);
    QCOMPARE(accounts->itemText(3), QStringLiteral("Gamma"));
    QCOMPARE(accounts->currentText(), QStringLiteral("Alpha"));
    QCOMPARE(shown(), (IdList{3, 1}));
    // Alpha's own new row appears.
    QVERIFY(write(6, alpha));
    QCOMPARE(shown(), (IdList{6, 3, 1}));

    QTest::keyClick(accounts, Qt::Key_Down);
    QCOMPARE(accounts->currentData().toString(), beta.id);
    QCOMPARE(shown(), IdList{2});
    QCOMPARE(count->text(), QStringLiteral("1 action"));

    QTest::keyClick(accounts, Qt::Key_Home);
    QCOMPARE(accounts->currentIndex(), 0);
    QCOMPARE(shown(), (IdList{6, 5, 4, 3, 2, 1}));
}

void TestDialogs::realConfirmDialogAsksForEveryActionWhereTheAccountSaysSo()
{
    h = std::make_unique<Harness>();
    QVERIFY(h->start({campaign(1, EmulatedState::Active), campaign(2, EmulatedState::Active),
                      campaign(3, EmulatedState::Active), campaign(4, EmulatedState::Inactive)}));
    Account account = Account::create(QStringLiteral("Client <b>A</b>"), QUrl(QStringLiteral("https://a.example/")));
    account.confirmEveryAction = true;
    account.typedConfirmationFrom = 3;
    h->window->showAccount(account);
    QSignalSpy finished(h->service.get(), &CampaignService::actionFinished);
    QAction *deactivate = h->action("actionDeactivate");

    // Two campaigns: the account asks, names itself, and the count need not be typed.
    h->clickSelect({1, 2});
    struct Seen {
        QString title, account, button;
        QColor edge;
        bool confirmVisible = true, enabled = false;
    } seen;
    auto ran = onNextModal<ConfirmActionDialog>([&](ConfirmActionDialog *d) {
        seen.title = d->windowTitle();
        auto *accountLabel = d->findChild<QLabel *>(QStringLiteral("accountLabel"));
        seen.account = accountLabel->text();
        seen.edge = accountLabel->grab().toImage().pixelColor(2, accountLabel->height() / 2);
        seen.button = d->confirmButton()->text();
        seen.confirmVisible = d->findChild<QLineEdit *>(QStringLiteral("confirmEdit"))->isVisible();
        seen.enabled = d->confirmButton()->isEnabled();
        QTest::mouseClick(d->confirmButton(), Qt::LeftButton);
    });
    deactivate->trigger();
    QTRY_VERIFY(*ran);
    QCOMPARE(seen.title, QStringLiteral("Deactivate 2 campaigns?"));
    QCOMPARE(seen.account, QStringLiteral("In account: Client <b>A</b> (Production)"));
    QCOMPARE(seen.edge, QColor(account.colour)); // the account's colour edges its name
    QCOMPARE(seen.button, QStringLiteral("Deactivate 2 campaigns"));
    QVERIFY(!seen.confirmVisible);
    QVERIFY(seen.enabled);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    QCOMPARE(sorted(h->requestIds(QStringLiteral("deactivate"))), (IdList{1, 2}));

    // Three campaigns reach the account's threshold: the count must be typed; Escape sends nothing.
    h->clickSelect({1, 2, 3, 4});
    bool enabledAtStart = true, enabledTyped = false;
    ran = onNextModal<ConfirmActionDialog>([&](ConfirmActionDialog *d) {
        auto *confirm = d->findChild<QLineEdit *>(QStringLiteral("confirmEdit"));
        enabledAtStart = d->confirmButton()->isEnabled();
        QTest::keyClicks(confirm, QStringLiteral("3"));
        enabledTyped = d->confirmButton()->isEnabled();
        QTest::keyClick(confirm, Qt::Key_Escape);
    });
    h->action("actionActivate")->trigger(); // 1, 2 are inactive now, and 4: three to activate
    QTRY_VERIFY(*ran);
    QVERIFY(!enabledAtStart);
    QVERIFY(enabledTyped);
    QVERIFY(Settle::settle(h->client.get(), *h->emulator));
    QCOMPARE(h->emulator->requestCount(QStringLiteral("activate")), 0);
    QCOMPARE(finished.size(), 1);

    // Without the rule, Deactivate goes at once, as before.
    account.confirmEveryAction = false;
    account.typedConfirmationFrom = 0;
    h->window->showAccount(account);
    h->clickSelect({3});
    deactivate->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000);
    QVERIFY(!QApplication::activeModalWidget());
    QCOMPARE(sorted(h->requestIds(QStringLiteral("deactivate"))), (IdList{1, 2, 3}));
}

// Campaign → Activate at a Date…: the dates are checked before anything can be sent, a
// completion date asks for the count as Complete does, and what is sent is what was chosen.
void TestDialogs::realScheduleDialogChecksTheDatesAndSendsThem()
{
    h = std::make_unique<Harness>();
    QVERIFY(h->start({campaign(1, EmulatedState::Inactive), campaign(2, EmulatedState::Inactive),
                      campaign(3, EmulatedState::Active)}));
    QSignalSpy finished(h->service.get(), &CampaignService::actionFinished);
    h->clickSelect({1, 2, 3});
    QAction *activateAt = h->action("actionActivateAt");
    QVERIFY(activateAt->isEnabled());
    const QDateTime start = QDateTime::currentDateTime().addSecs(2 * 3600);
    struct Seen {
        QString title, button;
        bool enabledNow = false, enabledPast = true, enabledPauseFirst = true, enabledCompleting = true;
        bool countAskedWhenCompleting = false, countAskedOtherwise = true;
        QString pastProblem, pauseProblem, zone;
    } seen;
    auto ran = onNextModal<ConfirmActionDialog>([&](ConfirmActionDialog *d) {
        auto *startAt = d->findChild<QRadioButton *>(QStringLiteral("startAtRadio"));
        auto *startEdit = d->findChild<QDateTimeEdit *>(QStringLiteral("startEdit"));
        auto *pause = d->findChild<QCheckBox *>(QStringLiteral("pauseCheck"));
        auto *pauseEdit = d->findChild<QDateTimeEdit *>(QStringLiteral("pauseEdit"));
        auto *complete = d->findChild<QCheckBox *>(QStringLiteral("completeCheck"));
        auto *confirm = d->findChild<QLineEdit *>(QStringLiteral("confirmEdit"));
        auto *problem = d->findChild<QLabel *>(QStringLiteral("scheduleProblem"));
        seen.title = d->windowTitle();
        seen.button = d->confirmButton()->text();
        seen.zone = d->findChild<QLabel *>(QStringLiteral("zoneLabel"))->text();
        seen.enabledNow = d->confirmButton()->isEnabled(); // Start now, nothing else: fine
        seen.countAskedOtherwise = confirm->isVisible();
        startAt->click();
        startEdit->setDateTime(QDateTime::currentDateTime().addSecs(-3600));
        seen.enabledPast = d->confirmButton()->isEnabled();
        seen.pastProblem = problem->text();
        startEdit->setDateTime(start);
        pause->click();
        pauseEdit->setDateTime(start.addSecs(-60));
        seen.enabledPauseFirst = d->confirmButton()->isEnabled();
        seen.pauseProblem = problem->text();
        pauseEdit->setDateTime(start.addDays(1));
        complete->click();
        seen.countAskedWhenCompleting = confirm->isVisible();
        seen.enabledCompleting = d->confirmButton()->isEnabled();
        complete->click(); // changed my mind: no completion date
        QTest::mouseClick(d->confirmButton(), Qt::LeftButton);
    });
    activateAt->trigger();
    QTRY_VERIFY(*ran);
    QCOMPARE(seen.title, QStringLiteral("Schedule 2 campaigns?"));
    QCOMPARE(seen.button, QStringLiteral("Schedule 2 campaigns"));
    QVERIFY(seen.zone.startsWith(QStringLiteral("Times are in your time zone")));
    QVERIFY(seen.enabledNow);
    QVERIFY(!seen.countAskedOtherwise);
    QVERIFY(!seen.enabledPast);
    QCOMPARE(seen.pastProblem, QStringLiteral("The start is in the past: choose a later time, or Start now."));
    QVERIFY(!seen.enabledPauseFirst);
    QCOMPARE(seen.pauseProblem, QStringLiteral("The pause must come after the start."));
    QVERIFY(seen.countAskedWhenCompleting);
    QVERIFY(!seen.enabledCompleting);

    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    QVERIFY(Settle::settle(h->client.get(), *h->emulator));
    QCOMPARE(sorted(h->requestIds(QStringLiteral("activate"))), (IdList{1, 2}));
    // The minute chosen, in UTC on the wire; no completion date.
    const QDateTime startMinute(start.date(), QTime(start.time().hour(), start.time().minute()));
    for (const RecordedRequest &r : h->emulator->requests()) {
        if (r.apiMethod() != QLatin1String("activate"))
            continue;
        QCOMPARE(QDateTime::fromString(r.json().value(QStringLiteral("activate_date")).toString(), Qt::ISODateWithMs),
                 startMinute.toUTC());
        QVERIFY(r.json().contains(QStringLiteral("deactivate_date")));
        QVERIFY(!r.json().contains(QStringLiteral("completed_date")));
    }
    QTRY_COMPARE(h->statusText(1), QStringLiteral("Awaiting activation"));
    QCOMPARE(h->statusText(3), QStringLiteral("Active"));
    // The details say when it starts, and where that date comes from.
    h->clickSelect({1});
    QTRY_VERIFY(h->window->findChild<QTextBrowser *>(QStringLiteral("detailsView"))
                    ->toPlainText()
                    .contains(QStringLiteral("(set from this computer)")));
}

// View → Saved Views → Save View…: the real name dialog (QInputDialog behind MessageBox::askText).
void TestDialogs::realSaveViewDialogNamesTheView()
{
    h = std::make_unique<Harness>();
    QList<EmulatedCampaign> campaigns{campaign(1, EmulatedState::Active), campaign(2, EmulatedState::Inactive)};
    QVERIFY(h->start(campaigns));
    h->window->findChild<QLineEdit *>(QStringLiteral("searchEdit"))->setText(QStringLiteral("sale"));

    struct Seen {
        bool okEnabledWhenEmpty = true, okEnabledWithName = false;
        QString label;
        Qt::TextFormat labelFormat = Qt::AutoText;
    } seen;
    const auto ran = onNextModal<QInputDialog>([&](QInputDialog *dialog) {
        auto *edit = dialog->findChild<QLineEdit *>();
        auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        for (QLabel *l : dialog->findChildren<QLabel *>()) {
            if (!l->text().isEmpty()) {
                seen.label = l->text();
                seen.labelFormat = l->textFormat();
            }
        }
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Delete);
        QTest::keyClicks(edit, QStringLiteral("   "));
        seen.okEnabledWhenEmpty = ok->isEnabled();
        QTest::keyClicks(edit, QStringLiteral("<b>Weekly</b> sale "));
        seen.okEnabledWithName = ok->isEnabled();
        QTest::keyClick(edit, Qt::Key_Return);
    });
    h->window->views()->saveAction()->trigger();
    QVERIFY(*ran);
    QVERIFY(!seen.okEnabledWhenEmpty);
    QVERIFY(seen.okEnabledWithName);
    QCOMPARE(seen.labelFormat, Qt::PlainText);
    QVERIFY2(seen.label.startsWith(QStringLiteral("Name the current search")), qPrintable(seen.label));
    // Saved trimmed, under the name as typed (markup is text), and the chooser shows it.
    QCOMPARE(h->window->views()->currentName(), QStringLiteral("<b>Weekly</b> sale"));
    QCOMPARE(h->window->views()->chooser()->currentText(), QStringLiteral("<b>Weekly</b> sale"));
}

// What ends the program (demo mode without its emulator) is said in a box that waits for OK.
void TestDialogs::realWarningBeforeExitWaitsToBeRead()
{
    struct Seen {
        QString title, text;
        Qt::TextFormat format = Qt::AutoText;
        bool modal = false;
    } seen;
    const auto ran = onNextModal<QMessageBox>([&](QMessageBox *box) {
        seen.title = box->windowTitle();
        seen.text = box->text();
        seen.format = box->textFormat();
        seen.modal = box->isModal();
        QTest::keyClick(box, Qt::Key_Return);
    });
    const QString why = QStringLiteral("Install <i>campaign-manager-emulator</i>.");
    MessageBox::warningBeforeExit(nullptr, QStringLiteral("The demo cannot start"), why);
    // It returned only once the box was answered.
    QVERIFY(*ran);
    QCOMPARE(seen.title, QStringLiteral("The demo cannot start"));
    QCOMPARE(seen.text, why);
    QCOMPARE(seen.format, Qt::PlainText);
    QVERIFY(seen.modal);
}

QTEST_MAIN(TestDialogs)
#include "tst_dialogs.moc"
