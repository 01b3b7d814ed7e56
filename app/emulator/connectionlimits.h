#pragma once

#include <QtGlobal>

// What one client connection may cost the emulator. Real API bodies are under 1 KiB; the caps
// only stop a client (or an attacker on the same machine) from filling memory or descriptors.
struct ConnectionLimits {
    // A request declaring a longer body, or a chunked one growing past it, gets 413.
    qint64 maxBodyBytes = qint64{1024} * 1024;
    // Request line and headers together; past this without their blank line, 431.
    qint64 maxHeadBytes = qint64{64} * 1024;
    // From the connection's start, or a request's first byte, to that request's last byte. A
    // deadline rather than an inactivity timer: a client trickling a byte a second must not
    // hold its connection for ever.
    int requestTimeoutMs = 10000;
    // How long a keep-alive connection may sit with no request and no answer outstanding.
    int idleTimeoutMs = 30000;
};
