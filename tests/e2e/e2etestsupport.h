#pragma once

// Shared by the end-to-end suites: a private home for the whole test process (settings, journal,
// caches), a clean slate between tests, and small readers of the real window's state.

#include "application.h"
#include "campaignservice.h"
#include "campaigntablemodel.h"
#include "campaignwatcher.h"
#include "demoserver.h"
#include "journal.h"
#include "mainwindow.h"
#include "settings.h"
#include "watchcoordinator.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QMetaEnum>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

namespace E2E {

// Points HOME and the XDG directories at a fresh temporary directory for this process, before
// any application object exists, so nothing the tests do touches the developer's own files.
inline QTemporaryDir &privateHome()
{
    static QTemporaryDir home;
    return home;
}

inline void usePrivateHome()
{
    const QString root = privateHome().path();
    for (const char *dir : {"config", "data", "cache", "runtime"})
        QDir(root).mkpath(QLatin1String(dir));
    QFile::setPermissions(root + QStringLiteral("/runtime"), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    qputenv("HOME", root.toLocal8Bit());
    qputenv("XDG_CONFIG_HOME", (root + QStringLiteral("/config")).toLocal8Bit());
    qputenv("XDG_DATA_HOME", (root + QStringLiteral("/data")).toLocal8Bit());
    qputenv("XDG_CACHE_HOME", (root + QStringLiteral("/cache")).toLocal8Bit());
    // XDG_RUNTIME_DIR stays: the session's keyring daemon has its sockets there.
    Application::identify();
}

// Every setting back to its default and no journal: each test starts as a first start.
inline void resetState()
{
    {
        Settings settings;
        const QMetaEnum keys = QMetaEnum::fromType<Settings::Key>();
        for (int i = 0; i < keys.keyCount(); ++i)
            settings.reset(static_cast<Settings::Key>(keys.value(i)));
        settings.sync();
    }
    {
        // Each account's own keys too (tracked campaigns, filters, columns).
        QSettings raw;
        raw.clear();
        raw.sync();
    }
    QDir data(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    for (const QString &name : data.entryList({QStringLiteral("*journal.sqlite*")}, QDir::Files))
        data.remove(name);
}

// The demo's emulator in this process instead of altcraft-emulator's own, for a test that reads
// the server's state directly (demoServer(app)->inspect()). Before start().
inline void useInProcessDemo(Application &app)
{
    app.setDemoEmulatorFactory(
        [](const DemoEmulator::Options &options) { return std::make_unique<DemoServer>(options); });
}

inline DemoServer *demoServer(const Application &app)
{
    auto *server = dynamic_cast<DemoServer *>(app.demoEmulator());
    if (!server) // Q_ASSERT would vanish in the tests' release build
        qFatal("E2E::demoServer: the test did not call useInProcessDemo() before start()");
    return server;
}

inline QTableView *table(const Application &app)
{
    return app.mainWindow()->findChild<QTableView *>(QStringLiteral("campaignTable"));
}

inline QAction *action(const Application &app, const char *name)
{
    return app.mainWindow()->findChild<QAction *>(QLatin1String(name));
}

inline QModelIndex proxyIndex(const Application &app, qint64 id, int column)
{
    QAbstractItemModel *proxy = table(app)->model();
    for (int row = 0; row < proxy->rowCount(); ++row) {
        const QModelIndex index = proxy->index(row, column);
        if (index.data(CampaignTableModel::IdRole).toLongLong() == id)
            return index;
    }
    return {};
}

inline QString statusText(const Application &app, qint64 id)
{
    return proxyIndex(app, id, CampaignTableModel::StatusColumn).data().toString();
}

// The first row (in the table's order) whose campaign has this status.
inline qint64 firstWithStatus(const Application &app, CampaignStatus status)
{
    QAbstractItemModel *proxy = table(app)->model();
    for (int row = 0; row < proxy->rowCount(); ++row) {
        const qint64 id = proxy->index(row, 0).data(CampaignTableModel::IdRole).toLongLong();
        const Campaign *c = app.service()->model()->campaign(id);
        if (c && c->status == status)
            return id;
    }
    return -1;
}

// Selects a row as a user does: a click on its name cell.
inline void clickRow(const Application &app, qint64 id)
{
    QTableView *view = table(app);
    const QModelIndex index = proxyIndex(app, id, CampaignTableModel::NameColumn);
    view->scrollTo(index);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, view->visualRect(index).center());
}

inline QLabel *statusBarLabel(const Application &app, const char *objectName)
{
    return app.mainWindow()->statusBar()->findChild<QLabel *>(QLatin1String(objectName));
}

// Waits for the first list to arrive in the window; true when it loaded.
// Quick watch checks, so each step of a watch test settles in about a second; no whole-account
// check unless asked. Before the Application is built: it reads them at start.
inline void watchQuickly(int accountCheckMinutes = 0)
{
    Settings settings;
    settings.setValue(Settings::Key::WatchIntervalSeconds, 1);
    settings.setValue(Settings::Key::AccountCheckMinutes, accountCheckMinutes);
    settings.sync();
}

// The watcher of a one-off --api-url session (its account id is "").
inline CampaignWatcher *oneOffWatcher(const Application &app)
{
    return app.watch()->watcher(QString());
}

// Waits until the watcher has finished this many more checks.
inline bool waitForChecks(CampaignWatcher *watcher, int checks, int timeoutMs = 15000)
{
    QSignalSpy finished(watcher, &CampaignWatcher::checkFinished);
    QElapsedTimer timer;
    timer.start();
    while (finished.size() < checks) {
        if (timer.elapsed() > timeoutMs || !finished.wait(static_cast<int>(timeoutMs - timer.elapsed())))
            return finished.size() >= checks;
    }
    return true;
}

// The campaign of the table's current row.
inline qint64 currentId(const Application &app)
{
    return table(app)->currentIndex().data(CampaignTableModel::IdRole).toLongLong();
}

inline bool waitForFirstLoad(Application &, QSignalSpy &spy, int timeoutMs = 20000)
{
    if (spy.isEmpty() && !spy.wait(timeoutMs))
        return false;
    return spy.first().at(0).toBool();
}

} // namespace E2E

// main() for an end-to-end suite: the private home is in place before the QApplication exists.
#define E2E_MAIN(TestClass)                                                                                            \
    int main(int argc, char *argv[])                                                                                   \
    {                                                                                                                  \
        E2E::usePrivateHome();                                                                                         \
        QApplication app(argc, argv);                                                                                  \
        Application::identify();                                                                                       \
        TestClass tc;                                                                                                  \
        QTEST_SET_MAIN_SOURCE_PATH                                                                                     \
        return QTest::qExec(&tc, argc, argv);                                                                          \
    }
