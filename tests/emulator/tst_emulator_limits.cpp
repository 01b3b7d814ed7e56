// What one client may cost the emulator. Here: no busy loop when it runs out of descriptors
// (the altcraft-emulator executable with a low descriptor limit, CPU time read from /proc).

#include "apitokengrant.h"
#include "emulatorhttp.h"
#include "emulatorprocess.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTcpSocket>
#include <QTest>

#include <filesystem>
#include <memory>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;
using namespace EmulatorHttp;

namespace {

// utime + stime of a process, in clock ticks.
qint64 cpuTicks(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    // Fields after the command name, which is in parentheses and may hold spaces: state is
    // the first, utime the 12th, stime the 13th.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    return fields.size() > 12 ? fields.at(11).toLongLong() + fields.at(12).toLongLong() : -1;
}

qsizetype openDescriptors(qint64 pid)
{
    std::error_code error;
    const std::filesystem::directory_iterator dir("/proc/" + std::to_string(pid) + "/fd", error);
    return error ? -1 : std::distance(dir, std::filesystem::directory_iterator());
}

// Connections waiting in the accept queue of the socket listening on 127.0.0.1:port (for a
// listening socket, /proc/net/tcp gives that queue's length as rx_queue).
int acceptQueueLength(quint16 port)
{
    QFile tcp(u"/proc/net/tcp"_s);
    if (!tcp.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray local = "0100007F:" + QByteArray::number(port, 16).toUpper().rightJustified(4, '0');
    for (const QByteArray &line : tcp.readAll().split('\n')) {
        const QList<QByteArray> f = line.simplified().split(' ');
        if (f.size() > 4 && f.at(1) == local && f.at(3) == "0A") // 0A: LISTEN
            return static_cast<int>(f.at(4).split(':').value(1).toInt(nullptr, 16));
    }
    return -1;
}

} // namespace

class TestEmulatorLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Descriptors.
    void outOfDescriptorsPausesAcceptingInsteadOfSpinning();
};

// ---- Descriptors --------------------------------------------------------------------------

void TestEmulatorLimits::outOfDescriptorsPausesAcceptingInsteadOfSpinning()
{
    constexpr int kDescriptors = 64;
    EmulatorProcess emulator;
    emulator.process().setChildProcessModifier([] {
        const rlimit limit{kDescriptors, kDescriptors};
        ::setrlimit(RLIMIT_NOFILE, &limit);
    });
    QVERIFY(emulator.start({u"--port"_s, u"0"_s, u"--campaigns"_s, u"10"_s, u"--quiet"_s}));
    const qint64 pid = emulator.pid();

    // More connections than it has descriptors: the surplus waits in its accept queue.
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    for (int i = 0; i < kDescriptors * 2 + 20; ++i) {
        sockets.push_back(std::make_unique<QTcpSocket>());
        sockets.back()->connectToHost(QHostAddress::LocalHost, emulator.port());
    }
    QTRY_VERIFY_WITH_TIMEOUT(openDescriptors(pid) >= kDescriptors - 1 && acceptQueueLength(emulator.port()) > 0, 20000);

    // The measurement: a second of its CPU time while accept() would fail.
    const qint64 ticksBefore = cpuTicks(pid);
    QElapsedTimer clock;
    clock.start();
    QTest::qWait(1000);
    const double share = static_cast<double>(cpuTicks(pid) - ticksBefore) / static_cast<double>(sysconf(_SC_CLK_TCK))
        / (static_cast<double>(clock.elapsed()) / 1000.0);
    qInfo("emulator CPU while out of descriptors: %.0f%% of a core (%lld descriptors open, %d queued)", share * 100,
          static_cast<long long>(openDescriptors(pid)), acceptQueueLength(emulator.port()));
    QVERIFY2(share < 0.3, qPrintable(u"%1% of a core"_s.arg(share * 100, 0, 'f', 0)));

    const QString errors = QString::fromUtf8(emulator.process().readAllStandardError());
    QCOMPARE(errors.count(u"cannot accept connections"_s), 1);
    QVERIFY2(errors.contains(u"Too many open files"_s), qPrintable(errors));

    // Once the surplus goes, it serves again.
    sockets.clear();
    HttpClient http(emulator.baseUrl());
    const HttpResult list = http.post(u"list"_s, {{u"token"_s, ApiTokenGrant::defaultFullToken()}});
    QVERIFY2(list.httpStatus == 200 && list.apiError() == 0, list.describe());
}

QTEST_GUILESS_MAIN(TestEmulatorLimits)
#include "tst_emulator_limits.moc"
