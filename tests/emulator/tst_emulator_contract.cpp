// The client and its test oracle agree: the contract of clientemulatorcontract.h holds against
// the emulator as it is. And it is no empty promise: with one rule or one spelling bent on the
// emulator's side only, the same check names the disagreement, and the client's own read-back
// (BulkRunner) reports the action as not done rather than done.

#include "bulkrunner.h"
#include "clientemulatorcontract.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

class TestClientEmulatorContract : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void clientAndEmulatorAgree();
    void aRuleBentOnTheEmulatorIsCaught_data();
    void aRuleBentOnTheEmulatorIsCaught();
    void aStateSpelledDifferentlyIsCaught();
    void theClientDoesNotReportARefusedActionAsDone();
    void theClientDoesNotReportAnUnreadableStateAsDone();

private:
    // Deactivates campaign 1 (active on the emulator) through the real BulkRunner.
    BulkItemResult deactivateThroughTheClient();

    std::unique_ptr<AltcraftEmulator> m_emu;
};

void TestClientEmulatorContract::init()
{
    m_emu = std::make_unique<AltcraftEmulator>();
    QVERIFY(m_emu->start() != 0);
}

void TestClientEmulatorContract::cleanup()
{
    m_emu.reset();
}

void TestClientEmulatorContract::clientAndEmulatorAgree()
{
    const QStringList problems = ClientEmulatorContract::check(*m_emu);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestClientEmulatorContract::aRuleBentOnTheEmulatorIsCaught_data()
{
    QTest::addColumn<EmulatedAction>("action");
    QTest::addColumn<EmulatedState>("from");
    QTest::addColumn<bool>("allowed"); // the bent rule: refuse what is allowed, or the reverse
    QTest::addColumn<QString>("expected");
    QTest::newRow("deactivate refused from waiting")
        << EmulatedAction::Deactivate << EmulatedState::Waiting << false
        << QStringLiteral("deactivate from \"waiting\": the client's table allows it, the emulator refuses it");
    QTest::newRow("completed refused from inactive")
        << EmulatedAction::Complete << EmulatedState::Inactive << false
        << QStringLiteral("completed from \"inactive\": the client's table allows it, the emulator refuses it");
    QTest::newRow("activate allowed from completed")
        << EmulatedAction::Activate << EmulatedState::Completed << true
        << QStringLiteral("activate from \"completed\": the client's table does not allow it, the emulator accepts it");
}

void TestClientEmulatorContract::aRuleBentOnTheEmulatorIsCaught()
{
    QFETCH(EmulatedAction, action);
    QFETCH(EmulatedState, from);
    QFETCH(bool, allowed);
    QFETCH(QString, expected);
    if (allowed)
        m_emu->store().rules().permit(action, from);
    else
        m_emu->store().rules().refuse(action, from);

    const QStringList problems = ClientEmulatorContract::check(*m_emu);
    QVERIFY2(problems.size() == 1, qPrintable(problems.join(QLatin1Char('\n'))));
    QVERIFY2(problems.first().startsWith(expected), qPrintable(problems.first()));
}

void TestClientEmulatorContract::aStateSpelledDifferentlyIsCaught()
{
    m_emu->store().spelling().misspell(EmulatedState::Waiting, QStringLiteral("awaiting"));
    const QStringList problems = ClientEmulatorContract::check(*m_emu);
    QVERIFY2(problems.contains(QStringLiteral("the emulator's state \"waiting\" is not a status the client knows")),
             qPrintable(problems.join(QLatin1Char('\n'))));
}

BulkItemResult TestClientEmulatorContract::deactivateThroughTheClient()
{
    m_emu->store().reset({emulatedCampaign(1, EmulatedState::Active)});
    AltcraftClient client;
    RequestFactory factory(m_emu->baseUrl());
    factory.setToken(ApiTokenGrant::defaultFullToken());
    client.setFactory(factory);
    BulkRunner runner(&client, CampaignAction::Deactivate, {1});
    QSignalSpy finished(&runner, &BulkRunner::finished);
    runner.start();
    if (!finished.wait(ClientEmulatorContract::kWaitMs) || runner.results().size() != 1)
        return {};
    return runner.results().first();
}

void TestClientEmulatorContract::theClientDoesNotReportARefusedActionAsDone()
{
    // Control: as documented, the deactivation is done.
    QCOMPARE(deactivateThroughTheClient().outcome, BulkOutcome::Succeeded);

    m_emu->store().rules().refuse(EmulatedAction::Deactivate, EmulatedState::Active);
    const BulkItemResult r = deactivateThroughTheClient();
    QCOMPARE(r.id, 1);
    QCOMPARE(r.outcome, BulkOutcome::Failed); // refused, and the status read back confirms it
    QCOMPARE(r.statusAfter, CampaignStatus::Active);
    QCOMPARE(m_emu->store().find(1)->state, EmulatedState::Active);
}

void TestClientEmulatorContract::theClientDoesNotReportAnUnreadableStateAsDone()
{
    // The emulator deactivates, but spells the state the client expects differently.
    m_emu->store().spelling().misspell(EmulatedState::Inactive, QStringLiteral("paused"));
    const BulkItemResult r = deactivateThroughTheClient();
    QCOMPARE(r.id, 1);
    QCOMPARE(r.outcome, BulkOutcome::NotInEffect); // "done", but the status read back is not the target
    QCOMPARE(r.statusAfter, CampaignStatus::Unknown);
    QCOMPARE(m_emu->store().find(1)->state, EmulatedState::Inactive);
}

QTEST_GUILESS_MAIN(TestClientEmulatorContract)
#include "tst_emulator_contract.moc"
