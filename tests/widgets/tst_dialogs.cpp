// The dialogs, offscreen: AddByIdDialog on its own and opened from the main window, and the real
// CompleteDialog behind the window's default DialogConfirmer (the one test not using the seam).
// Modal dialogs are answered by a timer that finds QApplication::activeModalWidget().

#include "addbyiddialog.h"
#include "completedialog.h"
#include "settlesupport.h"
#include "widgettestsupport.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
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
    void realCompleteDialogGuardsTheIrreversibleAction();

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

void TestDialogs::realCompleteDialogGuardsTheIrreversibleAction()
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
    auto ran = onNextModal<CompleteDialog>([&](CompleteDialog *d) {
        auto *confirm = d->findChild<QLineEdit *>(QStringLiteral("confirmEdit"));
        first.title = d->windowTitle();
        first.campaigns = d->findChild<QLabel *>(QStringLiteral("campaignsLabel"))->text();
        first.skippedVisible = d->findChild<QLabel *>(QStringLiteral("skippedLabel"))->isVisible();
        first.confirmVisible = confirm->isVisible();
        first.enabledAtStart = d->completeButton()->isEnabled();
        first.cancelIsDefault = d->cancelButton()->isDefault();
        first.completeIsDefault = d->completeButton()->isDefault();
        QTest::keyClicks(confirm, QStringLiteral("3"));
        first.enabledOnWrongNumber = d->completeButton()->isEnabled();
        QTest::keyClick(confirm, Qt::Key_Backspace);
        QTest::keyClicks(confirm, QStringLiteral("2"));
        first.enabledOnRightNumber = d->completeButton()->isEnabled();
        connect(d, &QDialog::finished, d, [&](int r) { first.result = r; });
        QTest::keyClick(confirm, Qt::Key_Escape);
    });
    complete->trigger();
    // The action's slot has returned while the dialog is still open: nothing waits inside it
    // (a screen reader pressing Complete… gets its answer at once).
    auto *openDialog = h->window->findChild<CompleteDialog *>();
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
    ran = onNextModal<CompleteDialog>([&](CompleteDialog *d) {
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
    ran = onNextModal<CompleteDialog>([&](CompleteDialog *d) {
        QTest::keyClicks(d->findChild<QLineEdit *>(QStringLiteral("reasonEdit")), QStringLiteral("End of season"));
        QTest::keyClicks(d->findChild<QLineEdit *>(QStringLiteral("confirmEdit")), QStringLiteral("2"));
        enabledBeforeClick = d->completeButton()->isEnabled();
        QTest::mouseClick(d->completeButton(), Qt::LeftButton);
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

QTEST_MAIN(TestDialogs)
#include "tst_dialogs.moc"
