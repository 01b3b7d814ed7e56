#pragma once

#include "apioutcome.h"

#include <QByteArray>
#include <QList>
#include <QPair>

// The bytes of the emulator's answers, written by hand rather than through QHttpServerResponder
// so that faults can send exactly what a broken server would, and so that an answer needs
// nothing but the socket (a late one, or one refused before the request was ever parsed).
namespace HttpWire {

using Headers = QList<QPair<QByteArray, QByteArray>>;

inline const QByteArray kJson = "application/json; charset=utf-8";

QByteArray reasonPhrase(int status);
// An HTTP/1.1 response head: status line, Content-Type (unless empty), Content-Length, the extra
// headers, the blank line. Kept apart from the body so a 70 MiB body is never copied to join it.
QByteArray head(int status, const QByteArray &contentType, qsizetype bodySize, const Headers &extra = {});
// Altcraft's {"data", "error", "error_text"} envelope, compact. Takes the outcome over, so that
// the data (a list page is half a megabyte) is wrapped where it lies rather than copied.
QByteArray envelope(ApiOutcome outcome);

} // namespace HttpWire
