// The Activity pane (issue 18), offscreen, driven with QTest: the real pane over a real journal
// file. Rows show newest first, the account filter narrows them, a double-click or Enter on a
// campaign's row asks for that campaign, and Clear asks through MessageBox before it empties.

#include "activitypane.h"
#include "activitytablemodel.h"
#include "journal.h"
#include "messagebox.h"
#include "widgettestsupport.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

const AccountRef kAlpha{QStringLiteral("acc-alpha"), QStringLiteral("Alpha")};
const AccountRef kBeta{QStringLiteral("acc-beta"), QStringLiteral("Beta")};

WatchEvent watchEvent(WatchEvent::Kind kind, const AccountRef &account, qint64 campaignId, const QDateTime &at)
{
    WatchEvent e;
    e.kind = kind;
    e.account = account;
    e.campaignId = campaignId;
    e.campaignName = campaignId ? QStringLiteral("Campaign name %1").arg(campaignId) : QString();
    e.before = CampaignStatus::Active;
    e.after = CampaignStatus::Inactive;
    e.origin = WatchEvent::Origin::SomeoneElse;
    e.noticedAt = at;
    return e;
}

} // namespace

class TestActivityPane : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void rowsShowNewestFirstAndNewBatchesOnTop();
    void accountFilterNarrowsTheRows();
    void doubleClickAndEnterRequestTheCampaign();
    void clearAsksThroughMessageBoxThenEmpties();

private:
    // The rows as the view shows them, top to bottom: each row's campaign id.
    QList<qint64> shownCampaigns() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Journal> m_journal;
    std::unique_ptr<ActivityPane> m_pane;
    QDateTime m_t0;
};

void TestActivityPane::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    WidgetTest::dropOffscreenSizeHintWarnings();
}

void TestActivityPane::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_journal = std::make_unique<Journal>();
    QVERIFY2(m_journal->open(m_dir->filePath(QStringLiteral("journal.sqlite"))), qPrintable(m_journal->errorString()));
    m_t0 = QDateTime::currentDateTimeUtc().addSecs(-600);
    // Recorded oldest last, so the order shown comes from the times, not from the writing.
    QCOMPARE(m_journal
                 ->recordActivity({watchEvent(WatchEvent::Kind::StatusChanged, kAlpha, 11, m_t0.addSecs(30)),
                                   watchEvent(WatchEvent::Kind::Unreachable, kBeta, 0, m_t0.addSecs(20)),
                                   watchEvent(WatchEvent::Kind::NewCampaign, kBeta, 22, m_t0.addSecs(10))})
                 .size(),
             3);
    m_pane = std::make_unique<ActivityPane>();
    m_pane->setJournal(m_journal.get());
    m_pane->resize(900, 300);
    m_pane->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_pane.get()));
    MessageBox::clearAnswered();
}

void TestActivityPane::cleanup()
{
    MessageBox::clearAnswered();
    m_pane.reset();
    m_journal.reset();
    m_dir.reset();
}

QList<qint64> TestActivityPane::shownCampaigns() const
{
    QList<qint64> ids;
    const QAbstractItemModel *model = m_pane->view()->model();
    for (int r = 0; r < model->rowCount(); ++r)
        ids << model->index(r, 0).data(ActivityTableModel::EventRole).value<WatchEvent>().campaignId;
    return ids;
}

void TestActivityPane::rowsShowNewestFirstAndNewBatchesOnTop()
{
    QTableView *view = m_pane->view();
    QCOMPARE(view->model(), m_pane->proxy());
    QCOMPARE(shownCampaigns(), (QList<qint64>{11, 0, 22}));
    const QAbstractItemModel *model = view->model();
    QVERIFY(
        model->index(0, ActivityTableModel::WhatColumn).data().toString().contains(QStringLiteral("Campaign name 11")));
    QCOMPARE(model->index(2, ActivityTableModel::AccountColumn).data().toString(), QStringLiteral("Beta"));
    auto *empty = m_pane->findChild<QLabel *>(QStringLiteral("emptyLabel"));
    QVERIFY(empty);
    QVERIFY(!empty->isVisible());
    QCOMPARE(empty->textFormat(), Qt::PlainText);

    // Everything a screen reader reaches has a name.
    QVERIFY(!view->accessibleName().isEmpty());
    QVERIFY(!m_pane->findChild<QComboBox *>(QStringLiteral("accountFilter"))->accessibleName().isEmpty());
    QVERIFY(!m_pane->findChild<QPushButton *>(QStringLiteral("clearButton"))->accessibleName().isEmpty());

    // A new batch goes on top, at once.
    QCOMPARE(m_journal
                 ->recordActivity({watchEvent(WatchEvent::Kind::StatusChanged, kAlpha, 33, m_t0.addSecs(40)),
                                   watchEvent(WatchEvent::Kind::StatusChanged, kAlpha, 34, m_t0.addSecs(50))})
                 .size(),
             2);
    QCOMPARE(shownCampaigns(), (QList<qint64>{34, 33, 11, 0, 22}));

    // Kept across restarts: a new pane over the file reopened shows the same rows.
    const QString path = m_journal->path();
    m_pane.reset();
    m_journal.reset();
    m_journal = std::make_unique<Journal>();
    QVERIFY(m_journal->open(path));
    m_pane = std::make_unique<ActivityPane>();
    m_pane->setJournal(m_journal.get());
    QCOMPARE(shownCampaigns(), (QList<qint64>{34, 33, 11, 0, 22}));
}

