// bench_window_bulk: the C++ half of bench/bulk-deactivate's main figure, a bulk Deactivate as a
// user does it. The driver starts the emulator (its own process) and runs curl.
//
//   bench_window_bulk --base URL --token T --count N --ids-out FILE
//
// Builds the real Application (settings, SQLite journal, client, service, MainWindow) against
// --base as `campaign-manager --api-url URL` with ALTCRAFT_API_TOKEN would, waits for the first
// list (untimed), selects the first N active rows of the window's table in one selection call,
// writes their IDs to FILE, then presses Deactivate (actionDeactivate->trigger()) and times:
//   trigger -> CampaignService::actionFinished -> one more pass of the event loop, with the
//   window's summary reading "N deactivated". Meanwhile a 1 ms timer on the UI thread measures
//   the longest gap between its ticks: how long the window could not react.
// Then it lists the inactive campaigns with a client of its own to check that the server agrees,
// and quits the app as File → Quit does. Prints key=value lines; exits 1 when anything failed.
#include "appbench.h"
#include "benchclient.h"
#include "campaignfilterproxy.h"
#include "campaignservice.h"
#include "campaigntablemodel.h"
#include "mainwindow.h"
#include "settings.h"

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QItemSelection>
#include <QTableView>

namespace {

const QString kTool = QStringLiteral("bench_window_bulk");
constexpr int kLoadTimeoutMs = 60000;
constexpr int kActionTimeoutMs = 300000;
constexpr int kQuitTimeoutMs = 15000;

} // namespace

