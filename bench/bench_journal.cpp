// What journaling costs a bulk action: deactivates N campaigns against the emulator twice, once
// without and once with the journal (a real SQLite file, WAL), and prints both wall times. Also
// times 10,000 journal writes (begin + finish) with no network, the journal's own cost.
// Usage: bench_journal BASE_URL COUNT LATENCY_MS   (bench/journal-overhead drives it)
#include "altcraftclient.h"
#include "benchsupport.h"
#include "campaignservice.h"
#include "journal.h"
#include "journalrecorder.h"

#include <QElapsedTimer>
#include <QTemporaryDir>

namespace {

const QString kTool = QStringLiteral("bench_journal");
const QString kToken = QStringLiteral("demo0full0access0token0000000001");

// Loads the list, deactivates up to count active campaigns, returns the wall time in ms (or -1).
qint64 runBulk(const QUrl &base, int count, Journal *journal, int *done)
{
    AltcraftClient client;
    RequestFactory factory(base);
    factory.setToken(kToken);
    client.setFactory(factory);
    CampaignService service(&client, nullptr);
    std::unique_ptr<JournalRecorder> recorder;
    if (journal)
        recorder = std::make_unique<JournalRecorder>(journal, &service);
    bool loaded = false;
    if (!Bench::waitFor(120000,
                        [&](const std::function<void()> &finish) {
                            QObject::connect(&service, &CampaignService::loadFinished,
                                             [&, finish](const ApiError &e, int) {
                                                 loaded = e.isNone();
                                                 finish();
                                             });
                            service.reload();
                        })
        || !loaded)
        return -1;
    QList<qint64> ids;
    for (int row = 0; row < service.model()->rowCount() && ids.size() < count; ++row) {
        const Campaign &c = service.model()->campaignAt(row);
        if (c.status == CampaignStatus::Active)
            ids.append(c.id);
    }
    if (ids.size() < count)
        return -1;
    QElapsedTimer timer;
    BulkSummary summary;
    if (!Bench::waitFor(600000, [&](const std::function<void()> &finish) {
            QObject::connect(&service, &CampaignService::actionFinished,
                             [&, finish](CampaignAction, const BulkSummary &s, const QList<BulkItemResult> &) {
                                 summary = s;
                                 finish();
                             });
            timer.start();
            service.runAction(CampaignAction::Deactivate, ids);
        }))
        return -1;
    const qint64 ms = timer.elapsed();
    *done = summary.succeeded;
    return ms;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 4)
        return Bench::fail(kTool, QStringLiteral("usage: bench_journal BASE_URL_A BASE_URL_B COUNT"));
    const QUrl withoutUrl(QString::fromLocal8Bit(argv[1]));
    const QUrl withUrl(QString::fromLocal8Bit(argv[2]));
    const int count = QString::fromLocal8Bit(argv[3]).toInt();

    QTemporaryDir dir;
    Journal journal;
    if (!journal.open(dir.filePath(QStringLiteral("journal.sqlite"))))
        return Bench::fail(kTool, journal.errorString());

    // The journal's own cost: 10,000 actions written and completed, no network.
    QElapsedTimer micro;
    micro.start();
    for (int i = 0; i < 10000; ++i) {
        JournalEntry e;
        e.campaignId = i + 1;
        e.campaignName = QStringLiteral("Campaign %1").arg(i + 1);
        e.osUser = QStringLiteral("bench");
        e.apiHost = QStringLiteral("127.0.0.1");
        e.statusBefore = CampaignStatus::Active;
        const qint64 row = journal.begin(e);
        JournalEntry done;
        done.outcome = JournalEntry::Outcome::Success;
        done.statusAfter = CampaignStatus::Inactive;
        done.durationMs = 20;
        journal.finish(row, done);
    }
    const double microMs = static_cast<double>(micro.nsecsElapsed()) / 1e6;

    int doneWithout = 0, doneWith = 0;
    const qint64 without = runBulk(withoutUrl, count, nullptr, &doneWithout);
    const qint64 with = runBulk(withUrl, count, &journal, &doneWith);
    if (without < 0 || with < 0 || doneWithout != count || doneWith != count)
        return Bench::fail(
            kTool,
            QStringLiteral("a bulk run failed (%1 and %2 of %3 succeeded)").arg(doneWithout).arg(doneWith).arg(count));
    if (journal.count() != 10000 + count)
        return Bench::fail(
            kTool, QStringLiteral("the journal holds %1 rows, expected %2").arg(journal.count()).arg(10000 + count));
    Bench::out() << "journal_writes_10000_ms=" << QString::number(microMs, 'f', 1) << '\n'
                 << "bulk_without_ms=" << without << '\n'
                 << "bulk_with_ms=" << with << '\n';
    Bench::out().flush();
    return 0;
}
