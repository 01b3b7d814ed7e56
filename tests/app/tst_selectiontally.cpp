// SelectionTally against the plain answer: after every change a user or the service can make
// (select, deselect, a status read back, a search that hides selected rows, a sort, rows added
// and removed, a reset), its IDs and counts equal what walking the selection gives.
#include "campaignbuilder.h"
#include "campaignfilterproxy.h"
#include "campaigntablemodel.h"
#include "selectiontally.h"

#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTest>

namespace {

const QList<CampaignStatus> kCycle{CampaignStatus::Active, CampaignStatus::Inactive, CampaignStatus::Waiting,
                                   CampaignStatus::Completed};

QList<Campaign> campaigns(qint64 first, int n)
{
    QList<Campaign> list;
    for (qint64 id = first; id < first + n; ++id)
        list.append(
            CampaignBuilder(id)
                .name(id % 7 == 0 ? QStringLiteral("Spring sale %1").arg(id) : QStringLiteral("Campaign %1").arg(id))
                .client(kCycle.at(static_cast<int>(id % kCycle.size()))));
    return list;
}

} // namespace

class TestSelectionTally : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void followsSelectingAndDeselectingRows();
    void followsStatusesReadBackForSelectedRowsOnly();
    void dropsRowsASearchHidesAndKeepsThemOutWhenTheyReturn();
    void keepsTheSetWhenTheTableIsSorted();
    void followsRowsAddedRemovedAndAReset();
    void aCellSelectionCountsItsRow();

private:
    // The plain answer: every row with a selected cell, read through the proxy.
    QList<qint64> walkedIds() const;
    void verifyAgainstTheWalk() const;
    void selectRows(int first, int last, QItemSelectionModel::SelectionFlags how = QItemSelectionModel::Select);

    std::unique_ptr<CampaignTableModel> m_model;
    std::unique_ptr<CampaignFilterProxy> m_proxy;
    std::unique_ptr<QItemSelectionModel> m_selection;
    std::unique_ptr<SelectionTally> m_tally;
};

void TestSelectionTally::init()
{
    m_model = std::make_unique<CampaignTableModel>();
    m_model->upsert(campaigns(1, 60));
    m_proxy = std::make_unique<CampaignFilterProxy>();
    m_proxy->setSourceModel(m_model.get());
    m_selection = std::make_unique<QItemSelectionModel>(m_proxy.get());
    m_tally = std::make_unique<SelectionTally>(m_selection.get(), m_proxy.get(), m_model.get());
}

void TestSelectionTally::cleanup()
{
    m_tally.reset();
    m_selection.reset();
    m_proxy.reset();
    m_model.reset();
}

