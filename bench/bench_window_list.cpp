// bench_window_list: the C++ half of bench/list-filter (the driver starts the emulator, runs curl).
//
//   bench_window_list app --base URL --token T --expect N --from-ids-out FILE [--server-pid PID]
//       Builds the real Application (settings, SQLite journal, client, service, MainWindow) against
//       --base as `campaign-manager --api-url URL` with ALTCRAFT_API_TOKEN would, and times
//       start() -> firstLoadFinished with all N rows in the window's table -> the window idle
//       (events processed until a pass handles none: layout and paint of the table).
//       Writes the keyset page starts the list walked (1, then the last ID of each full page + 1)
//       to FILE, for curl to fetch the same pages.
//       Then types and erases realistic searches into the window's search box (searchEdit), one
//       key event at a time, each timed from the key press to the window idle again; beside each
//       keystroke, untimed against it, the same match in a plain loop over the model's names.
//       Then ticks the two commonest tags in the Tags and Groups pane, sets the status filter to
//       Active, and types and erases the same searches again, timed the same way.
//       Reports the process's peak memory (VmHWM), then quits the app as File → Quit does.
//   bench_window_list typing --base URL --token T --expect N [--key-interval-ms MS]
//       The same Application, started the same way; from the moment the first rows are in the
//       window's table until the list is in, types and erases the same searches into the search
//       box, one key press every --key-interval-ms (default 100: a fast typist), each keystroke
//       timed from the key press to the window idle again while the pages keep arriving. Beside
//       each, untimed against it, the same match in a plain loop over the rows loaded by then.
//   bench_window_list fromjson --pages DIR --from-ids FILE --expect N
//       QJsonDocument::fromJson alone over the pages curl saved (DIR/page-000.json, ...): the
//       median of 3 passes; checks that the pages chain (each starts after the last ID of the one
//       before) and hold N campaigns.
//
// Prints key=value lines for the driver; exits 1 when anything failed.
#include "appbench.h"
#include "benchclient.h"
#include "campaignfacetmodel.h"
#include "campaignfilterproxy.h"
#include "campaignservice.h"
#include "campaigntablemodel.h"
#include "mainwindow.h"

#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLineEdit>
#include <QTableView>
#include <QTimer>

#include <functional>
#include <memory>
#include <utility>

namespace {

const QString kTool = QStringLiteral("bench_window_list");
constexpr int kLoadTimeoutMs = 300000;
constexpr int kQuitTimeoutMs = 15000;

// Searches a user might type: names in both languages, an ID, a tag-like word, a city.
const char *const kQueries[] = {
    "Black Friday", "Летняя распродажа", "12345", "sale", "Welcome series", "Чёрная пятница", "vip", "Moscow",
    "2025",         "Брошенная корзина",
};

QString fixed(double value, int decimals = 2)
{
    return QString::number(value, 'f', decimals);
}

// Counts the paint events a widget receives: evidence that a timed keystroke included painting.
class PaintCounter : public QObject
{
public:
    using QObject::QObject;
    int paints = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return QObject::eventFilter(watched, event);
    }
};

// One key press and release, as the window system delivers a typed character or Backspace.
void typeKey(QWidget *target, QChar ch, bool backspace)
{
    const int key = backspace ? Qt::Key_Backspace : static_cast<int>(ch.toUpper().unicode());
    const Qt::KeyboardModifiers modifiers = !backspace && ch.isUpper() ? Qt::ShiftModifier : Qt::NoModifier;
    const QString text = backspace ? QString() : QString(ch);
    QKeyEvent press(QEvent::KeyPress, key, modifiers, text);
    QCoreApplication::sendEvent(target, &press);
    QKeyEvent release(QEvent::KeyRelease, key, modifiers, text);
    QCoreApplication::sendEvent(target, &release);
}

// The key presses that type every query and erase it again: the text after each, and the
// character typed (a null QChar for Backspace).
struct Keystroke {
    QString textAfter;
    QChar typed;
};

