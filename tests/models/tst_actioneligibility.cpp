// ActionEligibility: which selected campaigns an action applies to, and what the user is told
// about the rest. The expected table is written out here, not taken from CampaignStatuses.

#include "actioneligibility.h"
#include "campaignactions.h"
#include "campaigntablemodel.h"
#include "modeltestsupport.h"

#include <QTest>

using ModelTest::campaign;
using IdList = QList<qint64>;

namespace {

// One campaign of each status, IDs 1..7 in this order.
const CampaignStatus kStatuses[]
    = {CampaignStatus::Active,    CampaignStatus::Waiting, CampaignStatus::Inactive, CampaignStatus::Cloning,
       CampaignStatus::Completed, CampaignStatus::Deleted, CampaignStatus::Unknown};

QString statusName(CampaignStatus s)
{
    return s == CampaignStatus::Unknown ? QStringLiteral("unknown") : CampaignStatuses::toApiString(s);
}

QString actionName(CampaignAction a)
{
    return CampaignActions::apiMethod(a);
}

// Written out from the API documentation (altcraft-api.md), independent of the code under test.
bool expectedAllowed(CampaignStatus status, CampaignAction action)
{
    switch (action) {
    case CampaignAction::Deactivate:
        return status == CampaignStatus::Active || status == CampaignStatus::Waiting;
    case CampaignAction::Activate:
        return status == CampaignStatus::Inactive;
    case CampaignAction::Complete:
        return status == CampaignStatus::Active || status == CampaignStatus::Inactive
            || status == CampaignStatus::Waiting;
    }
    return false;
}

void fill(CampaignTableModel &model)
{
    QList<Campaign> list;
    qint64 id = 1;
    for (CampaignStatus s : kStatuses) {
        Campaign c = campaign(id++, QStringLiteral("Campaign %1").arg(statusName(s)), s);
        if (s == CampaignStatus::Unknown)
            c.statusText = QStringLiteral("archived");
        list.append(c);
    }
    model.upsert(list);
}

} // namespace

class TestActionEligibility : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eachStatusAndAction_data();
    void eachStatusAndAction();
    void mixedSelection_data();
    void mixedSelection();
    void busyCampaignsAreSkipped();
    void skippedTextCountsAndReasons();
    void campaignsNotInTheTableAreIgnored();
};

void TestActionEligibility::eachStatusAndAction_data()
{
    QTest::addColumn<qint64>("id");
    QTest::addColumn<CampaignStatus>("status");
    QTest::addColumn<CampaignAction>("action");
    QTest::addColumn<bool>("allowed");

    qint64 id = 1;
    for (CampaignStatus s : kStatuses) {
        for (CampaignAction a : {CampaignAction::Deactivate, CampaignAction::Activate, CampaignAction::Complete}) {
            const QByteArray name = (statusName(s) + QLatin1Char(' ') + actionName(a)).toUtf8();
            QTest::newRow(name.constData()) << id << s << a << expectedAllowed(s, a);
        }
        ++id;
    }
}

void TestActionEligibility::eachStatusAndAction()
{
    QFETCH(qint64, id);
    QFETCH(CampaignStatus, status);
    QFETCH(CampaignAction, action);
    QFETCH(bool, allowed);

    CampaignTableModel model;
    fill(model);
    QCOMPARE(model.campaign(id)->status, status);

    const ActionEligibility e = ActionEligibility::of(action, {id}, model);
    QCOMPARE(e.eligible, allowed ? IdList{id} : IdList{});
    QCOMPARE(e.wrongStatus, allowed ? 0 : 1);
    QCOMPARE(e.busy, 0);
    QCOMPARE(e.skipped(), allowed ? 0 : 1);
    QCOMPARE(e.skippedText(action).isEmpty(), allowed);
    if (!allowed)
        QVERIFY2(e.skippedText(action).startsWith(QStringLiteral("1 skipped: ")), qPrintable(e.skippedText(action)));
}