int main(int argc, char *argv[])
{
    Bench::prepareApplication();
    QApplication qapp(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({
        {QStringLiteral("base"), QStringLiteral("Emulator base URL."), QStringLiteral("url")},
        {QStringLiteral("token"), QStringLiteral("API token."), QStringLiteral("token"),
         QStringLiteral("demo0full0access0token0000000001")},
        {QStringLiteral("count"), QStringLiteral("Active campaigns to select and deactivate."), QStringLiteral("n"),
         QStringLiteral("1000")},
        {QStringLiteral("ids-out"), QStringLiteral("Where to write the selected IDs."), QStringLiteral("file")},
    });
    parser.addHelpOption();
    parser.process(qapp);

    const QUrl base(parser.value(QStringLiteral("base")));
    if (!base.isValid() || base.host().isEmpty())
        return Bench::fail(kTool, QStringLiteral("--base must be the emulator's URL"));
    bool ok = false;
    const int count = parser.value(QStringLiteral("count")).toInt(&ok);
    if (!ok || count < 1)
        return Bench::fail(kTool, QStringLiteral("--count must be a positive whole number"));
    const QString token = parser.value(QStringLiteral("token"));

    const LaunchOptions options = Bench::accountOptions(base, token);
    if (!options.error.isEmpty())
        return Bench::fail(kTool,
                           QStringLiteral("the app refuses --api-url %1: %2").arg(base.toString(), options.error));
    Application app(options);

    // Untimed: start-up and the first list.
    QElapsedTimer loadTimer;
    loadTimer.start();
    const Bench::FirstLoad load = Bench::startAndWaitForFirstLoad(app, kLoadTimeoutMs);
    const qint64 loadMs = loadTimer.elapsed();
    if (const QString failure = Bench::firstLoadFailure(load, kLoadTimeoutMs); !failure.isEmpty())
        return Bench::fail(kTool, failure);
    QCoreApplication::processEvents();

    MainWindow *window = app.mainWindow();
    auto *table = window->findChild<QTableView *>(QStringLiteral("campaignTable"));
    auto *deactivate = window->findChild<QAction *>(QStringLiteral("actionDeactivate"));
    if (!table || !deactivate)
        return Bench::fail(kTool, QStringLiteral("the window has no campaignTable or actionDeactivate"));
    const int concurrency = app.settings()->concurrency();

    // Untimed: select the first N active rows (in the table's order, by ID) in one call, as a
    // Shift-click or Ctrl+A over a status-filtered table would: contiguous rows make one range.
    QAbstractItemModel *model = table->model();
    const int columns = model->columnCount();
    QItemSelection selection;
    QList<qint64> picked;
    int runStart = -1;
    const int rows = model->rowCount();
    for (int row = 0; row <= rows; ++row) {
        const bool active = row < rows && picked.size() < count
            && model->index(row, 0).data(CampaignTableModel::StatusRole).toInt()
                == static_cast<int>(CampaignStatus::Active);
        if (active) {
            picked.append(model->index(row, 0).data(CampaignTableModel::IdRole).toLongLong());
            if (runStart < 0)
                runStart = row;
        } else if (runStart >= 0) {
            selection.select(model->index(runStart, 0), model->index(row - 1, columns - 1));
            runStart = -1;
        }
    }
    if (picked.size() < count)
        return Bench::fail(kTool,
                           QStringLiteral("the table shows only %1 active campaigns, %2 needed: seed more")
                               .arg(picked.size())
                               .arg(count));
    table->selectionModel()->select(selection, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QCoreApplication::processEvents();
    std::sort(picked.begin(), picked.end());
    if (window->selectedIds() != picked)
        return Bench::fail(kTool,
                           QStringLiteral("the window reports %1 selected IDs, not the %2 picked")
                               .arg(window->selectedIds().size())
                               .arg(picked.size()));
    if (!deactivate->isEnabled())
        return Bench::fail(kTool,
                           QStringLiteral("Deactivate is disabled with %1 active campaigns selected").arg(count));
    if (!Bench::writeIds(parser.value(QStringLiteral("ids-out")), picked))
        return Bench::fail(kTool,
                           QStringLiteral("cannot write --ids-out '%1'").arg(parser.value(QStringLiteral("ids-out"))));

    // Timed: Deactivate pressed -> actionFinished -> the window has shown the summary.
    CampaignService *service = app.service();
    BulkSummary summary;
    int started = -1;
    int progressSignals = 0;
    QMetaObject::Connection onStarted
        = QObject::connect(service, &CampaignService::actionStarted, service,
                           [&started](qint64, CampaignAction, int total, const QString &) { started = total; });
    QMetaObject::Connection onProgress = QObject::connect(service, &CampaignService::actionProgress, service,
                                                          [&progressSignals] { ++progressSignals; });
    QMetaObject::Connection onFinished;
    qint64 finishedNs = 0;
    QElapsedTimer wall;
    Bench::StallMeter stalls;
    const double cpuBefore = Bench::cpuMs();
    const bool finished = Bench::waitFor(kActionTimeoutMs, [&](std::function<void()> done) {
        onFinished = QObject::connect(service, &CampaignService::actionFinished, service,
                                      [&, done](CampaignAction, const BulkSummary &s, const QList<BulkItemResult> &) {
                                          finishedNs = wall.nsecsElapsed();
                                          summary = s;
                                          done();
                                      });
        wall.start();
        stalls.start();
        deactivate->trigger();
    });
    if (!finished)
        return Bench::fail(kTool, QStringLiteral("the action did not finish within %1 s").arg(kActionTimeoutMs / 1000));
    QCoreApplication::processEvents();
    const QString summaryText = window->summaryText();
    const qint64 wallNs = wall.nsecsElapsed();
    stalls.stop();
    const double cpu = Bench::cpuMs() - cpuBefore;
    QObject::disconnect(onStarted);
    QObject::disconnect(onProgress);
    QObject::disconnect(onFinished);

    QList<qint64> itemMs;
    int reread = 0;
    for (const BulkItemResult &r : window->lastResults()) {
        itemMs.append(r.durationMs);
        reread += r.settledByReread ? 1 : 0;
    }

    // Untimed: what the server holds now, read with a client of our own.
    AltcraftClient checker;
    RequestFactory factory(base);
    factory.setToken(token);
    checker.setFactory(factory);
    QString why;
    const int inactive = Bench::countInState(&checker, picked, QStringLiteral("inactive"), &why);
    const int exitCode = Bench::quitAndWait(app, kQuitTimeoutMs);

    const QString expectedSummary = QStringLiteral("%1 deactivated").arg(count);
    QTextStream &out = Bench::out();
    out << "selected=" << picked.size() << '\n'
        << "concurrency=" << concurrency << '\n'
        << "first_load_ms=" << loadMs << '\n'
        << "first_load_campaigns=" << load.campaigns << '\n'
        << "action_started_with=" << started << '\n'
        << "progress_signals=" << progressSignals << '\n'
        << "finished_seconds=" << QString::number(static_cast<double>(finishedNs) / 1e9, 'f', 6) << '\n'
        << "wall_seconds=" << QString::number(static_cast<double>(wallNs) / 1e9, 'f', 6) << '\n'
        << "cpu_seconds=" << QString::number(cpu / 1e3, 'f', 3) << '\n'
        << "ui_longest_gap_ms=" << QString::number(stalls.longestMs(), 'f', 1) << '\n'
        << "ui_longest_gap_at_ms=" << QString::number(stalls.longestAtMs(), 'f', 0) << '\n'
        << "ui_ticks=" << stalls.ticks() << '\n'
        << "summary=" << summaryText << '\n'
        << "succeeded=" << summary.succeeded << '\n'
        << "failed=" << summary.failed << '\n'
        << "unknown=" << summary.unknown << '\n'
        << "cancelled=" << summary.cancelled << '\n'
        << "settled_by_reread=" << reread << '\n'
        << "item_ms_median=" << Bench::percentile(itemMs, 0.5) << '\n'
        << "item_ms_p99=" << Bench::percentile(itemMs, 0.99) << '\n'
        << "inactive_after=" << inactive << '\n'
        << "exit_code=" << exitCode << '\n';
    out.flush();
    if (inactive < 0)
        return Bench::fail(kTool, QStringLiteral("cannot list inactive campaigns: %1").arg(why));
    if (summary.succeeded != count || inactive != count || summaryText != expectedSummary)
        return Bench::fail(kTool,
                           QStringLiteral("%1 of %2 succeeded, %3 inactive afterwards, the window says '%4'")
                               .arg(summary.succeeded)
                               .arg(count)
                               .arg(inactive)
                               .arg(summaryText));
    if (exitCode != 0)
        return Bench::fail(kTool, QStringLiteral("the app did not quit cleanly (exit code %1)").arg(exitCode));
    return 0;
}
