// notification-service: a real org.freedesktop.Notifications service on the session bus for
// the tests (see notificationserver.h and tests/support/notificationservicerunner.h).
//
//   notification-service [--capabilities a,b,c] [--server-name NAME] [--refuse-notify]
//
// Prints "ready" once the name is registered, then one JSON line per Notify call (none for the
// calls --refuse-notify answers with an error). Reads
// commands on stdin, one a line: "invoke ID ACTION_KEY", "close ID", "quit". End of input
// (the test went away) quits too.

#include "notificationserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QSocketNotifier>

#include <cstdio>
#include <unistd.h>

namespace {

const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");

// Gives the name back before exiting, so the next test's service can take it at once.
void quit(QDBusConnection &bus)
{
    bus.unregisterService(kService);
    QCoreApplication::exit(0);
}

void runCommand(const QByteArray &line, NotificationServer &server, QDBusConnection &bus)
{
    const QList<QByteArray> words = line.simplified().split(' ');
    const QByteArray command = words.value(0);
    bool idOk = false;
    const uint id = words.value(1).toUInt(&idOk);
    if (command == "quit") {
        quit(bus);
    } else if (command == "invoke" && idOk && words.size() == 3) {
        server.invoke(id, QString::fromUtf8(words.at(2)));
    } else if (command == "close" && idOk && words.size() == 2) {
        server.close(id);
    } else if (!command.isEmpty()) {
        std::fprintf(stderr, "notification-service: unknown command: %s\n", line.constData());
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("A test double of the freedesktop notification service."));
    parser.addHelpOption();
    const QCommandLineOption capabilitiesOption(QStringLiteral("capabilities"),
                                                QStringLiteral("What GetCapabilities answers (comma-separated)."),
                                                QStringLiteral("list"), QStringLiteral("actions,body"));
    const QCommandLineOption serverNameOption(QStringLiteral("server-name"),
                                              QStringLiteral("The name GetServerInformation answers."),
                                              QStringLiteral("name"), QStringLiteral("notification-service"));
    const QCommandLineOption refuseNotifyOption(QStringLiteral("refuse-notify"),
                                                QStringLiteral("Answer every Notify with a D-Bus error."));
    parser.addOption(capabilitiesOption);
    parser.addOption(serverNameOption);
    parser.addOption(refuseNotifyOption);
    parser.process(app);

    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        std::fprintf(stderr, "notification-service: no D-Bus session bus: %s\n", qPrintable(bus.lastError().message()));
        return 1;
    }
    NotificationServer server(parser.value(capabilitiesOption).split(u',', Qt::SkipEmptyParts),
                              parser.value(serverNameOption));
    server.setRefuseNotify(parser.isSet(refuseNotifyOption));
    if (!bus.registerObject(kPath, &server, QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals)) {
        std::fprintf(stderr, "notification-service: cannot register %s: %s\n", qPrintable(kPath),
                     qPrintable(bus.lastError().message()));
        return 1;
    }
    // Neither queued behind nor replacing a notification daemon that already runs on this bus:
    // the test would talk to that one.
    const QDBusReply<QDBusConnectionInterface::RegisterServiceReply> registered = bus.interface()->registerService(
        kService, QDBusConnectionInterface::DontQueueService, QDBusConnectionInterface::DontAllowReplacement);
    if (!registered.isValid()) {
        std::fprintf(stderr, "notification-service: cannot own %s: %s\n", qPrintable(kService),
                     qPrintable(registered.error().message()));
        return 1;
    }
    if (registered.value() != QDBusConnectionInterface::ServiceRegistered) {
        std::fprintf(stderr, "notification-service: %s is already owned by %s (another notification service)\n",
                     qPrintable(kService), qPrintable(bus.interface()->serviceOwner(kService).value()));
        return 1;
    }

    QByteArray pending;
    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&input, &QSocketNotifier::activated, &app, [&] {
        char buffer[4096];
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n <= 0) {
            input.setEnabled(false);
            quit(bus);
            return;
        }
        pending.append(buffer, n);
        qsizetype newline;
        while ((newline = pending.indexOf('\n')) >= 0) {
            const QByteArray line = pending.left(newline);
            pending.remove(0, newline + 1);
            runCommand(line, server, bus);
        }
    });

    std::fputs("ready\n", stdout);
    std::fflush(stdout);
    return app.exec();
}
