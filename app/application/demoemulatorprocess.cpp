#include "demoemulatorprocess.h"

#include "account.h"
#include "logging.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>

#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

namespace {
const QString kProgramName = QStringLiteral("altcraft-emulator");
// Generating 100,000 campaigns takes the emulator about a second; a minute means it is stuck.
constexpr qint64 kStartTimeoutSeconds = 60;
} // namespace

DemoEmulatorProcess::DemoEmulatorProcess(const Options &options, const QString &program, QObject *parent)
    : QObject(parent), m_options(options), m_program(program)
{
    m_process.setObjectName(QStringLiteral("demo emulator"));
    // A token given to the app in its environment is not the emulator's business.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("ALTCRAFT_API_TOKEN"));
    // Its requests reach our log through its standard output (with --verbose), once each.
    environment.remove(QStringLiteral("QT_LOGGING_RULES"));
    m_process.setProcessEnvironment(environment);
    const pid_t parentPid = getpid();
    // Runs in the child between fork and exec: the emulator must not outlive a crashed app.
    m_process.setChildProcessModifier([parentPid] {
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != parentPid)
            ::_exit(1); // the app was already gone
    });
}

DemoEmulatorProcess::~DemoEmulatorProcess()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.disconnect(this);
    m_process.terminate();
    if (!m_process.waitForFinished(3000)) {
        m_process.kill();
        m_process.waitForFinished(1000);
    }
}

QString DemoEmulatorProcess::locate()
{
    QString beside = QCoreApplication::applicationDirPath() + QLatin1Char('/') + kProgramName;
    if (QFileInfo(beside).isExecutable())
        return beside;
    return QStandardPaths::findExecutable(kProgramName);
}

QString DemoEmulatorProcess::notInstalledMessage()
{
    return tr("Demo mode needs the Altcraft emulator (altcraft-emulator), which is not installed. Install the "
              "campaign-manager-emulator package, for example with \"apt-get install campaign-manager-emulator\", "
              "and start the demo again.");
}

QStringList DemoEmulatorProcess::arguments() const
{
    QStringList args{QStringLiteral("--port"),
                     QStringLiteral("0"),
                     QStringLiteral("--campaigns"),
                     QString::number(m_options.campaigns),
                     QStringLiteral("--seed"),
                     QStringLiteral("1"),
                     QStringLiteral("--latency-ms"),
                     QString::number(m_options.latencyMs),
                     QStringLiteral("--jitter-ms"),
                     QString::number(m_options.jitterMs),
                     QStringLiteral("--token"),
                     Account::demoToken(QString(Account::kDemoId)),
                     QStringLiteral("--account"),
                     QStringLiteral("%1:%2:%3")
                         .arg(secondAccountName(), Account::demoToken(QString(Account::kSecondDemoId)))
                         .arg(m_options.secondAccountCampaigns)};
    // Its line per request (method, path, campaign id, body size: never a token) is worth
    // reading only with --verbose.
    if (!lcDemo().isDebugEnabled())
        args << QStringLiteral("--quiet");
    return args;
}

void DemoEmulatorProcess::begin()
{
    if (m_process.state() != QProcess::NotRunning || m_waited)
        return;
    if (m_program.isEmpty()) {
        m_error = notInstalledMessage();
        return;
    }
    qCInfo(lcDemo).noquote() << "starting" << m_program;
    m_process.start(m_program, arguments(), QIODevice::ReadOnly);
}

QUrl DemoEmulatorProcess::waitForUrl()
{
    if (m_waited)
        return m_url;
    m_waited = true;
    if (!m_error.isEmpty())
        return {};
    if (!m_process.waitForStarted(10000)) {
        m_error = tr("The Altcraft emulator (%1) could not be started: %2").arg(m_program, m_process.errorString());
        return {};
    }
    // Its first line says where it listens: "Altcraft emulator listening on http://127.0.0.1:PORT/".
    static const QRegularExpression listening(QStringLiteral("listening on (http://127\\.0\\.0\\.1:\\d+/)"));
    const QDeadlineTimer deadline(kStartTimeoutSeconds * 1000);
    const auto fail = [this](const QString &error) {
        m_error = error;
        qCWarning(lcDemo).noquote() << error;
        m_process.kill();
        return QUrl();
    };
    while (!m_url.isValid()) {
        if (m_process.canReadLine()) {
            const QRegularExpressionMatch match = listening.match(QString::fromUtf8(m_process.readLine()));
            if (match.hasMatch())
                m_url = QUrl(match.captured(1));
            continue;
        }
        if (m_process.state() == QProcess::NotRunning) {
            const QString said = QString::fromUtf8(m_process.readAllStandardError()).trimmed();
            return fail(tr("The Altcraft emulator (%1) stopped before it was ready: %2")
                            .arg(m_program, said.isEmpty() ? tr("it gave no reason.") : said));
        }
        if (deadline.hasExpired()) {
            return fail(tr("The Altcraft emulator (%1) did not start listening within %n second(s).", nullptr,
                           static_cast<int>(kStartTimeoutSeconds))
                            .arg(m_program));
        }
        m_process.waitForReadyRead(static_cast<int>(deadline.remainingTime()));
    }
    qCInfo(lcDemo).noquote() << "listening on" << m_url.toString();
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &DemoEmulatorProcess::forwardOutput);
    connect(&m_process, &QProcess::readyReadStandardError, this, &DemoEmulatorProcess::forwardErrors);
    forwardOutput();
    forwardErrors();
    return m_url;
}

void DemoEmulatorProcess::forwardOutput()
{
    while (m_process.canReadLine()) {
        const QString line = QString::fromUtf8(m_process.readLine()).trimmed();
        // Its start-up lines list its tokens: public demo tokens, but a log holds no token at all.
        if (!line.startsWith(QLatin1String("Token")))
            qCDebug(lcDemo).noquote() << line;
    }
}

void DemoEmulatorProcess::forwardErrors()
{
    const QByteArray said = m_process.readAllStandardError();
    if (!said.trimmed().isEmpty())
        qCWarning(lcDemo).noquote() << QString::fromUtf8(said).trimmed();
}
