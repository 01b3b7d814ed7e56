#pragma once

// Proving that nothing more was sent, with an event instead of a pause. A marker read goes
// through the same client (the same connection manager, so the same queue) and the test waits
// for its answer: whatever the client had queued or put on the wire before the marker is in the
// emulator's log by then. settle() sends two markers, one after the other: the first also lets
// the client take in any answer the emulator had already written, the second carries whatever
// the client sent in reply to that answer. A timer still set to fire later (a retry pause) is not
// covered: a test that needs that waits for the timer's own event.

#include "altcraftclient.h"
#include "altcraftemulator.h"

#include <QList>
#include <QObject>
#include <QTest>

#include <functional>

namespace Settle {

// No test stores a campaign under this ID: the marker's answer is an API error, sent at once.
inline constexpr qint64 kMarkerId = 987654321;

inline bool isMarker(const RecordedRequest &request)
{
    return request.apiMethod() == QLatin1String("get") && request.campaignId() == kMarkerId;
}

// The emulator's log without the markers.
inline QList<RecordedRequest> requestsBesidesMarkers(const AltcraftEmulator &emulator)
{
    QList<RecordedRequest> result;
    for (const RecordedRequest &r : emulator.requests()) {
        if (!isMarker(r))
            result.append(r);
    }
    return result;
}

// The emulator's log as a function: the demo's emulator lives on another thread and is read
// through DemoServer::inspect().
using RequestLog = std::function<QList<RecordedRequest>()>;

// One marker read through client: true once it is answered and in the emulator's log.
inline bool markerAnswered(AltcraftClient *client, const RequestLog &requests, int timeoutMs = 20000)
{
    const auto markersLogged = [&requests] {
        qsizetype n = 0;
        for (const RecordedRequest &r : requests())
            n += isMarker(r) ? 1 : 0;
        return n;
    };
    const qsizetype before = markersLogged();
    bool answered = false;
    QObject context;
    client->campaign(kMarkerId, &context, [&answered](const ApiResult<Campaign> &) { answered = true; });
    return QTest::qWaitFor([&] { return answered; }, timeoutMs) && markersLogged() > before;
}

inline bool settle(AltcraftClient *client, const RequestLog &requests, int timeoutMs = 20000)
{
    return markerAnswered(client, requests, timeoutMs) && markerAnswered(client, requests, timeoutMs);
}

inline bool markerAnswered(AltcraftClient *client, const AltcraftEmulator &emulator, int timeoutMs = 20000)
{
    return markerAnswered(client, RequestLog([&emulator] { return emulator.requests(); }), timeoutMs);
}

inline bool settle(AltcraftClient *client, const AltcraftEmulator &emulator, int timeoutMs = 20000)
{
    return settle(client, RequestLog([&emulator] { return emulator.requests(); }), timeoutMs);
}

} // namespace Settle
