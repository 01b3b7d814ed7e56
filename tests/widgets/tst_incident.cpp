// The incident pause and Restore Snapshot through the real window and dialogs, offscreen, against
// the real CampaignService and an in-process AltcraftEmulator over loopback, with the snapshots
// in a real journal file.

#include "incidentpausedialog.h"
#include "journal.h"
#include "messagebox.h"
#include "restoresnapshotdialog.h"
#include "widgettestsupport.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStringListModel>
#include <QTreeView>

using namespace WidgetTest;

namespace {

constexpr int kWaitMs = 20000;
const QString kColleague = QStringLiteral("colleague");

Account productionAccount(const QUrl &url)
{
    Account a = Account::create(QStringLiteral("Shop <b>EU</b>"), url);
    a.environment = Account::Environment::Production;
    a.colour = QStringLiteral("#c62828");
    return a;
}

QStringList rows(QAbstractItemModel *model, int column = 0)
{
    QStringList lines;
    for (int r = 0; r < model->rowCount(); ++r)
        lines << model->index(r, column).data().toString();
    return lines;
}

template<typename T>
T *waitForDialog(QWidget *parent)
{
    // The visible one: a dialog closed a moment ago may still wait for its deletion.
    T *found = nullptr;
    (void)QTest::qWaitFor(
        [&] {
            found = nullptr;
            for (T *d : parent->findChildren<T *>()) {
                if (d->isVisible())
                    found = d;
            }
            return found != nullptr;
        },
        kWaitMs);
    return found;
}

} // namespace

class TestIncident : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { dropOffscreenSizeHintWarnings(); }
    void init();
    void cleanup();

    void previewAsksForTheCountCancelIsDefaultEscapeSendsNothing();
    void pauseMatchingTheFilterPausesOnlyTheRowsShown();
    void restoreReportNamesWhatItLeavesAloneAndActivatesExactlyTheRest();
    void restoreIsRefusedInAnotherAccount();

private:
    [[nodiscard]] bool pauseThroughTheDialog(QAction *action, int expectedCount, qint64 *snapshotId);

    std::unique_ptr<Harness> h;
    std::unique_ptr<Journal> m_journal;
    Account m_account;
};

void TestIncident::init()
{
    MessageBox::clearAnswered();
    h = std::make_unique<Harness>();
    QVERIFY(h->start({campaign(1, EmulatedState::Active), campaign(2, EmulatedState::Active),
                      campaign(3, EmulatedState::Waiting), campaign(4, EmulatedState::Inactive),
                      campaign(5, EmulatedState::Completed),
                      campaign(6, EmulatedState::Active, QStringLiteral("<b>Sale</b> & <img src=x>"))}));
    m_account = productionAccount(h->emulator->baseUrl());
    h->window->showAccount(m_account);
    m_journal = std::make_unique<Journal>();
    QVERIFY2(m_journal->open(h->dir.filePath(QStringLiteral("journal.sqlite"))), qPrintable(m_journal->errorString()));
    h->window->setJournal(m_journal.get());
}

void TestIncident::cleanup()
{
    h.reset();
    m_journal.reset();
}

bool TestIncident::pauseThroughTheDialog(QAction *action, int expectedCount, qint64 *snapshotId)
{
    QSignalSpy saved(h->window.get(), &MainWindow::incidentSnapshotSaved);
    action->trigger();
    auto *dialog = waitForDialog<IncidentPauseDialog>(h->window.get());
    if (!dialog || dialog->campaignList()->rowCount() != expectedCount)
        return false;
    dialog->findChild<QLineEdit *>(QStringLiteral("confirmEdit"))->setText(QString::number(expectedCount));
    dialog->findChild<QLineEdit *>(QStringLiteral("reasonEdit"))->setText(QStringLiteral("wrong offer"));
    if (!dialog->confirmButton()->isEnabled())
        return false;
    QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
    if (!saved.wait(kWaitMs))
        return false;
    *snapshotId = saved.first().first().toLongLong();
    return *snapshotId > 0;
}

