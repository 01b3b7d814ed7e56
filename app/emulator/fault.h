#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

// One misbehaviour the emulator can be told to show. Faults are matched in the order they were
// added; the first that matches a request applies and counts down its remaining uses.
struct Fault {
    enum class Kind {
        Hang, // read the request, never answer
        Http500,
        Http502,
        Http503, // with Retry-After when retryAfterSeconds >= 0
        TooManyRequests, // HTTP 429 with Retry-After
        HtmlPage, // HTTP 200 whose body is an HTML error page
        TruncatedJson, // a correct envelope cut in half
        WrongTypes, // valid JSON whose fields have the wrong types
        Oversized, // a body of oversizeBytes
        Redirect302, // to redirectTo, another origin
        Redirect307,
        ApiError, // HTTP 200 with envelope error apiErrorCode / apiErrorText
        CloseConnection, // drop the connection without answering
    };

    Kind kind = Kind::Http500;
    QString method = QStringLiteral("*"); // API method ("deactivate") or "*" for every method
    std::optional<qint64> campaignId; // only requests for this "id"
    int remaining = -1; // uses left; -1 = unlimited
    bool applyChange = false; // handle the request first, then misbehave
    int retryAfterSeconds = 1;
    QUrl redirectTo;
    qint64 oversizeBytes = qint64{70} * 1024 * 1024;
    int apiErrorCode = 402;
    QString apiErrorText = QStringLiteral("Tariff limit reached");

    bool matches(const QString &apiMethod, std::optional<qint64> id) const;

    static std::optional<Kind> kindFromName(const QString &name);
    static QStringList kindNames();
    // "METHOD:KIND[:COUNT]", e.g. "deactivate:503:2" or "*:hang" (the emulator's --fault).
    static std::optional<Fault> parse(const QString &spec, QString *error);
};

// Added latency: fixed plus a uniform jitter, per method or for all ("*").
struct Latency {
    QString method = QStringLiteral("*");
    int fixedMs = 0;
    int jitterMs = 0;
};
