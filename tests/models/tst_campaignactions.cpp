// The action table: every action has its row, and each row says what the API documentation
// says (altcraft-api.md), written out here rather than read back from the table.

#include "campaignactions.h"

#include <QKeySequence>
#include <QSet>
#include <QTest>

class TestCampaignActions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyActionHasOneRow();
    void rowsSayWhatTheApiDocumentationSays();
    void journalKeysRoundTripAndUnknownKeysAreRefused();
    void labelsAndShortcutsAreFilledIn();
};

void TestCampaignActions::everyActionHasOneRow()
{
    const QList<CampaignAction> enumerators{CampaignAction::Activate, CampaignAction::Deactivate,
                                            CampaignAction::Complete};
    QCOMPARE(CampaignActions::all().size(), enumerators.size());
    for (CampaignAction a : enumerators)
        QCOMPARE(CampaignActions::spec(a).action, a);
}

void TestCampaignActions::rowsSayWhatTheApiDocumentationSays()
{
    using S = CampaignStatus;
    QCOMPARE(CampaignActions::apiMethod(CampaignAction::Activate), QStringLiteral("activate"));
    QCOMPARE(CampaignActions::apiMethod(CampaignAction::Deactivate), QStringLiteral("deactivate"));
    QCOMPARE(CampaignActions::apiMethod(CampaignAction::Complete), QStringLiteral("completed"));
    const QList<S> all{S::Unknown, S::Cloning, S::Inactive, S::Waiting, S::Active, S::Completed, S::Deleted};
    for (S s : all) {
        QCOMPARE(CampaignActions::allows(s, CampaignAction::Activate), s == S::Inactive);
        QCOMPARE(CampaignActions::allows(s, CampaignAction::Deactivate), s == S::Active || s == S::Waiting);
        QCOMPARE(CampaignActions::allows(s, CampaignAction::Complete),
                 s == S::Active || s == S::Waiting || s == S::Inactive);
        // Success is the status read back: activation may leave it waiting for its start date.
        QCOMPARE(CampaignActions::reaches(CampaignAction::Activate, s), s == S::Active || s == S::Waiting);
        QCOMPARE(CampaignActions::reaches(CampaignAction::Deactivate, s), s == S::Inactive);
        QCOMPARE(CampaignActions::reaches(CampaignAction::Complete, s), s == S::Completed);
    }
    QVERIFY(CampaignActions::spec(CampaignAction::Complete).asksFirst);
    QVERIFY(!CampaignActions::spec(CampaignAction::Deactivate).asksFirst);
}

void TestCampaignActions::journalKeysRoundTripAndUnknownKeysAreRefused()
{
    // The keys files already hold: they never change.
    QCOMPARE(CampaignActions::journalKey(CampaignAction::Activate), QStringLiteral("activate"));
    QCOMPARE(CampaignActions::journalKey(CampaignAction::Deactivate), QStringLiteral("deactivate"));
    QCOMPARE(CampaignActions::journalKey(CampaignAction::Complete), QStringLiteral("complete"));
    QSet<QString> keys;
    for (const ActionSpec &spec : CampaignActions::all()) {
        keys.insert(CampaignActions::journalKey(spec.action));
        QCOMPARE(CampaignActions::fromJournalKey(CampaignActions::journalKey(spec.action)), spec.action);
    }
    QCOMPARE(keys.size(), CampaignActions::all().size());
    QVERIFY(!CampaignActions::fromJournalKey(u"clone"));
    QVERIFY(!CampaignActions::fromJournalKey(u""));
    QVERIFY(!CampaignActions::fromJournalKey(u"completed")); // the API's word, not the journal's
}

void TestCampaignActions::labelsAndShortcutsAreFilledIn()
{
    QSet<QString> shortcuts;
    for (const ActionSpec &spec : CampaignActions::all()) {
        const QKeySequence key(QString::fromLatin1(spec.shortcut), QKeySequence::PortableText);
        QVERIFY2(!key.isEmpty(), spec.shortcut);
        shortcuts.insert(key.toString(QKeySequence::PortableText));
        QVERIFY(QByteArray(spec.uiAction).startsWith("action"));
        QVERIFY(!CampaignActions::verb(spec.action).isEmpty());
        QVERIFY(CampaignActions::inProgress(spec.action).endsWith(QStringLiteral("…")));
        QCOMPARE(CampaignActions::doneCount(spec.action, 3).left(2), QStringLiteral("3 "));
        QVERIFY(CampaignActions::notDoneTitle(spec.action, 42).contains(QStringLiteral("42")));
        const QString sentence
            = CampaignActions::notInEffect(spec.action, QStringLiteral("WHY"), spec.appliesTo.first());
        QVERIFY2(sentence.contains(QStringLiteral("WHY")) && sentence.contains(QStringLiteral("still")),
                 qPrintable(sentence));
    }
    QCOMPARE(shortcuts.size(), CampaignActions::all().size());
}

QTEST_GUILESS_MAIN(TestCampaignActions)
#include "tst_campaignactions.moc"
