// The floor for start-up time and idle memory: a bare QMainWindow of the app's size, shown, then
// one pass of the event loop. It then says so on stderr, "bench_floor: window shown", and waits
// for SIGTERM or SIGINT, which end it with status 0. bench/startup measures it exactly as it
// measures campaign-manager (spawn to that line, resident memory at that moment, clean exit).
// With --rows N the window shows a QTableView of N rows instead: the least any window that lists
// N campaigns must do (fonts, a view, a first paint of text), with no data, network or parsing.
#include <QAbstractTableModel>
#include <QApplication>
#include <QMainWindow>
#include <QSocketNotifier>
#include <QTableView>
#include <QTextStream>
#include <QTimer>

#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace {

int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &byte, 1);
}

// Rows made up on demand: the floor holds no data, so it costs less than any real list.
class MadeUpRows : public QAbstractTableModel
{
public:
    MadeUpRows(int rows, QObject *parent) : QAbstractTableModel(parent), m_rows(rows) { }
    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : m_rows; }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : 5; }
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role != Qt::DisplayRole)
            return {};
        return QStringLiteral("Campaign %1, column %2").arg(index.row() + 1).arg(index.column() + 1);
    }

private:
    int m_rows;
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    // The self-pipe: the handler only writes a byte; the event loop reads it and quits.
    if (::pipe2(g_signalPipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return 1;
    QSocketNotifier notifier(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, [] { QCoreApplication::exit(0); });
    struct sigaction action { };
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);

    QMainWindow window;
    window.resize(1240, 740);
    const QStringList arguments = QCoreApplication::arguments();
    if (const qsizetype at = arguments.indexOf(QStringLiteral("--rows")); at > 0 && at + 1 < arguments.size()) {
        auto *view = new QTableView(&window);
        view->setModel(new MadeUpRows(arguments.at(at + 1).toInt(), view));
        window.setCentralWidget(view);
    }
    window.show();
    QTimer::singleShot(0, &app, [] { QTextStream(stderr) << "bench_floor: window shown" << Qt::endl; });
    return QApplication::exec();
}
