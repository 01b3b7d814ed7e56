#pragma once

#include "apierror.h"

#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QString>

class AltcraftClient;
class ApiCall;

// The Settings dialog's "Test connection": ONE cheap read through the given client (whose
// RequestFactory — API URL and token — the caller has set), scampaigns/list with limit 1.
//
//   list succeeds          -> Rights::Run: the token can list campaigns and change their state.
//   list answers 403       -> Rights::ViewOnly: connected, but the token lacks the Run right
//                             (list needs Run; get/get_status need only View object), so it can
//                             only read the status of campaigns added by ID.
//   401                    -> Rights::None, ApiError::Kind::TokenRejected and its message.
//   anything else          -> Rights::None, the ApiError and its message().
//
// finished() is emitted exactly once per start(), also after cancel() (with a Cancelled error).
class ConnectionTester : public QObject
{
    Q_OBJECT
public:
    enum class Rights {
        None, // not connected, or the token was rejected
        ViewOnly, // get / get_status only
        Run, // list and state changes
    };
    Q_ENUM(Rights)

    struct Result {
        Rights rights = Rights::None;
        QString message; // one translated sentence for the dialog
        ApiError error; // None on full success; NoAccess for ViewOnly

        bool connected() const { return rights != Rights::None; }
    };

    explicit ConnectionTester(AltcraftClient *client, QObject *parent = nullptr);
    ~ConnectionTester() override;

    // Starts a test; a test still running is abandoned first (no finished() for it).
    void start();
    void cancel();
    bool isRunning() const { return m_running; }
    Result lastResult() const { return m_result; }

    static QString runMessage();
    static QString viewOnlyMessage();

Q_SIGNALS:
    void finished(const ConnectionTester::Result &result);

private:
    void finish(quint64 run, const ApiError &error, bool listed);

    QPointer<AltcraftClient> m_client;
    QPointer<ApiCall> m_call;
    QObject *m_context = nullptr; // dies with each test run, so stale callbacks never arrive
    Result m_result;
    quint64 m_run = 0;
    bool m_running = false;
};

Q_DECLARE_METATYPE(ConnectionTester::Result)
