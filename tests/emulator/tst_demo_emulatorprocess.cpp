// Demo mode's emulator as the app runs it: altcraft-emulator as a process of its own
// (DemoEmulatorProcess), serving both demo accounts with the tokens the app uses; what a user reads
// when it is missing or cannot start; and the demo's private directory (DemoScratchDir), which
// goes with the app and is swept when an earlier app left one.

#include "account.h"
#include "demoemulatorprocess.h"
#include "demoscratchdir.h"
#include "emulatorhttp.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <utime.h>

#ifndef ALTCRAFT_EMULATOR_PATH
#error "ALTCRAFT_EMULATOR_PATH must name the altcraft-emulator executable"
#endif

using namespace Qt::StringLiterals;
using namespace EmulatorHttp;

namespace {
bool processExists(qint64 pid)
{
    return pid > 0 && ::kill(static_cast<pid_t>(pid), 0) == 0;
}
} // namespace

class TestDemoEmulatorProcess : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void servesBothDemoAccountsFromItsOwnProcess();
    void saysWhatToInstallWhenTheEmulatorIsMissing();
    void saysWhyAnEmulatorThatCannotStartStopped();
    void scratchDirectoryGoesWithItsOwner();
    void sweepRemovesWhatADeadAppLeftAndKeepsALiveOne();
};

void TestDemoEmulatorProcess::servesBothDemoAccountsFromItsOwnProcess()
{
    qint64 pid = 0;
    {
        DemoEmulatorProcess demo({30, 0, 0, 12}, QStringLiteral(ALTCRAFT_EMULATOR_PATH));
        demo.begin();
        const QUrl url = demo.waitForUrl();
        QVERIFY2(url.isValid(), qPrintable(demo.errorString()));
        QCOMPARE(url.host(), u"127.0.0.1"_s);
        pid = demo.processId();
        QVERIFY(pid > 0 && pid != QCoreApplication::applicationPid());
        QVERIFY(processExists(pid));

        HttpClient http(url);
        const HttpResult first = http.post(u"list"_s, {{u"token"_s, Account::demoToken(QString(Account::kDemoId))}});
        const HttpResult second
            = http.post(u"list"_s, {{u"token"_s, Account::demoToken(QString(Account::kSecondDemoId))}});
        QVERIFY2(first.apiError() == 0, first.describe());
        QVERIFY2(second.apiError() == 0, second.describe());
        QCOMPARE(idsOf(first.data()).size(), 30);
        QCOMPARE(idsOf(second.data()), idsOf(first.data()).first(12));
        QVERIFY(first.data().toArray().first().toObject().value(u"name"_s)
                != second.data().toArray().first().toObject().value(u"name"_s));
        // Only the demo's tokens open it.
        const HttpResult stranger = http.post(u"list"_s, {{u"token"_s, u"not0a0demo0token0000000000000000"_s}});
        QVERIFY2(stranger.apiError() != 0, stranger.describe());
    }
    // The emulator ends with the object that started it, and is reaped.
    QVERIFY(!processExists(pid));
}

void TestDemoEmulatorProcess::saysWhatToInstallWhenTheEmulatorIsMissing()
{
    DemoEmulatorProcess demo({10, 0, 0, 5}, QString());
    demo.begin();
    QVERIFY(!demo.waitForUrl().isValid());
    QVERIFY2(demo.errorString().contains(u"campaign-manager-emulator"_s), qPrintable(demo.errorString()));
    QCOMPARE(demo.errorString(), DemoEmulatorProcess::notInstalledMessage());
    QVERIFY(demo.processId() == 0);
}

void TestDemoEmulatorProcess::saysWhyAnEmulatorThatCannotStartStopped()
{
    // A program that is not an emulator: it says why on stderr and ends, as a broken one would.
    QTemporaryDir dir;
    const QString fake = dir.filePath(u"altcraft-emulator"_s);
    QFile script(fake);
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write("#!/bin/sh\necho 'altcraft-emulator: cannot listen on 127.0.0.1:0' >&2\nexit 2\n");
    script.close();
    QVERIFY(script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));

    DemoEmulatorProcess demo({10, 0, 0, 5}, fake);
    demo.begin();
    QVERIFY(!demo.waitForUrl().isValid());
    QVERIFY2(demo.errorString().contains(u"stopped before it was ready"_s), qPrintable(demo.errorString()));
    QVERIFY2(demo.errorString().contains(u"cannot listen on 127.0.0.1:0"_s), qPrintable(demo.errorString()));

    DemoEmulatorProcess missing({10, 0, 0, 5}, dir.filePath(u"no-such-program"_s));
    missing.begin();
    QVERIFY(!missing.waitForUrl().isValid());
    QVERIFY2(missing.errorString().contains(u"could not be started"_s), qPrintable(missing.errorString()));
}

void TestDemoEmulatorProcess::scratchDirectoryGoesWithItsOwner()
{
    QTemporaryDir base;
    QString path;
    {
        DemoScratchDir scratch(base.path());
        QVERIFY2(scratch.isValid(), qPrintable(scratch.errorString()));
        path = scratch.path();
        QVERIFY(QFileInfo(path).fileName().startsWith(DemoScratchDir::namePrefix()));
        // Only its owner may look inside: History is there.
        QCOMPARE(QFileInfo(path).permissions() & (QFile::ReadOther | QFile::ReadGroup), QFile::Permissions());
        QFile journal(scratch.filePath(u"journal.sqlite"_s));
        QVERIFY(journal.open(QIODevice::WriteOnly));
        journal.write("rows");
        journal.close();
        // While it lives, a sweep (another app starting) leaves it alone.
        QCOMPARE(DemoScratchDir::sweep(base.path()), 0);
        QVERIFY(QFile::exists(scratch.filePath(u"journal.sqlite"_s)));
    }
    QVERIFY(!QFileInfo::exists(path));
    QVERIFY(QDir(base.path()).isEmpty());
}

void TestDemoEmulatorProcess::sweepRemovesWhatADeadAppLeftAndKeepsALiveOne()
{
    QTemporaryDir base;
    // What an app killed before it took its lock leaves: an old directory with a journal.
    const QString orphan = base.filePath(DemoScratchDir::namePrefix() + u"orphan"_s);
    QVERIFY(QDir().mkpath(orphan));
    QFile journal(orphan + u"/journal.sqlite"_s);
    QVERIFY(journal.open(QIODevice::WriteOnly));
    journal.close();
    const time_t hourAgo = QDateTime::currentDateTime().addSecs(-3600).toSecsSinceEpoch();
    const utimbuf times{hourAgo, hourAgo};
    QCOMPARE(::utime(QFile::encodeName(orphan).constData(), &times), 0);
    // One being made this very moment by another app that has not locked it yet.
    const QString fresh = base.filePath(DemoScratchDir::namePrefix() + u"fresh"_s);
    QVERIFY(QDir().mkpath(fresh));
    // Something that is not the demo's.
    const QString other = base.filePath(u"someone-elses"_s);
    QVERIFY(QDir().mkpath(other));

    DemoScratchDir live(base.path());
    QVERIFY(live.isValid());
    QCOMPARE(DemoScratchDir::sweep(base.path()), 1);
    QVERIFY(!QFileInfo::exists(orphan));
    QVERIFY(QFileInfo::exists(fresh));
    QVERIFY(QFileInfo::exists(other));
    QVERIFY(QFileInfo::exists(live.path()));
}

QTEST_GUILESS_MAIN(TestDemoEmulatorProcess)
#include "tst_demo_emulatorprocess.moc"
