#pragma once

// Runs tests/support/notificationservice (the notification-service executable) on the session
// bus for a test. Link the INTERFACE target cm_notificationservice, which defines
// NOTIFICATION_SERVICE_PATH and builds the executable first:
//
//   cm_add_test(tst_x SOURCES tst_x.cpp LIBRARIES cm_notificationservice ...)
//   set_tests_properties(tst_x PROPERTIES RESOURCE_LOCK org.freedesktop.Notifications)
//
// (The lock: a bus has one owner of the name, and ctest runs tests in parallel on the one
// private bus of scripts/test.)
//
//   NotificationServiceRunner service;
//   QVERIFY2(service.start({"actions", "body", "body-markup"}), qPrintable(service.errorString()));
//   ... the code under test sends a notification ...
//   QVERIFY(service.waitForNotifications(1, 10000));
//   QCOMPARE(service.notifications().at(0).value("summary").toString(), ...);
//   service.invoke(service.notifications().at(0).value("id").toInt(), "default");
//
// The waits run the event loop (woken by the process's output or the deadline), so D-Bus replies
// and signals keep reaching the objects under test meanwhile.

#include <QByteArray>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <functional>

#ifndef NOTIFICATION_SERVICE_PATH
#error "NOTIFICATION_SERVICE_PATH must name the notification-service executable (link cm_notificationservice)"
#endif

class NotificationServiceRunner
{
public:
    NotificationServiceRunner() { m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel); }
    ~NotificationServiceRunner() { stop(); }
    NotificationServiceRunner(const NotificationServiceRunner &) = delete;
    NotificationServiceRunner &operator=(const NotificationServiceRunner &) = delete;

    // Starts it with its default capabilities ("actions", "body") and waits for "ready".
    bool start(int timeoutMs = 10000) { return startWith({}, timeoutMs); }

    // Starts it answering GetCapabilities with exactly these (an empty list: none).
    bool start(const QStringList &capabilities, int timeoutMs = 10000)
    {
        return startWith({QStringLiteral("--capabilities"), capabilities.join(u',')}, timeoutMs);
    }

    // Any options of the program (--capabilities a,b,c; --server-name NAME; --refuse-notify, which
    // answers every Notify with a D-Bus error).
    bool startWith(const QStringList &arguments, int timeoutMs = 10000)
    {
        m_errorString.clear();
        m_pending.clear();
        m_ready = false;
        m_notifications.clear();
        m_process.start(QStringLiteral(NOTIFICATION_SERVICE_PATH), arguments);
        if (!m_process.waitForStarted(timeoutMs)) {
            m_errorString = QStringLiteral("notification-service did not start: ") + m_process.errorString();
            return false;
        }
        if (!waitUntil([this] { return m_ready; }, timeoutMs)) {
            m_errorString = m_process.state() == QProcess::NotRunning
                ? QStringLiteral("notification-service exited (code %1) before it was ready; its stderr says why "
                                 "(another notification service on this bus? Run the test inside dbus-run-session)")
                      .arg(m_process.exitCode())
                : QStringLiteral("notification-service did not say \"ready\" in time");
            return false;
        }
        return true;
    }

    // Asks it to quit (it gives the bus name back first) and waits; kills it if it will not.
    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.write("quit\n");
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    // True once it has printed at least `count` notifications in all.
    bool waitForNotifications(int count, int timeoutMs = 10000)
    {
        return waitUntil([this, count] { return m_notifications.size() >= count; }, timeoutMs);
    }

    // Every Notify call so far, in order: {"id", "app_name", "replaces_id", "app_icon", "summary",
    // "body", "actions", "hints", "hint_types" (each hint's D-Bus signature), "expire_timeout"}.
    QList<QJsonObject> notifications() const { return m_notifications; }

    // Emits ActionInvoked(id, action), then NotificationClosed(id, 2), as a click does.
    void invoke(uint id, const QString &action) { command(QStringLiteral("invoke %1 %2").arg(id).arg(action)); }

    // Emits NotificationClosed(id, 3).
    void close(uint id) { command(QStringLiteral("close %1").arg(id)); }

    QString errorString() const { return m_errorString; }
    QProcess &process() { return m_process; }

private:
    void command(const QString &line)
    {
        m_process.write(line.toUtf8() + '\n');
        m_process.waitForBytesWritten(5000);
    }

    bool waitUntil(const std::function<bool()> &done, int timeoutMs)
    {
        QDeadlineTimer deadline(timeoutMs);
        collect();
        while (!done()) {
            if (deadline.hasExpired() || m_process.state() == QProcess::NotRunning)
                return false;
            QEventLoop loop;
            QTimer timer;
            timer.setSingleShot(true);
            QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
            QObject::connect(&m_process, &QProcess::readyReadStandardOutput, &loop, &QEventLoop::quit);
            QObject::connect(&m_process, &QProcess::finished, &loop, &QEventLoop::quit);
            timer.start(int(qMax<qint64>(1, deadline.remainingTime())));
            loop.exec();
            collect();
        }
        return true;
    }

    void collect()
    {
        m_pending += m_process.readAllStandardOutput();
        qsizetype newline;
        while ((newline = m_pending.indexOf('\n')) >= 0) {
            const QByteArray line = m_pending.left(newline).trimmed();
            m_pending.remove(0, newline + 1);
            if (line == "ready")
                m_ready = true;
            else if (line.startsWith('{'))
                m_notifications.append(QJsonDocument::fromJson(line).object());
        }
    }

    QProcess m_process;
    QByteArray m_pending;
    bool m_ready = false;
    QList<QJsonObject> m_notifications;
    QString m_errorString;
};