void TestActivityPane::accountFilterNarrowsTheRows()
{
    auto *accounts = m_pane->findChild<QComboBox *>(QStringLiteral("accountFilter"));
    QVERIFY(accounts);
    QCOMPARE(accounts->count(), 3); // All accounts, Alpha, Beta
    QCOMPARE(accounts->itemText(0), QStringLiteral("All accounts"));
    QCOMPARE(accounts->itemText(1), QStringLiteral("Alpha"));
    QCOMPARE(accounts->itemText(2), QStringLiteral("Beta"));

    accounts->setCurrentIndex(2);
    QCOMPARE(m_pane->accountFilter(), kBeta.id);
    QCOMPARE(shownCampaigns(), (QList<qint64>{0, 22}));
    accounts->setCurrentIndex(1);
    QCOMPARE(shownCampaigns(), (QList<qint64>{11}));

    // A batch of the other account leaves the filtered view as it is; one of this account shows.
    QCOMPARE(m_journal->recordActivity({watchEvent(WatchEvent::Kind::NewCampaign, kBeta, 23, m_t0.addSecs(60))}).size(),
             1);
    QCOMPARE(shownCampaigns(), (QList<qint64>{11}));
    QCOMPARE(
        m_journal->recordActivity({watchEvent(WatchEvent::Kind::NewCampaign, kAlpha, 12, m_t0.addSecs(70))}).size(), 1);
    QCOMPARE(shownCampaigns(), (QList<qint64>{12, 11}));
    QCOMPARE(m_pane->accountFilter(), kAlpha.id); // a new row does not change what is chosen

    accounts->setCurrentIndex(0);
    QCOMPARE(shownCampaigns(), (QList<qint64>{12, 23, 11, 0, 22}));
}

void TestActivityPane::doubleClickAndEnterRequestTheCampaign()
{
    QTableView *view = m_pane->view();
    QSignalSpy requested(m_pane.get(), &ActivityPane::campaignRequested);
    const QModelIndex beta22 = view->model()->index(2, ActivityTableModel::WhatColumn);
    QSignalSpy activated(view, &QAbstractItemView::activated);
    // As a user does it: a click makes the row current, then the double-click. (Qt 6.4's
    // QTest::mouseDClick alone gives the view no pressed index on its first press.)
    auto doubleClick = [view](const QModelIndex &index) {
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
    };
    doubleClick(beta22);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().at(0).toString(), kBeta.id);
    QCOMPARE(requested.first().at(1).toLongLong(), 22);

    // The outage names no campaign: nothing to open.
    const QModelIndex outage = view->model()->index(1, ActivityTableModel::WhatColumn);
    doubleClick(outage);
    QCOMPARE(activated.size(), 2); // the double-click did reach the view
    QCOMPARE(requested.size(), 1);

    // Enter on the current row does the same as a double-click.
    view->setFocus();
    view->setCurrentIndex(view->model()->index(0, ActivityTableModel::TimeColumn));
    QTest::keyClick(view, Qt::Key_Return);
    QCOMPARE(requested.size(), 2);
    QCOMPARE(requested.at(1).at(0).toString(), kAlpha.id);
    QCOMPARE(requested.at(1).at(1).toLongLong(), 11);
}

void TestActivityPane::clearAsksThroughMessageBoxThenEmpties()
{
    auto *clear = m_pane->findChild<QPushButton *>(QStringLiteral("clearButton"));
    auto *accounts = m_pane->findChild<QComboBox *>(QStringLiteral("accountFilter"));
    auto *empty = m_pane->findChild<QLabel *>(QStringLiteral("emptyLabel"));
    QVERIFY(clear && accounts && empty);
    QVERIFY(clear->isEnabled());

    // Cancelled: asked, nothing removed.
    MessageBox::setNextAnswer(MessageBox::Answer::Cancel);
    QTest::mouseClick(clear, Qt::LeftButton);
    QCOMPARE(MessageBox::answered().size(), 1);
    QCOMPARE(MessageBox::answered().first().parent.data(), m_pane.get());
    QCOMPARE(m_pane->view()->model()->rowCount(), 3);
    QCOMPARE(m_journal->activity().size(), 3);

    // With one account chosen, Clear removes that account's rows only, and says so first.
    accounts->setCurrentIndex(2); // Beta
    MessageBox::setNextAnswer(MessageBox::Answer::Accept);
    QTest::mouseClick(clear, Qt::LeftButton);
    QCOMPARE(MessageBox::answered().size(), 2);
    QVERIFY2(MessageBox::answered().last().text.contains(QStringLiteral("Beta")),
             qPrintable(MessageBox::answered().last().text));
    QCOMPARE(m_journal->activity().size(), 1);
    QCOMPARE(m_journal->activity().first().account, kAlpha);
    QCOMPARE(m_pane->model()->rowCount(), 1);
    QCOMPARE(m_pane->accountFilter(), QString()); // Beta has no rows left to filter by
    QCOMPARE(accounts->count(), 2);

    // All accounts: everything goes, and the pane says nothing has changed.
    MessageBox::setNextAnswer(MessageBox::Answer::Accept);
    QTest::mouseClick(clear, Qt::LeftButton);
    QCOMPARE(MessageBox::answered().size(), 3);
    QVERIFY(m_journal->activity().isEmpty());
    QCOMPARE(m_pane->view()->model()->rowCount(), 0);
    QVERIFY(empty->isVisible());
    QCOMPARE(empty->text(), QStringLiteral("Nothing has changed since you started watching."));
    QVERIFY(!clear->isEnabled());
}

QTEST_MAIN(TestActivityPane)
#include "tst_activitypane.moc"
