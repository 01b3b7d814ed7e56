#pragma once

#include "demoemulator.h"

#include <QObject>
#include <QProcess>

// The demo's emulator as a process of its own: altcraft-emulator (package
// campaign-manager-emulator) on a free loopback port, seeded with the demo's two accounts. It
// ends with this object, and with the app should the app crash (the kernel sends it SIGTERM).
class DemoEmulatorProcess : public QObject, public DemoEmulator
{
    Q_OBJECT
public:
    // program: the emulator to run; by default the one beside this program, else on PATH.
    explicit DemoEmulatorProcess(const Options &options, const QString &program = locate(), QObject *parent = nullptr);
    ~DemoEmulatorProcess() override;

    // altcraft-emulator beside the running program (a build tree, /usr/bin), else on PATH;
    // empty when it is not installed.
    static QString locate();
    // What to install when locate() finds nothing.
    static QString notInstalledMessage();

    void begin() override;
    QUrl waitForUrl() override;
    QString errorString() const override { return m_error; }

    // The arguments it is started with: the demo's tokens and campaign counts, no secret.
    QStringList arguments() const;
    qint64 processId() const { return m_process.processId(); }

private:
    void forwardOutput();
    void forwardErrors();

    const Options m_options;
    const QString m_program;
    QProcess m_process;
    QUrl m_url;
    QString m_error;
    bool m_waited = false;
};
