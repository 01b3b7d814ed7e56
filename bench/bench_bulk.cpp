// bench_bulk: the C++ half of bench/bulk-deactivate (the driver starts the emulator and runs curl).
//
//   bench_bulk run   --base URL --count N [--concurrency C] [--state active] --ids-out FILE
//       Lists campaigns in --state (untimed), takes the first N, writes their IDs to FILE (one a
//       line), deactivates them with the app's AltcraftClient + BulkRunner at concurrency C and
//       times start() to finished. Then lists the inactive campaigns to check the server agrees.
//   bench_bulk count --base URL --ids FILE --state STATE
//       Prints how many of the IDs in FILE the server lists in STATE.
//
//   bench_bulk pick  --base URL --count N [--state active] --ids-out FILE
//       Only the untimed first step of run: writes the first N IDs in --state to FILE.
//
// The component figure of bench/bulk-deactivate: no window, no CampaignService, no journal and no
// read-back after each success; the figure a user feels comes from bench_window_bulk.
// Prints key=value lines for the driver; exits 1 when anything did not succeed.
#include "altcraftclient.h"
#include "benchclient.h"
#include "bulkrunner.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QUrl>

#include <algorithm>

namespace {

const QString kTool = QStringLiteral("bench_bulk");
constexpr int kTimeoutMs = 300000;

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("mode"), QStringLiteral("run, pick or count"));
    parser.addOptions({
        {QStringLiteral("base"), QStringLiteral("Emulator base URL."), QStringLiteral("url")},
        {QStringLiteral("token"), QStringLiteral("API token."), QStringLiteral("token"),
         QStringLiteral("demo0full0access0token0000000001")},
        {QStringLiteral("count"), QStringLiteral("Campaigns to deactivate."), QStringLiteral("n"),
         QStringLiteral("1000")},
        {QStringLiteral("concurrency"), QStringLiteral("BulkRunner concurrency."), QStringLiteral("n"),
         QStringLiteral("6")},
        {QStringLiteral("state"), QStringLiteral("State to pick (run) or count (count)."), QStringLiteral("state"),
         QStringLiteral("active")},
        {QStringLiteral("ids-out"), QStringLiteral("Where run writes the IDs."), QStringLiteral("file")},
        {QStringLiteral("ids"), QStringLiteral("The IDs count checks."), QStringLiteral("file")},
    });
    parser.addHelpOption();
    parser.process(app);

    const QStringList positional = parser.positionalArguments();
    const QString mode = positional.value(0);
    const QUrl base(parser.value(QStringLiteral("base")));
    if (positional.size() != 1
        || (mode != QLatin1String("run") && mode != QLatin1String("pick") && mode != QLatin1String("count")))
        return Bench::fail(kTool, QStringLiteral("give one mode: run, pick or count"));
    if (!base.isValid() || base.host().isEmpty())
        return Bench::fail(kTool, QStringLiteral("--base must be the emulator's URL"));

    AltcraftClient client;
    RequestFactory factory(base);
    factory.setToken(parser.value(QStringLiteral("token")));
    client.setFactory(factory);
    const QString state = parser.value(QStringLiteral("state"));
    QTextStream &out = Bench::out();

    if (mode == QLatin1String("count")) {
        QList<qint64> ids;
        if (!Bench::readIds(parser.value(QStringLiteral("ids")), &ids))
            return Bench::fail(kTool, QStringLiteral("cannot read --ids %1").arg(parser.value(QStringLiteral("ids"))));
        QString why;
        const int n = Bench::countInState(&client, ids, state, &why);
        if (n < 0)
            return Bench::fail(kTool, QStringLiteral("cannot list %1 campaigns: %2").arg(state, why));
        out << "ids=" << ids.size() << "\nin_state=" << n << '\n';
        out.flush();
        return 0;
    }

    bool ok = false;
    const int count = parser.value(QStringLiteral("count")).toInt(&ok);
    if (!ok || count < 1)
        return Bench::fail(kTool, QStringLiteral("--count must be a positive whole number"));
    const int concurrency = parser.value(QStringLiteral("concurrency")).toInt(&ok);
    if (!ok || concurrency < 1 || concurrency > BulkRunner::kMaxConcurrency)
        return Bench::fail(kTool, QStringLiteral("--concurrency must be 1..%1").arg(BulkRunner::kMaxConcurrency));

    // Untimed: pick the campaigns.
    const Bench::Listing picked = Bench::listIds(&client, state, count);
    if (picked.timedOut || !picked.error.isNone())
        return Bench::fail(kTool,
                           QStringLiteral("cannot list %1 campaigns: %2")
                               .arg(state, picked.timedOut ? QStringLiteral("timed out") : picked.error.message()));
    if (picked.ids.size() < count)
        return Bench::fail(kTool,
                           QStringLiteral("the emulator has only %1 %2 campaigns, %3 needed: seed more")
                               .arg(picked.ids.size())
                               .arg(state)
                               .arg(count));
    if (!Bench::writeIds(parser.value(QStringLiteral("ids-out")), picked.ids))
        return Bench::fail(kTool,
                           QStringLiteral("cannot write --ids-out '%1'").arg(parser.value(QStringLiteral("ids-out"))));
    if (mode == QLatin1String("pick")) {
        out << "selected=" << picked.ids.size() << '\n';
        out.flush();
        return 0;
    }

    // Timed: BulkRunner from start() to finished.
    BulkRunner runner(&client, CampaignAction::Deactivate, picked.ids);
    runner.setConcurrency(concurrency);
    int maxInFlight = 0;
    QObject::connect(&runner, &BulkRunner::itemStarted, &runner,
                     [&] { maxInFlight = std::max(maxInFlight, runner.inFlight()); });
    BulkSummary summary;
    QElapsedTimer wall;
    const bool finished = Bench::waitFor(kTimeoutMs, [&](std::function<void()> done) {
        QObject::connect(&runner, &BulkRunner::finished, &runner, [&summary, done](const BulkSummary &s) {
            summary = s;
            done();
        });
        wall.start();
        runner.start();
    });
    const qint64 wallNs = wall.nsecsElapsed();
    if (!finished)
        return Bench::fail(kTool, QStringLiteral("the bulk run did not finish within %1 s").arg(kTimeoutMs / 1000));

    QList<qint64> itemMs;
    int reread = 0, retried = 0;
    QStringList errors;
    for (const BulkItemResult &r : runner.results()) {
        itemMs.append(r.durationMs);
        reread += r.settledByReread ? 1 : 0;
        retried += r.attempts > 1 ? 1 : 0;
        if (r.outcome != BulkOutcome::Succeeded && errors.size() < 5)
            errors << QStringLiteral("%1: %2").arg(r.id).arg(r.error.message());
    }
    QString why;
    const int inactive = Bench::countInState(&client, picked.ids, QStringLiteral("inactive"), &why);

    out << "selected=" << picked.ids.size() << '\n'
        << "wall_seconds=" << QString::number(static_cast<double>(wallNs) / 1e9, 'f', 6) << '\n'
        << "succeeded=" << summary.succeeded << '\n'
        << "failed=" << summary.failed << '\n'
        << "unknown=" << summary.unknown << '\n'
        << "cancelled=" << summary.cancelled << '\n'
        << "settled_by_reread=" << reread << '\n'
        << "retried=" << retried << '\n'
        << "max_in_flight=" << maxInFlight << '\n'
        << "item_ms_median=" << Bench::percentile(itemMs, 0.5) << '\n'
        << "item_ms_p99=" << Bench::percentile(itemMs, 0.99) << '\n'
        << "inactive_after=" << inactive << '\n';
    for (const QString &e : std::as_const(errors))
        out << "error=" << e << '\n';
    out.flush();
    if (inactive < 0)
        return Bench::fail(kTool, QStringLiteral("cannot list inactive campaigns: %1").arg(why));
    if (summary.succeeded != count || inactive != count)
        return Bench::fail(kTool,
                           QStringLiteral("%1 of %2 succeeded, %3 are inactive afterwards")
                               .arg(summary.succeeded)
                               .arg(count)
                               .arg(inactive));
    return 0;
}