QList<qint64> TestSelectionTally::walkedIds() const
{
    QList<qint64> ids;
    for (const QModelIndex &index : m_selection->selectedIndexes()) {
        const qint64 id
            = index.siblingAtColumn(CampaignTableModel::IdColumn).data(CampaignTableModel::IdRole).toLongLong();
        if (!ids.contains(id))
            ids.append(id);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

void TestSelectionTally::verifyAgainstTheWalk() const
{
    const QList<qint64> ids = walkedIds();
    QCOMPARE(m_tally->ids(), ids);
    QCOMPARE(m_tally->count(), ids.size());
    for (CampaignStatus status : kCycle) {
        const auto expected = std::count_if(ids.cbegin(), ids.cend(),
                                            [&](qint64 id) { return m_model->campaign(id)->status == status; });
        QCOMPARE(m_tally->countOf({status}), static_cast<int>(expected));
    }
    QCOMPARE(m_tally->countOf(kCycle), ids.size());
}

void TestSelectionTally::selectRows(int first, int last, QItemSelectionModel::SelectionFlags how)
{
    m_selection->select(QItemSelection(m_proxy->index(first, 0), m_proxy->index(last, m_proxy->columnCount() - 1)),
                        how);
}

void TestSelectionTally::followsSelectingAndDeselectingRows()
{
    QSignalSpy changed(m_tally.get(), &SelectionTally::changed);
    QCOMPARE(m_tally->count(), 0);
    selectRows(0, 9);
    QCOMPARE(m_tally->count(), 10);
    verifyAgainstTheWalk();
    selectRows(20, 29);
    selectRows(5, 24); // overlaps both
    verifyAgainstTheWalk();
    QCOMPARE(m_tally->count(), 30);
    selectRows(3, 6, QItemSelectionModel::Deselect);
    verifyAgainstTheWalk();
    selectRows(8, 8, QItemSelectionModel::Toggle);
    verifyAgainstTheWalk();
    QVERIFY(!m_tally->contains(m_proxy->index(8, 0).data(CampaignTableModel::IdRole).toLongLong()));
    selectRows(40, 45, QItemSelectionModel::ClearAndSelect);
    verifyAgainstTheWalk();
    QCOMPARE(m_tally->count(), 6);
    m_selection->clearSelection();
    verifyAgainstTheWalk();
    QCOMPARE(m_tally->count(), 0);
    QVERIFY(changed.size() >= 7);
}

void TestSelectionTally::followsStatusesReadBackForSelectedRowsOnly()
{
    selectRows(0, 19);
    const QList<qint64> selected = m_tally->ids();
    const int activeBefore = m_tally->countOf({CampaignStatus::Active});
    QVERIFY(activeBefore > 0);
    QSignalSpy changed(m_tally.get(), &SelectionTally::changed);
    // Every selected active campaign deactivated, as a bulk run reads them back.
    for (qint64 id : selected) {
        if (m_model->campaign(id)->status == CampaignStatus::Active)
            m_model->setStatus(id, CampaignStatus::Inactive);
    }
    m_model->flushChanges(); // the frame's changes go out
    verifyAgainstTheWalk();
    QCOMPARE(m_tally->countOf({CampaignStatus::Active}), 0);
    QVERIFY(changed.size() >= 1);
    // A row outside the selection changing moves no count and says nothing.
    changed.clear();
    const qint64 outside = m_proxy->index(50, 0).data(CampaignTableModel::IdRole).toLongLong();
    QVERIFY(!m_tally->contains(outside));
    m_model->setStatus(outside, CampaignStatus::Active);
    m_model->flushChanges();
    QCOMPARE(changed.size(), 0);
    verifyAgainstTheWalk();
}

void TestSelectionTally::dropsRowsASearchHidesAndKeepsThemOutWhenTheyReturn()
{
    selectRows(0, 29);
    m_proxy->setSearchText(QStringLiteral("Spring sale"));
    QVERIFY(m_proxy->rowCount() < 60);
    verifyAgainstTheWalk();
    QVERIFY(m_tally->count() > 0);
    QVERIFY(m_tally->count() < 30);
    m_proxy->setSearchText(QString());
    QCOMPARE(m_proxy->rowCount(), 60);
    verifyAgainstTheWalk();
    m_proxy->setStatusFilter({CampaignStatus::Inactive});
    verifyAgainstTheWalk();
    m_proxy->setStatusFilter({});
    verifyAgainstTheWalk();
}

void TestSelectionTally::keepsTheSetWhenTheTableIsSorted()
{
    selectRows(10, 19);
    const QList<qint64> before = m_tally->ids();
    m_proxy->sort(CampaignTableModel::IdColumn, Qt::DescendingOrder);
    QCOMPARE(m_tally->ids(), before);
    verifyAgainstTheWalk();
    m_proxy->sort(CampaignTableModel::NameColumn, Qt::AscendingOrder);
    QCOMPARE(m_tally->ids(), before);
    verifyAgainstTheWalk();
}

void TestSelectionTally::followsRowsAddedRemovedAndAReset()
{
    selectRows(0, 9);
    m_model->upsert(campaigns(100, 20));
    verifyAgainstTheWalk();
    QCOMPARE(m_tally->count(), 10);
    const qint64 gone = m_tally->ids().at(3);
    m_model->remove(gone);
    verifyAgainstTheWalk();
    QVERIFY(!m_tally->contains(gone));
    QCOMPARE(m_tally->count(), 9);
    m_model->clear();
    verifyAgainstTheWalk();
    QCOMPARE(m_tally->count(), 0);
}

void TestSelectionTally::aCellSelectionCountsItsRow()
{
    m_selection->select(m_proxy->index(4, CampaignTableModel::NameColumn), QItemSelectionModel::Select);
    verifyAgainstTheWalk();
    QCOMPARE(m_tally->count(), 1);
    m_selection->select(m_proxy->index(4, CampaignTableModel::IdColumn), QItemSelectionModel::Select);
    m_selection->select(m_proxy->index(4, CampaignTableModel::NameColumn), QItemSelectionModel::Deselect);
    verifyAgainstTheWalk();
    QCOMPARE(m_tally->count(), 1);
}

QTEST_MAIN(TestSelectionTally)
#include "tst_selectiontally.moc"
