// The floor for start-up time and idle memory: a bare QMainWindow, shown, with one pass of the
// event loop, then it prints its resident memory and exits. bench/startup compares the app to it.
#include <QApplication>
#include <QDateTime>
#include <QFile>
#include <QMainWindow>
#include <QTextStream>
#include <QTimer>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.resize(1240, 740);
    window.show();
    QTimer::singleShot(0, &app, [] {
        qint64 rss = -1;
        QFile status(QStringLiteral("/proc/self/status"));
        if (status.open(QIODevice::ReadOnly)) {
            for (const QByteArray &line : status.readAll().split('\n')) {
                if (line.startsWith("VmRSS:"))
                    rss = line.mid(6).trimmed().split(' ').first().toLongLong();
            }
        }
        QTextStream(stdout) << "at_ms=" << QDateTime::currentMSecsSinceEpoch() << " rss_kib=" << rss << Qt::endl;
        QCoreApplication::quit();
    });
    return QApplication::exec();
}
