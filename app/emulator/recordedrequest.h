#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

// One request exactly as the emulator received it, for tests to inspect. It holds the raw body,
// token included: only summary() and redactedSummary() are meant for printing.
struct RecordedRequest {
    QDateTime receivedAt;
    QByteArray httpMethod;
    QString path;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    quint64 sequence = 0;
    // The account the request's token belongs to, whose campaigns it is served from ("" the
    // default one); none when the request carries no valid token.
    std::optional<QString> account = std::nullopt;

    QByteArray header(const QByteArray &name) const;
    QJsonObject json() const; // empty when the body is not a JSON object
    QString apiMethod() const; // "deactivate" for /api/v1.1/scampaigns/deactivate, else empty
    qint64 campaignId() const; // the body's "id", or 0
    // "POST /api/v1.1/scampaigns/get_status (id 5, 40-byte body)": never the body, whatever it holds.
    // A named account follows: "(id 5, 40-byte body, account second)".
    QString summary() const;
    // "POST /api/v1.1/scampaigns/get_status {"id":5,"token":"<redacted>"}": the body, never the token.
    // Only for an explicit request (altcraft-emulator --log-bodies): a body may hold more secrets.
    QString redactedSummary() const;
};
