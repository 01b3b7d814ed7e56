#pragma once

// Shared by the emulator tests that run the altcraft-emulator executable (its path comes from
// ALTCRAFT_EMULATOR_PATH, set in CMakeLists.txt).

#include <QDeadlineTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QUrl>

#ifndef ALTCRAFT_EMULATOR_PATH
#error "ALTCRAFT_EMULATOR_PATH must name the altcraft-emulator executable"
#endif

// One running altcraft-emulator. Reads its stdout as it comes, so tests can wait for lines.
class EmulatorProcess
{
public:
    ~EmulatorProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    // Starts the process and waits for its "listening on" line; false if it never comes.
    bool start(const QStringList &arguments)
    {
        m_process.start(QStringLiteral(ALTCRAFT_EMULATOR_PATH), arguments);
        if (!m_process.waitForStarted(10000))
            return false;
        static const QRegularExpression listening(QStringLiteral("listening on (http://127\\.0\\.0\\.1:(\\d+)/)"));
        if (!waitForOutput(listening))
            return false;
        const QRegularExpressionMatch m = listening.match(m_stdout);
        m_baseUrl = QUrl(m.captured(1));
        m_port = m.captured(2).toUShort();
        // The banner ends with the token lines; let it finish.
        waitForOutput(QRegularExpression(QStringLiteral("Token \\([^)]*\\): \\S+\\n")));
        return m_port != 0;
    }

    bool waitForOutput(const QRegularExpression &re, int timeoutMs = 10000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!re.match(m_stdout).hasMatch()) {
            if (deadline.hasExpired() || m_process.state() == QProcess::NotRunning)
                return re.match(collect()).hasMatch();
            m_process.waitForReadyRead(50);
            collect();
        }
        return true;
    }

    QString collect()
    {
        m_stdout += QString::fromUtf8(m_process.readAllStandardOutput());
        return m_stdout;
    }

    QUrl baseUrl() const { return m_baseUrl; }
    quint16 port() const { return m_port; }
    QProcess &process() { return m_process; }
    qint64 pid() const { return m_process.processId(); }

private:
    QProcess m_process;
    QString m_stdout;
    QUrl m_baseUrl;
    quint16 m_port = 0;
};
