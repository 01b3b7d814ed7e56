#pragma once

#include <QCoreApplication>
#include <QMetaType>
#include <QNetworkReply>
#include <QString>

#include <optional>

// Everything that can go wrong with one API call, classified once, in this order: the HTTP
// status, then the network error, then the envelope's "error" code. Each kind has a translated,
// plain-language message that says what to do, and technical detail for a details pane.
class ApiError
{
    Q_DECLARE_TR_FUNCTIONS(ApiError)
public:
    enum class Kind {
        None,
        CannotConnect, // refused, DNS, unreachable: the request never reached the server
        TlsFailure,
        Timeout,
        Cancelled, // by the user, not by a timeout
        RedirectRefused, // the server pointed to another origin; the token was not sent there
        ConnectionLost, // the connection dropped after the request was sent
        RateLimited, // HTTP 429
        ServerUnavailable, // HTTP 503
        ServerError, // other HTTP 5xx
        HttpStatus, // any other non-2xx status
        BadRequest, // API 400
        TokenRejected, // API 401
        TariffLimit, // API 402
        NoAccess, // API 403
        ApiCode, // any other non-zero API code
        MalformedResponse, // not JSON, missing "error", wrong types
        ResponseTooLarge,
        ListTooLong, // the listing went past the client's ceiling; what arrived is kept
        ReadOnlyAccount, // a write for an account marked read-only: refused here, never sent
        InvalidRequest, // the app could not build the request (no URL, bad method); keep last (kindFromName)
    };

    ApiError() = default;
    explicit ApiError(Kind kind) : m_kind(kind) { }

    Kind kind() const { return m_kind; }
    bool isNone() const { return m_kind == Kind::None; }

    int httpStatus() const { return m_httpStatus; }
    QNetworkReply::NetworkError networkError() const { return m_networkError; }
    int apiCode() const { return m_apiCode; }
    QString serverText() const { return m_serverText; } // error_text, when the server sent one
    int retryAfterSeconds() const { return m_retryAfter; } // -1 when not given
    QString method() const { return m_method; }

    // One sentence for a person, with what to do next.
    QString message() const;
    // Method, HTTP status, network error, API code and server text, for a details pane.
    QString details() const;

    // For reads: worth trying again after a pause.
    bool isTransient() const;
    // For state-changing calls: the server may or may not have acted.
    bool outcomeUnknown() const;
    // The server said it did not act and asked us to come back (429, 503).
    bool isBackoff() const { return m_kind == Kind::RateLimited || m_kind == Kind::ServerUnavailable; }

    // Builders used by the client; each returns a classified error.
    static ApiError fromHttpStatus(int status, int apiCode, const QString &serverText, int retryAfter);
    static ApiError fromNetworkError(QNetworkReply::NetworkError error, const QString &errorString,
                                     bool cancelledByUser);
    static ApiError fromApiCode(int apiCode, const QString &serverText);
    static ApiError malformed(const QString &why);
    static ApiError tooLarge(qint64 limit);
    static ApiError listTooLong(qint64 limit);
    // An error as the journal kept it (kind, statuses, the server's words): enough to say it
    // again, in the language of the moment, for an action that ended days ago.
    static ApiError recorded(Kind kind, int httpStatus, int apiCode, const QString &serverText);

    ApiError &withMethod(const QString &method)
    {
        m_method = method;
        return *this;
    }
    ApiError &withHttpStatus(int status)
    {
        m_httpStatus = status;
        return *this;
    }
    ApiError &withDetail(const QString &detail)
    {
        m_detail = detail;
        return *this;
    }

    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(const QString &name);

private:
    Kind m_kind = Kind::None;
    int m_httpStatus = 0;
    QNetworkReply::NetworkError m_networkError = QNetworkReply::NoError;
    int m_apiCode = 0;
    int m_retryAfter = -1;
    qint64 m_limit = 0; // for ListTooLong
    QString m_serverText;
    QString m_method;
    QString m_detail;
};

Q_DECLARE_METATYPE(ApiError)