QList<Keystroke> keystrokes()
{
    QList<Keystroke> result;
    for (const char *query : kQueries) {
        const QString q = QString::fromUtf8(query);
        for (qsizetype n = 1; n <= q.size(); ++n)
            result.append({q.left(n), q.at(n - 1)});
        for (qsizetype n = q.size() - 1; n >= 0; --n)
            result.append({q.left(n), QChar()});
    }
    return result;
}

// Each keystroke of every query typed and erased in the window's search box, timed from the key
// press to the window idle again; beside each, untimed, the same match (over the campaigns keep
// lets through) in a plain loop. A mismatch is a keystroke where the two disagree.
struct TypingFigures {
    QList<qint64> keyNs, plainNs;
    int mismatches = 0, passesMax = 0;
    QString firstMismatch;
};

TypingFigures typeEveryQuery(QLineEdit *search, QTableView *table, const CampaignTableModel &model,
                             const std::function<bool(const Campaign &)> &keep)
{
    TypingFigures f;
    for (const char *query : kQueries) {
        const QString q = QString::fromUtf8(query);
        QStringList texts;
        for (qsizetype n = 1; n <= q.size(); ++n)
            texts << q.left(n);
        for (qsizetype n = q.size() - 1; n >= 0; --n)
            texts << q.left(n);
        for (qsizetype step = 0; step < texts.size(); ++step) {
            const bool typing = step < q.size();
            QElapsedTimer t;
            t.start();
            typeKey(search, typing ? q.at(step) : QChar(), !typing);
            f.passesMax = std::max(f.passesMax, Bench::drainEvents());
            f.keyNs.append(t.nsecsElapsed());
            const int shown = table->model()->rowCount();
            t.restart();
            const int plain = keep ? Bench::plainMatchCount(model, texts.at(step), keep)
                                   : Bench::plainMatchCount(model, texts.at(step));
            f.plainNs.append(t.nsecsElapsed());
            if ((search->text() != texts.at(step) || plain != shown) && f.mismatches++ == 0)
                f.firstMismatch = QStringLiteral("after '%1' the box reads '%2', the table shows %3 rows, the plain "
                                                 "loop finds %4")
                                      .arg(texts.at(step), search->text())
                                      .arg(shown)
                                      .arg(plain);
        }
    }
    return f;
}