void TestIncident::previewAsksForTheCountCancelIsDefaultEscapeSendsNothing()
{
    QAction *pause = h->action("actionPauseEverything");
    QVERIFY(pause && pause->isEnabled());
    pause->trigger();
    auto *dialog = waitForDialog<IncidentPauseDialog>(h->window.get());
    QVERIFY(dialog);
    // The account in words (its name as typed, not markup) and its colour.
    auto *account = dialog->findChild<QLabel *>(QStringLiteral("accountLabel"));
    QCOMPARE(account->textFormat(), Qt::PlainText);
    QVERIFY(account->text().contains(QStringLiteral("Shop <b>EU</b>")));
    QVERIFY(account->text().contains(m_account.environmentLabel()));
    QVERIFY(account->styleSheet().contains(m_account.colour));
    // Only the active and waiting campaigns, listed as plain text.
    QCOMPARE(dialog->campaignList()->rowCount(), 4);
    const QStringList lines = rows(dialog->campaignList());
    QVERIFY(lines.filter(QStringLiteral("<b>Sale</b> & <img src=x>")).size() == 1);
    QVERIFY(lines.filter(QRegularExpression(QStringLiteral("^[45] "))).isEmpty());
    auto *counts = dialog->findChild<QLabel *>(QStringLiteral("countsLabel"));
    // (English plural forms come with the catalogue, regenerated at merge: the number is checked.)
    QVERIFY2(counts->text().contains(QStringLiteral("3 active campaign")), qPrintable(counts->text()));
    QVERIFY2(counts->text().contains(QStringLiteral("1 waiting campaign")), qPrintable(counts->text()));
    // The count is always typed; Cancel is the default.
    QVERIFY2(dialog->confirmButton()->text().startsWith(QStringLiteral("Pause 4 campaign")),
             qPrintable(dialog->confirmButton()->text()));
    QVERIFY(!dialog->confirmButton()->isEnabled());
    QVERIFY(dialog->cancelButton()->isDefault());
    QVERIFY(!dialog->confirmButton()->isDefault());
    auto *typed = dialog->findChild<QLineEdit *>(QStringLiteral("confirmEdit"));
    QVERIFY(!typed->accessibleName().isEmpty());
    typed->setText(QStringLiteral("3"));
    QVERIFY(!dialog->confirmButton()->isEnabled());
    typed->setText(QStringLiteral("4"));
    QVERIFY(dialog->confirmButton()->isEnabled());
    // Enter in the count field does not confirm, and Escape cancels: nothing is sent.
    QPointer<IncidentPauseDialog> guard(dialog);
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY(guard.isNull() || !guard->isVisible());
    QVERIFY(!h->service->isRunningAction());
    QVERIFY(h->requestIds(QStringLiteral("deactivate")).isEmpty());
    QVERIFY(m_journal->snapshots().isEmpty());

    // Confirmed, it pauses exactly those four and keeps the snapshot.
    qint64 id = 0;
    QVERIFY(pauseThroughTheDialog(pause, 4, &id));
    QCOMPARE(sorted(h->requestIds(QStringLiteral("deactivate"))), (QList<qint64>{1, 2, 3, 6}));
    const QList<IncidentSnapshot> snapshots = m_journal->snapshots();
    QCOMPARE(snapshots.size(), 1);
    QCOMPARE(snapshots.first().id, id);
    QCOMPARE(snapshots.first().account, m_account.ref());
    QCOMPARE(snapshots.first().reason, QStringLiteral("wrong offer"));
    QCOMPARE(snapshots.first().scope, IncidentSnapshot::Scope::Everything);
    QCOMPARE(snapshots.first().pausedCount(), 4);
    for (const IncidentSnapshotItem &item : snapshots.first().items)
        QCOMPARE(item.updatedAfter, h->emulator->store().find(item.campaignId)->updated);
}

void TestIncident::pauseMatchingTheFilterPausesOnlyTheRowsShown()
{
    h->window->proxy()->setStatusFilter({CampaignStatus::Waiting});
    QTRY_COMPARE(h->window->proxy()->rowCount(), 1);
    qint64 id = 0;
    QVERIFY(pauseThroughTheDialog(h->action("actionPauseFiltered"), 1, &id));
    QCOMPARE(h->requestIds(QStringLiteral("deactivate")), QList<qint64>{3});
    QCOMPARE(m_journal->snapshots().first().scope, IncidentSnapshot::Scope::Filter);
}