void TestActionEligibility::mixedSelection_data()
{
    QTest::addColumn<IdList>("selection");
    QTest::addColumn<CampaignAction>("action");
    QTest::addColumn<IdList>("eligible");
    QTest::addColumn<int>("wrongStatus");

    // IDs: 1 active, 2 waiting, 3 inactive, 4 cloning, 5 completed, 6 deleted, 7 unknown.
    const IdList all{1, 2, 3, 4, 5, 6, 7};
    QTest::newRow("all, deactivate") << all << CampaignAction::Deactivate << IdList{1, 2} << 5;
    QTest::newRow("all, activate") << all << CampaignAction::Activate << IdList{3} << 6;
    QTest::newRow("all, complete") << all << CampaignAction::Complete << IdList{1, 2, 3} << 4;
    QTest::newRow("active + inactive, deactivate") << IdList{1, 3} << CampaignAction::Deactivate << IdList{1} << 1;
    QTest::newRow("active + inactive, activate") << IdList{3, 1} << CampaignAction::Activate << IdList{3} << 1;
    QTest::newRow("active + inactive, complete") << IdList{1, 3} << CampaignAction::Complete << IdList{1, 3} << 0;
    QTest::newRow("terminal only, deactivate") << IdList{5, 6} << CampaignAction::Deactivate << IdList{} << 2;
    QTest::newRow("terminal only, activate") << IdList{5, 6} << CampaignAction::Activate << IdList{} << 2;
    QTest::newRow("terminal only, complete") << IdList{5, 6} << CampaignAction::Complete << IdList{} << 2;
    QTest::newRow("cloning + waiting, complete") << IdList{4, 2} << CampaignAction::Complete << IdList{2} << 1;
    QTest::newRow("selection order kept") << IdList{3, 2, 1} << CampaignAction::Complete << IdList{3, 2, 1} << 0;
    QTest::newRow("empty selection") << IdList{} << CampaignAction::Complete << IdList{} << 0;
}

void TestActionEligibility::mixedSelection()
{
    QFETCH(IdList, selection);
    QFETCH(CampaignAction, action);
    QFETCH(IdList, eligible);
    QFETCH(int, wrongStatus);

    CampaignTableModel model;
    fill(model);
    const ActionEligibility e = ActionEligibility::of(action, selection, model);
    QCOMPARE(e.eligible, eligible);
    QCOMPARE(e.wrongStatus, wrongStatus);
    QCOMPARE(e.busy, 0);
    QCOMPARE(e.skippedText(action).isEmpty(), wrongStatus == 0);
    if (wrongStatus > 0)
        QVERIFY(e.skippedText(action).startsWith(QStringLiteral("%1 skipped: ").arg(wrongStatus)));
}

void TestActionEligibility::busyCampaignsAreSkipped()
{
    CampaignTableModel model;
    fill(model);
    model.setBusy(1, CampaignAction::Deactivate);
    const ActionEligibility e = ActionEligibility::of(CampaignAction::Complete, {1, 2, 3, 5}, model);
    QCOMPARE(e.eligible, (IdList{2, 3}));
    QCOMPARE(e.busy, 1);
    QCOMPARE(e.wrongStatus, 1);
    QCOMPARE(e.skipped(), 2);
    QCOMPARE(e.skippedText(CampaignAction::Complete),
             QStringLiteral("1 skipped: completed, deleted and cloning campaigns cannot be completed; "
                            "1 skipped: a request for them is still running."));

    // Busy wins over the status: a busy inactive campaign is not counted as wrong for Deactivate.
    model.setBusy(3, CampaignAction::Activate);
    const ActionEligibility d = ActionEligibility::of(CampaignAction::Deactivate, {1, 3}, model);
    QVERIFY(d.eligible.isEmpty());
    QCOMPARE(d.busy, 2);
    QCOMPARE(d.wrongStatus, 0);
    QCOMPARE(d.skippedText(CampaignAction::Deactivate),
             QStringLiteral("2 skipped: a request for them is still running."));

    model.setBusy(1, std::nullopt);
    QCOMPARE(ActionEligibility::of(CampaignAction::Deactivate, {1, 3}, model).eligible, IdList{1});
}

void TestActionEligibility::skippedTextCountsAndReasons()
{
    CampaignTableModel model;
    fill(model);
    QCOMPARE(
        ActionEligibility::of(CampaignAction::Deactivate, {1, 3, 5}, model).skippedText(CampaignAction::Deactivate),
        QStringLiteral("2 skipped: only active campaigns and those awaiting activation can be deactivated."));
    QCOMPARE(ActionEligibility::of(CampaignAction::Activate, {1, 3}, model).skippedText(CampaignAction::Activate),
             QStringLiteral("1 skipped: only inactive campaigns can be activated."));
    QCOMPARE(ActionEligibility::of(CampaignAction::Complete, {1, 4, 5, 6}, model).skippedText(CampaignAction::Complete),
             QStringLiteral("3 skipped: completed, deleted and cloning campaigns cannot be completed."));
    QCOMPARE(ActionEligibility::of(CampaignAction::Complete, {1, 2, 3}, model).skippedText(CampaignAction::Complete),
             QString());
}

void TestActionEligibility::campaignsNotInTheTableAreIgnored()
{
    CampaignTableModel model;
    fill(model);
    const ActionEligibility e = ActionEligibility::of(CampaignAction::Deactivate, {1, 999, 2}, model);
    QCOMPARE(e.eligible, (IdList{1, 2}));
    QCOMPARE(e.skipped(), 0);
    QVERIFY(e.skippedText(CampaignAction::Deactivate).isEmpty());
}

QTEST_GUILESS_MAIN(TestActionEligibility)
#include "tst_actioneligibility.moc"