// The keys of the facet's rows carried by the most campaigns, most first.
QStringList commonestTags(const CampaignFacetModel &facets, int n)
{
    QList<std::pair<int, QString>> counted;
    for (int row = 0; row < facets.rowCount(); ++row) {
        const QModelIndex index = facets.index(row, 0);
        counted.append(
            {index.data(CampaignFacetModel::CountRole).toInt(), index.data(CampaignFacetModel::KeyRole).toString()});
    }
    std::sort(counted.begin(), counted.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    QStringList keys;
    for (qsizetype i = 0; i < std::min<qsizetype>(n, counted.size()); ++i)
        keys << counted.at(i).second;
    return keys;
}

// Runs the event loop (the list keeps loading) until ms have passed since timer started.
void waitUntil(const QElapsedTimer &timer, qint64 ms)
{
    const qint64 left = ms - timer.elapsed();
    if (left <= 0)
        return;
    QEventLoop loop;
    QTimer::singleShot(static_cast<int>(left), Qt::PreciseTimer, &loop, &QEventLoop::quit);
    loop.exec();
}

int runTyping(const QCommandLineParser &parser)
{
    const QUrl base(parser.value(QStringLiteral("base")));
    if (!base.isValid() || base.host().isEmpty())
        return Bench::fail(kTool, QStringLiteral("--base must be the emulator's URL"));
    bool ok = false;
    const int expected = parser.value(QStringLiteral("expect")).toInt(&ok);
    if (!ok || expected < 1)
        return Bench::fail(kTool, QStringLiteral("--expect must be a positive whole number"));
    const int intervalMs = parser.value(QStringLiteral("key-interval-ms")).toInt(&ok);
    if (!ok || intervalMs < 0)
        return Bench::fail(kTool, QStringLiteral("--key-interval-ms must be a whole number of at least 0"));
    const LaunchOptions options = Bench::accountOptions(base, parser.value(QStringLiteral("token")));
    if (!options.error.isEmpty())
        return Bench::fail(kTool,
                           QStringLiteral("the app refuses --api-url %1: %2").arg(base.toString(), options.error));

    Application app(options);
    const CampaignTableModel &model = *app.service()->model();
    bool loaded = false, loadOk = false;
    int loadedCampaigns = 0;
    QObject::connect(&app, &Application::firstLoadFinished, &app, [&](bool okay, int campaigns) {
        loaded = true;
        loadOk = okay;
        loadedCampaigns = campaigns;
    });
    QElapsedTimer listTimer;
    listTimer.start();
    // Typing starts when the first rows are in the table, as a user would start.
    const bool rowsCame = Bench::waitFor(kLoadTimeoutMs, [&](std::function<void()> done) {
        QObject::connect(&model, &QAbstractItemModel::rowsInserted, &app, [done, fired = false]() mutable {
            if (!std::exchange(fired, true))
                done();
        });
        if (!app.start())
            done();
    });
    MainWindow *window = app.mainWindow();
    if (!rowsCame || !window || model.rowCount() == 0)
        return Bench::fail(kTool, QStringLiteral("no rows arrived in the window's table"));
    auto *table = window->findChild<QTableView *>(QStringLiteral("campaignTable"));
    auto *search = window->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    if (!table || !search)
        return Bench::fail(kTool, QStringLiteral("the window has no campaignTable or searchEdit"));
    search->setFocus();

    const QList<Keystroke> keys = keystrokes();
    QList<qint64> keyNs, plainNs, rowsAtKey;
    int mismatches = 0;
    QString firstMismatch;
    PaintCounter viewportPaints;
    table->viewport()->installEventFilter(&viewportPaints);
    for (qsizetype i = 0; !loaded && listTimer.elapsed() < kLoadTimeoutMs; ++i) {
        const Keystroke &key = keys.at(i % keys.size());
        QElapsedTimer pressed;
        pressed.start();
        typeKey(search, key.typed, key.typed.isNull());
        Bench::drainEvents();
        keyNs.append(pressed.nsecsElapsed());
        rowsAtKey.append(model.rowCount());
        const int shown = table->model()->rowCount();
        QElapsedTimer t;
        t.start();
        const int plain = Bench::plainMatchCount(model, key.textAfter);
        plainNs.append(t.nsecsElapsed());
        if ((search->text() != key.textAfter || plain != shown) && mismatches++ == 0)
            firstMismatch = QStringLiteral("after '%1' (%2 rows loaded) the box reads '%3', the table shows %4 rows, "
                                           "the plain loop finds %5")
                                .arg(key.textAfter)
                                .arg(rowsAtKey.last())
                                .arg(search->text())
                                .arg(shown)
                                .arg(plain);
        waitUntil(pressed, intervalMs);
    }
    table->viewport()->removeEventFilter(&viewportPaints);
    const double listSeconds = static_cast<double>(listTimer.nsecsElapsed()) / 1e9;
    if (!loaded || !loadOk || loadedCampaigns != expected || model.rowCount() != expected)
        return Bench::fail(kTool,
                           QStringLiteral("the list did not load while typing (loaded: %1, ok: %2, %3 of %4 "
                                          "campaigns)")
                               .arg(loaded ? QStringLiteral("yes") : QStringLiteral("no"),
                                    loadOk ? QStringLiteral("yes") : QStringLiteral("no"))
                               .arg(model.rowCount())
                               .arg(expected));
    // The search typed last still holds once the rest of the list is in.
    Bench::drainEvents();
    const int finalPlain = Bench::plainMatchCount(model, search->text());
    if (table->model()->rowCount() != finalPlain && mismatches++ == 0)
        firstMismatch = QStringLiteral("after the list the table shows %1 rows for '%2', the plain loop finds %3")
                            .arg(table->model()->rowCount())
                            .arg(search->text())
                            .arg(finalPlain);
    const qint64 peakKiB = Bench::statusKiB("VmHWM");
    const int exitCode = Bench::quitAndWait(app, kQuitTimeoutMs);

    const auto ms = [](double ns) { return ns / 1e6; };
    QTextStream &out = Bench::out();
    out << "typing_list_seconds=" << fixed(listSeconds, 6) << '\n'
        << "typing_keystrokes=" << keyNs.size() << '\n'
        << "typing_key_ms_median=" << fixed(ms(Bench::percentile(keyNs, 0.5))) << '\n'
        << "typing_key_ms_p99=" << fixed(ms(Bench::percentile(keyNs, 0.99))) << '\n'
        << "typing_key_ms_max=" << fixed(ms(Bench::percentile(keyNs, 1.0))) << '\n'
        << "typing_plain_ms_median=" << fixed(ms(Bench::percentile(plainNs, 0.5))) << '\n'
        << "typing_rows_first=" << (rowsAtKey.isEmpty() ? 0 : rowsAtKey.first()) << '\n'
        << "typing_rows_last=" << (rowsAtKey.isEmpty() ? 0 : rowsAtKey.last()) << '\n'
        << "typing_viewport_paints=" << viewportPaints.paints << '\n'
        << "typing_mismatches=" << mismatches << '\n'
        << "typing_peak_kib=" << peakKiB << '\n'
        << "typing_exit_code=" << exitCode << '\n';
    out.flush();
    if (keyNs.size() < 2)
        return Bench::fail(kTool, QStringLiteral("the list loaded before two keystrokes could be typed"));
    if (mismatches > 0)
        return Bench::fail(kTool,
                           QStringLiteral("%1 keystrokes where the window and the plain loop disagree; first: %2")
                               .arg(mismatches)
                               .arg(firstMismatch));
    if (exitCode != 0)
        return Bench::fail(kTool, QStringLiteral("the app did not quit cleanly (exit code %1)").arg(exitCode));
    return 0;
}

int runApp(const QCommandLineParser &parser)
{
    const QUrl base(parser.value(QStringLiteral("base")));
    if (!base.isValid() || base.host().isEmpty())
        return Bench::fail(kTool, QStringLiteral("--base must be the emulator's URL"));
    bool ok = false;
    const int expected = parser.value(QStringLiteral("expect")).toInt(&ok);
    if (!ok || expected < 1)
        return Bench::fail(kTool, QStringLiteral("--expect must be a positive whole number"));
    const qint64 serverPid = parser.value(QStringLiteral("server-pid")).toLongLong();

    const LaunchOptions options = Bench::accountOptions(base, parser.value(QStringLiteral("token")));
    if (!options.error.isEmpty())
        return Bench::fail(kTool,
                           QStringLiteral("the app refuses --api-url %1: %2").arg(base.toString(), options.error));
    const qint64 startKiB = Bench::statusKiB("VmHWM");

    // 1. Timed: start() -> firstLoadFinished with the rows in the table -> the window idle.
    Application app(options);
    QElapsedTimer timer;
    const double cpuBefore = Bench::cpuMs();
    const double serverCpuBefore = Bench::cpuMsOf(serverPid);
    timer.start();
    const Bench::FirstLoad load = Bench::startAndWaitForFirstLoad(app, kLoadTimeoutMs);
    const qint64 signalNs = timer.nsecsElapsed();
    if (const QString failure = Bench::firstLoadFailure(load, kLoadTimeoutMs); !failure.isEmpty())
        return Bench::fail(kTool, failure);
    MainWindow *window = app.mainWindow();
    auto *table = window->findChild<QTableView *>(QStringLiteral("campaignTable"));
    auto *search = window->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    if (!table || !search)
        return Bench::fail(kTool, QStringLiteral("the window has no campaignTable or searchEdit"));
    const int tableRowsAtSignal = table->model()->rowCount();
    Bench::drainEvents();
    const qint64 listNs = timer.nsecsElapsed();
    const double cpu = Bench::cpuMs() - cpuBefore;
    const double serverCpu = serverCpuBefore < 0 ? -1 : Bench::cpuMsOf(serverPid) - serverCpuBefore;
    const CampaignTableModel &model = *app.service()->model();
    if (load.campaigns != expected || tableRowsAtSignal != expected || table->model()->rowCount() != expected
        || model.rowCount() != expected)
        return Bench::fail(kTool,
                           QStringLiteral("expected %1 campaigns; the list said %2, the table showed %3 rows at the "
                                          "signal and %4 after, the model holds %5")
                               .arg(expected)
                               .arg(load.campaigns)
                               .arg(tableRowsAtSignal)
                               .arg(table->model()->rowCount())
                               .arg(model.rowCount()));
    const qint64 afterListKiB = Bench::statusKiB("VmHWM");
    const qint64 rssAfterListKiB = Bench::statusKiB("VmRSS");

    // The keyset page starts of that list, for curl: 1, then after each full page its last ID + 1.
    QList<qint64> ids = model.ids();
    std::sort(ids.begin(), ids.end());
    const int pageSize = CampaignFilter{}.pageSize;
    QList<qint64> fromIds{CampaignFilter{}.fromId};
    for (qsizetype end = pageSize; end <= ids.size(); end += pageSize)
        fromIds.append(ids.at(end - 1) + 1);
    if (!Bench::writeIds(parser.value(QStringLiteral("from-ids-out")), fromIds))
        return Bench::fail(
            kTool,
            QStringLiteral("cannot write --from-ids-out '%1'").arg(parser.value(QStringLiteral("from-ids-out"))));

    // 2. Timed: each keystroke into the search box, until the window is idle again.
    search->setFocus();
    Bench::drainEvents();
    PaintCounter viewportPaints;
    table->viewport()->installEventFilter(&viewportPaints);
    const TypingFigures typing = typeEveryQuery(search, table, model, {});
    const QList<qint64> &keyNs = typing.keyNs, &plainNs = typing.plainNs;
    int mismatches = typing.mismatches;
    const int passesMax = typing.passesMax;
    QString firstMismatch = typing.firstMismatch;

    // 3. Timed: the same keystrokes with the two commonest tags ticked in the Tags and Groups pane
    // and the status filter on Active, as the window applies them (issue 19: median under 16 ms).
    const QStringList tags = commonestTags(*window->tagFacets(), 2);
    for (int row = 0; row < window->tagFacets()->rowCount(); ++row) {
        const QModelIndex index = window->tagFacets()->index(row, 0);
        if (tags.contains(index.data(CampaignFacetModel::KeyRole).toString()))
            window->tagFacets()->setData(index, Qt::Checked, Qt::CheckStateRole);
    }
    auto *status = window->findChild<QComboBox *>(QStringLiteral("statusFilter"));
    status->setCurrentIndex(status->findData(static_cast<int>(CampaignStatus::Active)));
    search->setFocus();
    Bench::drainEvents();
    const QSet<QString> tagSet(tags.cbegin(), tags.cend());
    const TypingFigures filtered = typeEveryQuery(search, table, model, [&tagSet](const Campaign &c) {
        return c.status == CampaignStatus::Active
            && std::any_of(c.tags.cbegin(), c.tags.cend(), [&tagSet](const QString &t) { return tagSet.contains(t); });
    });
    const int filteredRows = Bench::plainMatchCount(model, QString(), [&tagSet](const Campaign &c) {
        return c.status == CampaignStatus::Active
            && std::any_of(c.tags.cbegin(), c.tags.cend(), [&tagSet](const QString &t) { return tagSet.contains(t); });
    });
    if (tags.size() < 2 && mismatches++ == 0)
        firstMismatch = QStringLiteral("the table's campaigns carry fewer than two tags");
    mismatches += filtered.mismatches;
    if (firstMismatch.isEmpty())
        firstMismatch = filtered.firstMismatch;
    table->viewport()->removeEventFilter(&viewportPaints);
    const qint64 peakKiB = Bench::statusKiB("VmHWM");
    const int exitCode = Bench::quitAndWait(app, kQuitTimeoutMs);

    const auto ms = [](double ns) { return ns / 1e6; };
    const auto slow = std::count_if(keyNs.cbegin(), keyNs.cend(), [&](qint64 ns) { return ms(double(ns)) >= 16.0; });
    QTextStream &out = Bench::out();
    out << "list_seconds=" << fixed(static_cast<double>(listNs) / 1e9, 6) << '\n'
        << "first_load_signal_seconds=" << fixed(static_cast<double>(signalNs) / 1e9, 6) << '\n'
        << "list_cpu_seconds=" << fixed(cpu / 1e3, 3) << '\n'
        << "server_cpu_seconds=" << (serverCpu < 0 ? QStringLiteral("unknown") : fixed(serverCpu / 1e3, 3)) << '\n'
        << "campaigns=" << load.campaigns << '\n'
        << "pages=" << fromIds.size() << '\n'
        << "keystrokes=" << keyNs.size() << '\n'
        << "key_ms_median=" << fixed(ms(Bench::percentile(keyNs, 0.5))) << '\n'
        << "key_ms_p99=" << fixed(ms(Bench::percentile(keyNs, 0.99))) << '\n'
        << "key_ms_max=" << fixed(ms(Bench::percentile(keyNs, 1.0))) << '\n'
        << "keys_at_16ms_or_more=" << slow << '\n'
        << "plain_ms_median=" << fixed(ms(Bench::percentile(plainNs, 0.5))) << '\n'
        << "plain_ms_p99=" << fixed(ms(Bench::percentile(plainNs, 0.99))) << '\n'
        << "filtered_tags=" << tags.join(QLatin1Char(',')) << '\n'
        << "filtered_rows=" << filteredRows << '\n'
        << "filtered_keystrokes=" << filtered.keyNs.size() << '\n'
        << "filtered_key_ms_median=" << fixed(ms(Bench::percentile(filtered.keyNs, 0.5))) << '\n'
        << "filtered_key_ms_p99=" << fixed(ms(Bench::percentile(filtered.keyNs, 0.99))) << '\n'
        << "filtered_plain_ms_median=" << fixed(ms(Bench::percentile(filtered.plainNs, 0.5))) << '\n'
        << "event_passes_max=" << passesMax << '\n'
        << "viewport_paints=" << viewportPaints.paints << '\n'
        << "mismatches=" << mismatches << '\n'
        << "start_kib=" << startKiB << '\n'
        << "peak_after_list_kib=" << afterListKiB << '\n'
        << "rss_after_list_kib=" << rssAfterListKiB << '\n'
        << "peak_kib=" << peakKiB << '\n'
        << "exit_code=" << exitCode << '\n';
    if (!firstMismatch.isEmpty())
        out << "first_mismatch=" << firstMismatch << '\n';
    out.flush();
    if (mismatches > 0)
        return Bench::fail(kTool,
                           QStringLiteral("%1 keystrokes where the window and the plain loop disagree; first: %2")
                               .arg(mismatches)
                               .arg(firstMismatch));
    if (exitCode != 0)
        return Bench::fail(kTool, QStringLiteral("the app did not quit cleanly (exit code %1)").arg(exitCode));
    return 0;
}

int runFromJson(const QCommandLineParser &parser)
{
    QList<qint64> fromIds;
    if (!Bench::readIds(parser.value(QStringLiteral("from-ids")), &fromIds) || fromIds.isEmpty())
        return Bench::fail(kTool,
                           QStringLiteral("cannot read --from-ids %1").arg(parser.value(QStringLiteral("from-ids"))));
    const qint64 expected = parser.value(QStringLiteral("expect")).toLongLong();
    const QDir dir(parser.value(QStringLiteral("pages")));
    QList<QByteArray> bodies;
    qint64 bytes = 0;
    for (qsizetype i = 0; i < fromIds.size(); ++i) {
        QFile file(dir.filePath(QStringLiteral("page-%1.json").arg(i, 3, 10, QLatin1Char('0'))));
        if (!file.open(QIODevice::ReadOnly))
            return Bench::fail(kTool, QStringLiteral("cannot read %1").arg(file.fileName()));
        bodies.append(file.readAll());
        bytes += bodies.last().size();
    }
    // Untimed check: the pages chain as keyset pagination says, and hold every campaign once.
    qint64 items = 0;
    const int pageSize = CampaignFilter{}.pageSize;
    for (qsizetype i = 0; i < bodies.size(); ++i) {
        const QJsonObject envelope = QJsonDocument::fromJson(bodies.at(i)).object();
        const QJsonArray data = envelope.value(QStringLiteral("data")).toArray();
        if (envelope.value(QStringLiteral("error")).toInt(-1) != 0)
            return Bench::fail(kTool, QStringLiteral("page %1 is not a successful answer").arg(i));
        items += data.size();
        const bool last = i + 1 == bodies.size();
        if (last != (data.size() < pageSize))
            return Bench::fail(kTool,
                               QStringLiteral("page %1 holds %2 campaigns: the walk ended in the wrong place")
                                   .arg(i)
                                   .arg(data.size()));
        if (!last) {
            const auto lastId = static_cast<qint64>(data.last().toObject().value(QStringLiteral("id")).toDouble());
            if (lastId + 1 != fromIds.at(i + 1))
                return Bench::fail(kTool,
                                   QStringLiteral("page %1 ends at ID %2 but the next starts at %3")
                                       .arg(i)
                                       .arg(lastId)
                                       .arg(fromIds.at(i + 1)));
        }
    }
    if (items != expected)
        return Bench::fail(kTool, QStringLiteral("the pages hold %1 campaigns, not %2").arg(items).arg(expected));
    QList<qint64> passes;
    for (int pass = 0; pass < 3; ++pass) {
        qint64 ns = 0;
        qsizetype parsed = 0;
        for (const QByteArray &b : std::as_const(bodies)) {
            QElapsedTimer t;
            t.start();
            const QJsonDocument doc = QJsonDocument::fromJson(b);
            ns += t.nsecsElapsed();
            parsed += doc.isObject() ? 1 : 0;
        }
        if (parsed != bodies.size())
            return Bench::fail(kTool, QStringLiteral("fromJson failed on a page"));
        passes.append(ns);
    }
    QTextStream &out = Bench::out();
    out << "fromjson_seconds=" << fixed(Bench::percentile(passes, 0.5) / 1e9, 6) << '\n'
        << "json_bytes=" << bytes << '\n'
        << "pages=" << bodies.size() << '\n'
        << "items=" << items << '\n';
    out.flush();
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    const bool gui = argc > 1 && (qstrcmp(argv[1], "app") == 0 || qstrcmp(argv[1], "typing") == 0);
    if (gui)
        Bench::prepareApplication();
    // fromjson needs no window system.
    std::unique_ptr<QCoreApplication> qapp
        = gui ? std::make_unique<QApplication>(argc, argv) : std::make_unique<QCoreApplication>(argc, argv);
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("mode"), QStringLiteral("app, typing or fromjson"));
    parser.addOptions({
        {QStringLiteral("base"), QStringLiteral("Emulator base URL."), QStringLiteral("url")},
        {QStringLiteral("token"), QStringLiteral("API token."), QStringLiteral("token"),
         QStringLiteral("demo0full0access0token0000000001")},
        {QStringLiteral("expect"), QStringLiteral("Campaigns the emulator holds."), QStringLiteral("n"),
         QStringLiteral("100000")},
        {QStringLiteral("server-pid"), QStringLiteral("The emulator's process ID, to report its CPU time."),
         QStringLiteral("pid")},
        {QStringLiteral("from-ids-out"), QStringLiteral("app: where to write the page starts."),
         QStringLiteral("file")},
        {QStringLiteral("from-ids"), QStringLiteral("fromjson: the page starts."), QStringLiteral("file")},
        {QStringLiteral("pages"), QStringLiteral("fromjson: the directory of page-NNN.json."), QStringLiteral("dir")},
        {QStringLiteral("key-interval-ms"), QStringLiteral("typing: time from one key press to the next."),
         QStringLiteral("ms"), QStringLiteral("100")},
    });
    parser.addHelpOption();
    parser.process(*qapp);
    const QStringList positional = parser.positionalArguments();
    if (positional == QStringList{QStringLiteral("app")})
        return runApp(parser);
    if (positional == QStringList{QStringLiteral("typing")})
        return runTyping(parser);
    if (positional == QStringList{QStringLiteral("fromjson")})
        return runFromJson(parser);
    return Bench::fail(kTool, QStringLiteral("give one mode: app, typing or fromjson"));
}
