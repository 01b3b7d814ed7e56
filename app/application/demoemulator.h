#pragma once

#include <QString>
#include <QUrl>

// What the demo's Altcraft emulator is to the app: something that listens on loopback and says
// where. The app runs altcraft-emulator as a process of its own (DemoEmulatorProcess), so the
// program users start never links the emulator or Qt's HTTP server; the end-to-end tests that
// read the emulator's state directly run the same emulator in their own process instead.
class DemoEmulator
{
public:
    struct Options {
        int campaigns = 200;
        int latencyMs = 0;
        int jitterMs = 0;
        // The second demo account (Account::secondDemo), so the demo has two to switch between.
        int secondAccountCampaigns = 60;
    };

    virtual ~DemoEmulator() = default;
    DemoEmulator() = default;
    DemoEmulator(const DemoEmulator &) = delete;
    DemoEmulator &operator=(const DemoEmulator &) = delete;

    // Begins starting; returns at once, so the emulator sets up while the window is built.
    virtual void begin() = 0;
    // Blocks until the emulator listens: its base URL, or an empty URL when it cannot start
    // (errorString() then says why, in words a user can act on).
    virtual QUrl waitForUrl() = 0;
    virtual QString errorString() const = 0;

    // The emulator's account behind each demo account (Account::demo, Account::secondDemo).
    static QString secondAccountName() { return QStringLiteral("second"); }
};
