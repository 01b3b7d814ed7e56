// MainWindow, offscreen, against the real CampaignService + AltcraftClient and an in-process
// AltcraftEmulator over loopback. Each test seeds the emulator with campaigns whose statuses it
// sets itself, loads them through the window's service, and drives the window with QTest.

#include "settlesupport.h"
#include "widgettestsupport.h"

#include <QAccessible>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolButton>
#include <QTranslator>

using namespace WidgetTest;
using IdList = QList<qint64>;

namespace {

IdList range(qint64 first, qint64 last)
{
    IdList ids;
    for (qint64 id = first; id <= last; ++id)
        ids.append(id);
    return ids;
}

// 1 active, 2 waiting, 3 inactive, 4 cloning, 5 completed, 6 deleted.
QList<EmulatedCampaign> oneOfEachStatus()
{
    return {campaign(1, EmulatedState::Active),    campaign(2, EmulatedState::Waiting),
            campaign(3, EmulatedState::Inactive),  campaign(4, EmulatedState::Cloning),
            campaign(5, EmulatedState::Completed), campaign(6, EmulatedState::Deleted)};
}

Fault deactivateRefused(qint64 id, const QString &text)
{
    Fault f;
    f.kind = Fault::Kind::ApiError;
    f.method = QStringLiteral("deactivate");
    f.campaignId = id;
    f.apiErrorCode = 403;
    f.apiErrorText = text;
    return f;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void actionStatesFollowSelection_data();
    void actionStatesFollowSelection();
    void completeCancelledSendsNothing();
    void completeConfirmedSendsOnePerEligibleCampaign();
    void doubleTriggerOfDeactivateSendsOncePerCampaign();
    void doubleClickOnDeactivateButtonSendsOncePerCampaign();
    void lateSecondClickRightAfterTheReplySendsNothing();
    void bulkDeactivateOf50WithOneFailureSummarises();
    void undoReactivatesExactlyTheDeactivated();
    void undoRightAfterTheBulkFinishesReactivatesAll();
    void rowShowsTransientStateThenReReadStatus();
    void singleFailureKeepsStatusAndShowsServerText();
    void readOnlyAccountTurnsTheActionsOffSaysWhyAndSendsNothing();
    void accountBandSaysTheAccountInColourAndWords();

private:
    std::unique_ptr<Harness> h;
    QTranslator m_english;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    dropOffscreenSizeHintWarnings();
    qRegisterMetaType<ApiError>();
    qRegisterMetaType<BulkSummary>();
    qRegisterMetaType<QList<BulkItemResult>>();
    qRegisterMetaType<CampaignAction>();
    // The app's English plural forms ("1 campaign", "2 campaigns"), as the app installs them.
    QVERIFY(m_english.load(QStringLiteral(":/i18n/campaignmanager_en.qm")));
    QVERIFY(QCoreApplication::installTranslator(&m_english));
}

void TestMainWindow::init()
{
    h = std::make_unique<Harness>();
}

void TestMainWindow::cleanup()
{
    h.reset();
}

void TestMainWindow::actionStatesFollowSelection_data()
{
    QTest::addColumn<IdList>("selection");
    QTest::addColumn<bool>("deactivate");
    QTest::addColumn<bool>("activate");
    QTest::addColumn<bool>("complete");

    // 1 active, 2 waiting, 3 inactive, 4 cloning, 5 completed, 6 deleted.
    QTest::newRow("nothing selected") << IdList{} << false << false << false;
    QTest::newRow("active") << IdList{1} << true << false << true;
    QTest::newRow("waiting") << IdList{2} << true << false << true;
    QTest::newRow("inactive") << IdList{3} << false << true << true;
    QTest::newRow("cloning") << IdList{4} << false << false << false;
    QTest::newRow("completed") << IdList{5} << false << false << false;
    QTest::newRow("deleted") << IdList{6} << false << false << false;
    QTest::newRow("active + waiting") << IdList{1, 2} << true << false << true;
    QTest::newRow("active + inactive") << IdList{1, 3} << true << true << true;
    QTest::newRow("waiting + completed") << IdList{2, 5} << true << false << true;
    QTest::newRow("inactive + deleted") << IdList{3, 6} << false << true << true;
    QTest::newRow("cloning + completed + deleted") << IdList{4, 5, 6} << false << false << false;
    QTest::newRow("every status") << IdList{1, 2, 3, 4, 5, 6} << true << true << true;
}

void TestMainWindow::actionStatesFollowSelection()
{
    QFETCH(IdList, selection);
    QFETCH(bool, deactivate);
    QFETCH(bool, activate);
    QFETCH(bool, complete);
    QVERIFY(h->start(oneOfEachStatus()));

    // Start from the opposite state of one action, so the check below cannot pass by default.
    h->clickSelect({1, 3});
    QVERIFY(h->action("actionActivate")->isEnabled());
    h->clickSelect(selection);
    if (selection.isEmpty())
        h->table()->clearSelection();
    QCOMPARE(h->window->selectedIds(), selection);

    QCOMPARE(h->action("actionDeactivate")->isEnabled(), deactivate);
    QCOMPARE(h->action("actionActivate")->isEnabled(), activate);
    QCOMPARE(h->action("actionComplete")->isEnabled(), complete);
    // The toolbar buttons follow their actions.
    QCOMPARE(h->toolButton("actionDeactivate")->isEnabled(), deactivate);
    QCOMPARE(h->toolButton("actionActivate")->isEnabled(), activate);
    QCOMPARE(h->toolButton("actionComplete")->isEnabled(), complete);
}

void TestMainWindow::completeCancelledSendsNothing()
{
    QVERIFY(h->start({campaign(1, EmulatedState::Active), campaign(2, EmulatedState::Inactive),
                      campaign(3, EmulatedState::Completed)}));
    auto log = std::make_shared<ScriptedConfirmer::Log>();
    h->window->setConfirmer(std::make_unique<ScriptedConfirmer>(false, log));
    QSignalSpy started(h->service.get(), &CampaignService::actionStarted);

    h->clickSelect({1, 2, 3});
    QVERIFY(h->action("actionComplete")->isEnabled());
    h->action("actionComplete")->trigger();

    // The confirmer was asked about the two eligible campaigns and told about the skipped one.
    QCOMPARE(log->calls, 1);
    QCOMPARE(log->lastIds, (IdList{1, 2}));
    QCOMPARE(log->lastSkippedText,
             QStringLiteral("1 skipped: completed, deleted and cloning campaigns cannot be completed."));
    // Nothing is sent, now or a little later.
    QVERIFY(Settle::settle(h->client.get(), *h->emulator));
    QCOMPARE(h->emulator->requestCount(QStringLiteral("completed")), 0);
    QCOMPARE(started.size(), 0);
    QVERIFY(!h->model()->isBusy(1));
    QVERIFY(!h->model()->isBusy(2));
    QCOMPARE(h->statusText(1), QStringLiteral("Active"));
    QCOMPARE(h->statusText(2), QStringLiteral("Inactive"));
    QCOMPARE(h->emulator->store().find(1)->state, EmulatedState::Active);
    QCOMPARE(h->emulator->store().find(2)->state, EmulatedState::Inactive);
    QVERIFY(h->window->summaryText().isEmpty());
    QVERIFY(h->action("actionComplete")->isEnabled());
}

void TestMainWindow::completeConfirmedSendsOnePerEligibleCampaign()
{
    QList<EmulatedCampaign> campaigns = oneOfEachStatus();
    campaigns.append(campaign(7, EmulatedState::Active)); // not selected
    QVERIFY(h->start(campaigns));
    auto log = std::make_shared<ScriptedConfirmer::Log>();
    h->window->setConfirmer(std::make_unique<ScriptedConfirmer>(true, log, QStringLiteral("Season over")));
    QSignalSpy started(h->service.get(), &CampaignService::actionStarted);
    QSignalSpy finished(h->service.get(), &CampaignService::actionFinished);

    h->clickSelect({1, 2, 3, 4, 5, 6});
    h->action("actionComplete")->trigger();
    QCOMPARE(log->calls, 1);
    QCOMPARE(log->lastIds, (IdList{1, 2, 3}));

    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    for (qint64 id : {1, 2, 3})
        QTRY_COMPARE_WITH_TIMEOUT(h->statusText(id), QStringLiteral("Completed"), 10000);
    QCOMPARE(h->window->summaryText(), QStringLiteral("3 completed"));
    QCOMPARE(started.size(), 1);
    QCOMPARE(started.at(0).at(3).toString(), QStringLiteral("Season over"));
    QVERIFY(Settle::settle(h->client.get(), *h->emulator)); // nothing more goes out after the run
    QCOMPARE(sorted(h->requestIds(QStringLiteral("completed"))), (IdList{1, 2, 3}));
    for (qint64 id : {1, 2, 3})
        QCOMPARE(h->emulator->store().find(id)->state, EmulatedState::Completed);
    QCOMPARE(h->statusText(7), QStringLiteral("Active"));
    QCOMPARE(h->statusText(4), QStringLiteral("Being cloned"));
    // Completed campaigns offer nothing any more.
    QVERIFY(!h->action("actionComplete")->isEnabled());
}

void TestMainWindow::doubleTriggerOfDeactivateSendsOncePerCampaign()
{
    QVERIFY(h->start({campaign(1, EmulatedState::Active), campaign(2, EmulatedState::Waiting),
                      campaign(3, EmulatedState::Active), campaign(4, EmulatedState::Inactive)}));
    h->emulator->setLatency(100);
    QSignalSpy finished(h->service.get(), &CampaignService::actionFinished);

    h->clickSelect({1, 2, 3, 4});
    QAction *deactivate = h->action("actionDeactivate");
    QVERIFY(deactivate->isEnabled());
    deactivate->trigger();
    deactivate->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    for (qint64 id : {1, 2, 3})
        QTRY_COMPARE_WITH_TIMEOUT(h->statusText(id), QStringLiteral("Inactive"), 10000);
    QVERIFY(Settle::settle(h->client.get(), *h->emulator));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(sorted(h->requestIds(QStringLiteral("deactivate"))), (IdList{1, 2, 3}));
}

void TestMainWindow::doubleClickOnDeactivateButtonSendsOncePerCampaign()
{
    QVERIFY(h->start({campaign(1, EmulatedState::Active), campaign(2, EmulatedState::Active)}));
    QSignalSpy finished(h->service.get(), &CampaignService::actionFinished);
    h->clickSelect({1, 2});
    QToolButton *button = h->toolButton("actionDeactivate");
    QVERIFY(button);
    QVERIFY(button->isEnabled());

    // Through the window, so the button gets what a real double-click delivers: press, release,
    // press (turned into a double-click event) and release. QTest::mouseDClick(QWidget *) would
    // send only the double-click event, which a button does not treat as a click at all.
    QTest::mouseDClick(h->window->windowHandle(), Qt::LeftButton, Qt::NoModifier,
                       button->mapTo(h->window.get(), button->rect().center()));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    for (qint64 id : {1, 2})
        QTRY_COMPARE_WITH_TIMEOUT(h->statusText(id), QStringLiteral("Inactive"), 10000);
    QVERIFY(Settle::settle(h->client.get(), *h->emulator));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(sorted(h->requestIds(QStringLiteral("deactivate"))), (IdList{1, 2}));
}

void TestMainWindow::lateSecondClickRightAfterTheReplySendsNothing()
{
    // A slow double-click: the second click lands just after the server answered the first,
    // before anything else happened. The row must not offer Deactivate again.
    QVERIFY(h->start({campaign(1, EmulatedState::Active)}));
    h->emulator->setLatency(150);
    h->clickSelect({1});
    QToolButton *button = h->toolButton("actionDeactivate");
    QVERIFY(button->isEnabled());
    bool secondClickDone = false;
    bool enabledAtSecondClick = true;
    connect(
        h->service.get(), &CampaignService::actionFinished, h->window.get(),
        [&] {
            enabledAtSecondClick = button->isEnabled();
            QTest::mouseClick(button, Qt::LeftButton);
            secondClickDone = true;
        },
        Qt::QueuedConnection);

    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(secondClickDone, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(h->statusText(1), QStringLiteral("Inactive"), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!h->service->isRunningAction(), 10000);
    QVERIFY(Settle::settle(h->client.get(), *h->emulator));
    QCOMPARE(h->requestIds(QStringLiteral("deactivate")), IdList{1});
    QVERIFY(!enabledAtSecondClick);
    QCOMPARE(h->statusText(1), QStringLiteral("Inactive"));
}

void TestMainWindow::bulkDeactivateOf50WithOneFailureSummarises()
{
    QList<EmulatedCampaign> campaigns;
    for (qint64 id = 1; id <= 50; ++id)
        campaigns.append(campaign(id, EmulatedState::Active));
    campaigns.append(campaign(51, EmulatedState::Completed));
    campaigns.append(campaign(52, EmulatedState::Inactive));
    QVERIFY(h->start(campaigns));
    const QString serverText = QStringLiteral("No access to campaign 17");
    h->emulator->addFault(deactivateRefused(17, serverText));
    QSignalSpy finished(h->service.get(), &CampaignService::actionFinished);

    QTest::mouseClick(h->table()->viewport(), Qt::LeftButton, Qt::NoModifier,
                      h->table()->visualRect(h->proxyIndex(1, CampaignTableModel::NameColumn)).center());
    QTest::keyClick(h->table(), Qt::Key_A, Qt::ControlModifier);
    QCOMPARE(h->window->selectedIds(), range(1, 52));
    h->action("actionDeactivate")->trigger();
    // The two that do not apply are named in the status bar.
    QCOMPARE(h->window->statusBar()->currentMessage(),
             QStringLiteral("2 skipped: only active campaigns and those awaiting activation can be deactivated."));

    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QCOMPARE(h->window->summaryText(), QStringLiteral("49 deactivated, 1 failed"));
    const QList<BulkItemResult> results = h->window->lastResults();
    QCOMPARE(results.size(), 50);
    IdList resultIds;
    for (const BulkItemResult &r : results) {
        resultIds.append(r.id);
        QCOMPARE(r.action, CampaignAction::Deactivate);
        if (r.id == 17) {
            QCOMPARE(r.outcome, BulkOutcome::Failed);
            QCOMPARE(r.error.kind(), ApiError::Kind::NoAccess);
            QCOMPARE(r.error.apiCode(), 403);
            QCOMPARE(r.error.serverText(), serverText);
        } else {
            QVERIFY2(r.outcome == BulkOutcome::Succeeded, qPrintable(QString::number(r.id)));
            QVERIFY(r.error.isNone());
        }
    }
    QCOMPARE(sorted(resultIds), range(1, 50));
    // The summary label shows the same words as plain text, readable by a screen reader (its
    // accessible name is the sentence), with a "Show details" button beside it.
    auto *label = h->window->statusBar()->findChild<QLabel *>(QStringLiteral("summaryLabel"));
    QVERIFY(label && label->isVisible());
    QCOMPARE(label->text(), QStringLiteral("49 deactivated, 1 failed"));
    QCOMPARE(label->textFormat(), Qt::PlainText);
    QAccessibleInterface *spoken = QAccessible::queryAccessibleInterface(label);
    QVERIFY(spoken);
    QCOMPARE(spoken->text(QAccessible::Name), QStringLiteral("49 deactivated, 1 failed"));
    const QList<QToolButton *> buttons = h->window->statusBar()->findChildren<QToolButton *>();
    QVERIFY(std::any_of(buttons.cbegin(), buttons.cend(), [](const QToolButton *b) {
        return b->isVisible() && b->text() == QStringLiteral("Show details");
    }));

    for (qint64 id = 1; id <= 50; ++id) {
        if (id != 17)
            QTRY_COMPARE_WITH_TIMEOUT(h->statusText(id), QStringLiteral("Inactive"), 10000);
    }
    QCOMPARE(h->statusText(17), QStringLiteral("Active"));
    QCOMPARE(h->statusText(51), QStringLiteral("Completed"));
    QCOMPARE(h->statusText(52), QStringLiteral("Inactive"));
    QCOMPARE(sorted(h->requestIds(QStringLiteral("deactivate"))), range(1, 50));
}

void TestMainWindow::undoReactivatesExactlyTheDeactivated()
{
    QVERIFY(h->start({campaign(1, EmulatedState::Active), campaign(2, EmulatedState::Active),
                      campaign(3, EmulatedState::Active), campaign(4, EmulatedState::Active),
                      campaign(5, EmulatedState::Waiting), campaign(6, EmulatedState::Inactive),
                      campaign(7, EmulatedState::Active)}));
    h->emulator->addFault(deactivateRefused(3, QStringLiteral("Campaign 3 is locked")));
    QSignalSpy finished(h->service.get(), &CampaignService::actionFinished);
    QToolButton *undo = h->undoButton();
    QVERIFY(undo);
    QVERIFY(!undo->isVisible());

    h->clickSelect({1, 2, 3, 4, 5, 6});
    h->action("actionDeactivate")->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    QCOMPARE(h->window->summaryText(), QStringLiteral("4 deactivated, 1 failed"));
    QTRY_VERIFY_WITH_TIMEOUT(undo->isVisible(), 10000);
    QCOMPARE(undo->toolTip(), QStringLiteral("Activate again the 4 campaigns just deactivated"));
    for (qint64 id : {1, 2, 4, 5})
        QTRY_COMPARE_WITH_TIMEOUT(h->statusText(id), QStringLiteral("Inactive"), 10000);
    QCOMPARE(h->emulator->requestCount(QStringLiteral("activate")), 0);

    QTest::mouseClick(undo, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000);
    QCOMPARE(h->window->summaryText(), QStringLiteral("4 activated"));
    for (qint64 id : {1, 2, 4, 5})
        QTRY_COMPARE_WITH_TIMEOUT(h->statusText(id), QStringLiteral("Active"), 10000);
    QCOMPARE(sorted(h->requestIds(QStringLiteral("activate"))), (IdList{1, 2, 4, 5}));
    QCOMPARE(h->statusText(3), QStringLiteral("Active")); // never deactivated
    QCOMPARE(h->statusText(6), QStringLiteral("Inactive")); // skipped, stays paused
    QCOMPARE(h->statusText(7), QStringLiteral("Active"));
    QVERIFY(!undo->isVisible());
}

void TestMainWindow::undoRightAfterTheBulkFinishesReactivatesAll()
{
    // The user clicks Undo the moment it appears, before anything else has happened.
    QVERIFY(h->start(
        {campaign(1, EmulatedState::Active), campaign(2, EmulatedState::Active), campaign(3, EmulatedState::Waiting)}));
    h->emulator->setLatency(50);
    QSignalSpy finished(h->service.get(), &CampaignService::actionFinished);
    QToolButton *undo = h->undoButton();
    bool clicked = false;
    connect(
        h->service.get(), &CampaignService::undoAvailable, h->window.get(),
        [&](int count) {
            if (count > 0 && !clicked && undo->isVisible()) {
                clicked = true;
                QTest::mouseClick(undo, Qt::LeftButton);
            }
        },
        Qt::QueuedConnection);

    h->clickSelect({1, 2, 3});
    h->action("actionDeactivate")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(clicked, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000);
    QCOMPARE(h->window->summaryText(), QStringLiteral("3 activated"));
    QCOMPARE(sorted(h->requestIds(QStringLiteral("activate"))), (IdList{1, 2, 3}));
    for (qint64 id : {1, 2, 3})
        QTRY_COMPARE_WITH_TIMEOUT(h->statusText(id), QStringLiteral("Active"), 10000);
}

void TestMainWindow::rowShowsTransientStateThenReReadStatus()
{
    QVERIFY(h->start({campaign(1, EmulatedState::Active), campaign(2, EmulatedState::Active)}));
    h->emulator->setLatency(300);
    h->clickSelect({1});

    // Every text the row's Status cell shows, in order.
    QStringList shown{h->statusText(1)};
    connect(h->model(), &QAbstractItemModel::dataChanged, h->window.get(), [&] {
        if (h->statusText(1) != shown.constLast())
            shown.append(h->statusText(1));
    });
    // The state at the moment the server receives the request: it cannot have answered yet.
    struct AtServer {
        bool seen = false;
        QString text;
        bool busy = false;
        bool deactivate = true, activate = true, complete = true;
    } atServer;
    connect(h->emulator.get(), &AltcraftEmulator::requestReceived, h->window.get(), [&](const RecordedRequest &r) {
        if (r.apiMethod() != QLatin1String("deactivate") || atServer.seen)
            return;
        atServer.seen = true;
        atServer.text = h->statusText(1);
        atServer.busy = h->proxyIndex(1).data(CampaignTableModel::BusyRole).toBool();
        atServer.deactivate = h->action("actionDeactivate")->isEnabled();
        atServer.activate = h->action("actionActivate")->isEnabled();
        atServer.complete = h->action("actionComplete")->isEnabled();
    });

    h->action("actionDeactivate")->trigger();
    QCOMPARE(h->statusText(1), QStringLiteral("Deactivating…"));
    QVERIFY(!h->action("actionDeactivate")->isEnabled());
    QVERIFY(!h->action("actionActivate")->isEnabled());
    QVERIFY(!h->action("actionComplete")->isEnabled());

    QTRY_VERIFY_WITH_TIMEOUT(atServer.seen, 10000);
    QCOMPARE(atServer.text, QStringLiteral("Deactivating…"));
    QVERIFY(atServer.busy);
    QVERIFY(!atServer.deactivate);
    QVERIFY(!atServer.activate);
    QVERIFY(!atServer.complete);

    QTRY_COMPARE_WITH_TIMEOUT(h->statusText(1), QStringLiteral("Inactive"), 10000);
    // The row is read back after the reply: it ends up with what the server holds, including
    // who changed it last, which only that read can bring.
    const QString serverUser = h->emulator->store().find(1)->updatedUser;
    QVERIFY(serverUser != QLatin1String("m.ivanova"));
    QTRY_COMPARE_WITH_TIMEOUT(h->proxyIndex(1, CampaignTableModel::UpdatedByColumn).data().toString(), serverUser,
                              10000);
    QCOMPARE(h->statusText(1), QStringLiteral("Inactive"));
    quint64 deactivatedAt = 0, readBackAt = 0;
    for (const RecordedRequest &r : h->emulator->requests()) {
        if (r.apiMethod() == QLatin1String("deactivate") && r.campaignId() == 1)
            deactivatedAt = r.sequence;
        else if (deactivatedAt > 0 && r.campaignId() == 1 && r.apiMethod() == QLatin1String("get"))
            readBackAt = r.sequence;
    }
    QVERIFY(deactivatedAt > 0);
    QVERIFY(readBackAt > deactivatedAt);
    // Straight from the transient state to the new status: no flash of the old one.
    QCOMPARE(shown,
             (QStringList{QStringLiteral("Active"), QStringLiteral("Deactivating…"), QStringLiteral("Inactive")}));
    QVERIFY(!h->proxyIndex(1).data(CampaignTableModel::BusyRole).toBool());
    QTRY_VERIFY_WITH_TIMEOUT(h->action("actionActivate")->isEnabled(), 10000);
    QVERIFY(!h->action("actionDeactivate")->isEnabled());
    QCOMPARE(h->statusText(2), QStringLiteral("Active"));
}

void TestMainWindow::singleFailureKeepsStatusAndShowsServerText()
{
    QVERIFY(h->start({campaign(7, EmulatedState::Active), campaign(8, EmulatedState::Active)}));
    const QString serverText = QStringLiteral("Campaign 7 is locked by another user");
    h->emulator->addFault(deactivateRefused(7, serverText));
    h->clickSelect({7});

    QString boxTitle, boxText;
    const auto ran = onNextModal<QMessageBox>([&](QMessageBox *box) {
        boxTitle = box->windowTitle();
        boxText = box->text();
        QTest::mouseClick(box->button(QMessageBox::Ok), Qt::LeftButton);
    });
    h->action("actionDeactivate")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(*ran, 20000);
    QVERIFY2(boxText.contains(serverText), qPrintable(boxText));
    QCOMPARE(boxTitle, QStringLiteral("Campaign 7 was not deactivated"));
    QTRY_VERIFY_WITH_TIMEOUT(!h->service->isRunningAction(), 10000);

    QCOMPARE(h->window->summaryText(), QStringLiteral("1 failed"));
    QCOMPARE(h->window->lastResults().size(), 1);
    QCOMPARE(h->window->lastResults().first().outcome, BulkOutcome::Failed);
    QCOMPARE(h->requestIds(QStringLiteral("deactivate")), IdList{7});
    QCOMPARE(h->statusText(7), QStringLiteral("Active"));
    QVERIFY(!h->proxyIndex(7).data(CampaignTableModel::BusyRole).toBool());
    QCOMPARE(h->emulator->store().find(7)->state, EmulatedState::Active);
    QVERIFY(h->action("actionDeactivate")->isEnabled()); // the user may try again
    QVERIFY(!h->undoButton()->isVisible());
}

void TestMainWindow::readOnlyAccountTurnsTheActionsOffSaysWhyAndSendsNothing()
{
    QVERIFY(h->start(oneOfEachStatus()));
    Account account = Account::create(QStringLiteral("Client A"), QUrl(QStringLiteral("https://a.example/")));
    account.readOnly = true;
    h->window->showAccount(account);
    h->client->setReadOnly(true); // what Application does with the same rule
    h->clickSelect({1, 2, 3});
    for (const char *name : {"actionDeactivate", "actionActivate", "actionComplete"}) {
        QVERIFY2(!h->action(name)->isEnabled(), name);
        QVERIFY2(h->action(name)->toolTip().contains(QStringLiteral("This account is read-only")), name);
    }
    QVERIFY(
        h->window->findChild<QLabel *>(QStringLiteral("accountNote"))->text().contains(QStringLiteral("Read-only")));
    // Even when triggered from code, nothing goes out.
    h->window->actOnSelection(CampaignAction::Deactivate);
    QCOMPARE(h->window->statusBar()->currentMessage(), QStringLiteral("This account is read-only: nothing was sent."));
    QVERIFY(Settle::settle(h->client.get(), *h->emulator));
    QCOMPARE(h->emulator->requestCount(QStringLiteral("deactivate")), 0);

    // The rule lifted: the actions come back, and the reason leaves their tooltips.
    account.readOnly = false;
    h->window->showAccount(account);
    QVERIFY(h->action("actionDeactivate")->isEnabled());
    QVERIFY(!h->action("actionDeactivate")->toolTip().contains(QStringLiteral("read-only")));
}

void TestMainWindow::accountBandSaysTheAccountInColourAndWords()
{
    QVERIFY(h->start(oneOfEachStatus()));
    Account account = Account::create(QStringLiteral("Shop <b>EU</b>"), QUrl(QStringLiteral("https://shop.example/")));
    account.environment = Account::Environment::Staging;
    account.colour = QStringLiteral("#123456");
    h->window->showAccount(account);
    // The account, then the app's name, once.
    QCOMPARE(h->window->windowTitle(),
             QStringLiteral("Shop <b>EU</b> (Staging) — %1").arg(QGuiApplication::applicationDisplayName()));
    auto *band = h->window->findChild<QWidget *>(QStringLiteral("accountBand"));
    auto *badge = h->window->findChild<QLabel *>(QStringLiteral("accountBadge"));
    auto *name = h->window->findChild<QLabel *>(QStringLiteral("accountNameLabel"));
    QVERIFY(band->isVisible());
    QCOMPARE(badge->text(), QStringLiteral("STAGING"));
    QCOMPARE(name->text(), QStringLiteral("Shop <b>EU</b>"));
    QCOMPARE(name->textFormat(), Qt::PlainText); // the user's text, never markup
    QCOMPARE(h->window->findChild<QLabel *>(QStringLiteral("accountNote"))->text(), QStringLiteral("shop.example"));
    // The badge is painted in the account's colour.
    const QImage badgeImage = badge->grab().toImage();
    QCOMPARE(badgeImage.pixelColor(2, badgeImage.height() / 2), QColor(QStringLiteral("#123456")));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