void TestIncident::restoreReportNamesWhatItLeavesAloneAndActivatesExactlyTheRest()
{
    qint64 id = 0;
    QVERIFY(pauseThroughTheDialog(h->action("actionPauseEverything"), 4, &id));
    // Someone else, later: 2 started and stopped again, 6 started.
    h->emulator->store().setClock([] { return QDateTime::currentDateTimeUtc().addSecs(60); });
    QCOMPARE(h->emulator->store().apply(2, EmulatedAction::Activate, kColleague).error, 0);
    QCOMPARE(h->emulator->store().apply(2, EmulatedAction::Deactivate, kColleague).error, 0);
    QCOMPARE(h->emulator->store().apply(6, EmulatedAction::Activate, kColleague).error, 0);
    h->emulator->clearRequests();

    h->action("actionRestoreSnapshot")->trigger();
    auto *list = waitForDialog<RestoreSnapshotDialog>(h->window.get());
    QVERIFY(list);
    QCOMPARE(list->view()->model()->rowCount(), 1);
    QCOMPARE(list->view()->model()->index(0, 1).data().toString(), m_account.name);
    QCOMPARE(list->view()->model()->index(0, 2).data().toString(), QStringLiteral("4"));
    QVERIFY(list->closeButton()->isDefault());
    QVERIFY(list->restoreButton()->isEnabled());
    QTest::mouseClick(list->restoreButton(), Qt::LeftButton);

    auto *report = waitForDialog<RestoreReportDialog>(h->window.get());
    QVERIFY(report);
    QVERIFY(h->requestIds(QStringLiteral("activate")).isEmpty()); // nothing before the report is confirmed
    // It names the account it reaches, as every confirmation does.
    QVERIFY(!report->accountLabel()->isHidden());
    QVERIFY2(report->accountLabel()->text().contains(m_account.name), qPrintable(report->accountLabel()->text()));
    QCOMPARE(report->toActivateList()->rowCount(), 2); // 1 and 3
    QCOMPARE(report->leftAloneList()->rowCount(), 2);
    const QStringList why = rows(report->leftAloneList(), 1);
    QCOMPARE(why.filter(QStringLiteral("Changed by someone else")).size(), 2);
    QCOMPARE(why.filter(kColleague).size(), 2);
    QVERIFY(rows(report->leftAloneList(), 0).filter(QStringLiteral("<b>Sale</b>")).size() == 1);
    QVERIFY2(report->countsText().contains(QStringLiteral("2 campaign"))
                 && report->countsText().contains(QStringLiteral("activated again")),
             qPrintable(report->countsText()));
    QVERIFY(report->cancelButton()->isDefault());
    QVERIFY2(report->confirmButton()->text().startsWith(QStringLiteral("Activate 2 campaign")),
             qPrintable(report->confirmButton()->text()));

    QSignalSpy finished(h->service.get(), &CampaignService::actionFinished);
    QTest::mouseClick(report->confirmButton(), Qt::LeftButton);
    QVERIFY(finished.wait(kWaitMs));
    QCOMPARE(sorted(h->requestIds(QStringLiteral("activate"))), (QList<qint64>{1, 3}));

    // Again: the report offers nothing to activate, and nothing is sent.
    h->emulator->clearRequests();
    h->action("actionRestoreSnapshot")->trigger();
    list = waitForDialog<RestoreSnapshotDialog>(h->window.get());
    QVERIFY(list);
    QTest::mouseClick(list->restoreButton(), Qt::LeftButton);
    auto *again = waitForDialog<RestoreReportDialog>(h->window.get());
    QVERIFY(again);
    QVERIFY(!again->confirmButton());
    QCOMPARE(again->toActivateList()->rowCount(), 0);
    QTest::keyClick(again, Qt::Key_Escape);
    QVERIFY(h->requestIds(QStringLiteral("activate")).isEmpty());
}

void TestIncident::restoreIsRefusedInAnotherAccount()
{
    qint64 id = 0;
    QVERIFY(pauseThroughTheDialog(h->action("actionPauseEverything"), 4, &id));
    Account other = Account::create(QStringLiteral("Staging"), h->emulator->baseUrl());
    other.environment = Account::Environment::Staging;
    h->window->showAccount(other);
    h->emulator->clearRequests();

    MessageBox::setNextAnswer(MessageBox::Answer::Ok);
    h->action("actionRestoreSnapshot")->trigger();
    auto *list = waitForDialog<RestoreSnapshotDialog>(h->window.get());
    QVERIFY(list);
    QTest::mouseClick(list->restoreButton(), Qt::LeftButton);
    QTRY_COMPARE(MessageBox::answered().size(), 1);
    const MessageBox::Record box = MessageBox::answered().first();
    QVERIFY2(box.text.contains(m_account.name) && box.text.contains(QStringLiteral("Staging")), qPrintable(box.text));
    QVERIFY(!h->window->findChild<RestoreReportDialog *>());
    QVERIFY(h->emulator->requests().isEmpty()); // not even a read
}

QTEST_MAIN(TestIncident)
#include "tst_incident.moc"
