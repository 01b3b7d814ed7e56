#include "apierror.h"

#include "apimethods.h"
#include "servertext.h"

ApiError ApiError::fromHttpStatus(int status, int apiCode, const QString &serverText, int retryAfter)
{
    Kind kind = Kind::HttpStatus;
    if (status >= 300 && status < 400)
        kind = Kind::RedirectRefused;
    else if (status == 400)
        kind = Kind::BadRequest;
    else if (status == 401)
        kind = Kind::TokenRejected;
    else if (status == 402)
        kind = Kind::TariffLimit;
    else if (status == 403)
        kind = Kind::NoAccess;
    else if (status == 429)
        kind = Kind::RateLimited;
    else if (status == 503)
        kind = Kind::ServerUnavailable;
    else if (status >= 500)
        kind = Kind::ServerError;
    ApiError e(kind);
    e.m_httpStatus = status;
    e.m_apiCode = apiCode;
    e.m_serverText = ServerText::visible(serverText);
    e.m_retryAfter = retryAfter;
    return e;
}

ApiError ApiError::fromNetworkError(QNetworkReply::NetworkError error, const QString &errorString, bool cancelledByUser)
{
    Kind kind = Kind::HttpStatus;
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::UnknownNetworkError:
        kind = Kind::CannotConnect;
        break;
    case QNetworkReply::SslHandshakeFailedError:
        kind = Kind::TlsFailure;
        break;
    case QNetworkReply::TimeoutError:
    case QNetworkReply::ProxyTimeoutError:
        kind = Kind::Timeout;
        break;
    case QNetworkReply::OperationCanceledError:
        // Qt reports its own transfer timeout as a cancellation; only we know who cancelled.
        kind = cancelledByUser ? Kind::Cancelled : Kind::Timeout;
        break;
    case QNetworkReply::InsecureRedirectError:
    case QNetworkReply::TooManyRedirectsError:
        kind = Kind::RedirectRefused;
        break;
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::ContentReSendError: // the connection dropped and a write may not be re-sent
        kind = Kind::ConnectionLost;
        break;
    case QNetworkReply::ProtocolFailure:
    case QNetworkReply::ProtocolUnknownError:
    case QNetworkReply::ProtocolInvalidOperationError:
        kind = Kind::MalformedResponse;
        break;
    default:
        kind = error < QNetworkReply::ProxyConnectionRefusedError ? Kind::CannotConnect : Kind::HttpStatus;
        break;
    }
    ApiError e(kind);
    e.m_networkError = error;
    e.m_detail = errorString;
    return e;
}

ApiError ApiError::fromApiCode(int apiCode, const QString &serverText)
{
    Kind kind = Kind::ApiCode;
    switch (apiCode) {
    case 400:
        kind = Kind::BadRequest;
        break;
    case 401:
        kind = Kind::TokenRejected;
        break;
    case 402:
        kind = Kind::TariffLimit;
        break;
    case 403:
        kind = Kind::NoAccess;
        break;
    default:
        break;
    }
    ApiError e(kind);
    e.m_apiCode = apiCode;
    e.m_serverText = ServerText::visible(serverText);
    return e;
}

ApiError ApiError::malformed(const QString &why)
{
    ApiError e(Kind::MalformedResponse);
    e.m_detail = why;
    return e;
}

ApiError ApiError::tooLarge(qint64 limit)
{
    ApiError e(Kind::ResponseTooLarge);
    e.m_detail = QStringLiteral("the response exceeded %1 bytes").arg(limit);
    return e;
}

ApiError ApiError::listTooLong(qint64 limit)
{
    ApiError e(Kind::ListTooLong);
    e.m_limit = limit;
    e.m_detail = QStringLiteral("the listing passed %1 campaigns").arg(limit);
    return e;
}

ApiError ApiError::recorded(Kind kind, int httpStatus, int apiCode, const QString &serverText)
{
    ApiError e(kind);
    e.m_httpStatus = httpStatus;
    e.m_apiCode = apiCode;
    e.m_serverText = ServerText::visible(serverText);
    return e;
}

bool ApiError::isTransient() const
{
    switch (m_kind) {
    case Kind::CannotConnect:
    case Kind::Timeout:
    case Kind::ConnectionLost:
    case Kind::RateLimited:
    case Kind::ServerUnavailable:
    case Kind::ServerError:
        return true;
    default:
        return false;
    }
}

bool ApiError::outcomeUnknown() const
{
    switch (m_kind) {
    case Kind::Timeout:
    case Kind::ConnectionLost:
    case Kind::MalformedResponse:
    case Kind::ResponseTooLarge:
    case Kind::ServerError: // 500, 502, 504: a gateway may fail after the backend acted
        return true;
    default:
        return false;
    }
}

QString ApiError::message() const
{
    const QString server = m_serverText.isEmpty() ? QString() : tr(" The server said: “%1”.").arg(m_serverText);
    switch (m_kind) {
    case Kind::None:
        return QString();
    case Kind::CannotConnect:
        return tr("Cannot connect to the Altcraft server. Check the API URL in Settings and your network connection.");
    case Kind::TlsFailure:
        return tr("The secure connection to the server failed: its certificate is not trusted. Check the API URL, or "
                  "ask your administrator about the certificate.");
    case Kind::Timeout:
        return tr("The server did not answer in time. Try again later, or raise the request timeout in Settings.");
    case Kind::Cancelled:
        return tr("The request was cancelled.");
    case Kind::RedirectRefused:
        return tr("The server redirected the request to another address. It was not followed, so your token stayed "
                  "safe. Check the API URL in Settings.");
    case Kind::ConnectionLost:
        return tr("The connection closed before the server answered. Check the campaign's status before trying again.");
    case Kind::RateLimited:
        return tr("The server is limiting the request rate. Wait a little and try again.") + server;
    case Kind::ServerUnavailable:
        return tr("The Altcraft server is temporarily unavailable. Try again in a few minutes.") + server;
    case Kind::ServerError:
        return tr("The Altcraft server had an internal error (HTTP %1). Check the campaign's status before trying "
                  "again.")
                   .arg(m_httpStatus)
            + server;
    case Kind::HttpStatus:
        return tr("The server answered with HTTP status %1. Check the API URL in Settings.").arg(m_httpStatus) + server;
    case Kind::BadRequest:
        return tr("The server rejected the request as incorrect. Refresh to see the campaign's current status, then "
                  "try again.")
            + server;
    case Kind::TokenRejected:
        return tr("The API token was not accepted. Check the API token in Settings.") + server;
    case Kind::TariffLimit:
        return tr("Your Altcraft tariff limit has been reached. Contact your account manager.") + server;
    case Kind::NoAccess:
        return tr("This API token has no access to this action or campaign. Ask an Altcraft administrator for the "
                  "right role or object group.")
            + server;
    case Kind::ApiCode:
        return (m_serverText.isEmpty()
                    ? tr("The server reported error %1.").arg(m_apiCode)
                    : tr("The server reported an error: %1 (code %2).").arg(m_serverText).arg(m_apiCode))
            + tr(" Try again; if the error persists, show the details to your Altcraft administrator.");
    case Kind::MalformedResponse:
        return tr("The server sent a response that is not a valid Altcraft API answer. Check that the API URL points "
                  "to Altcraft.");
    case Kind::ResponseTooLarge:
        // Only a list can be narrowed: for one campaign's answer, the size itself is the fault.
        if (m_method == ApiMethods::list)
            return tr("The server sent a response that is too large to process. Narrow the list with a filter, or "
                      "check that the API URL points to Altcraft.");
        return tr("The server sent a response that is too large to process. Check that the API URL points to "
                  "Altcraft.");
    case Kind::ListTooLong:
        return tr("The server listed more than %L1 campaigns, so loading stopped there: the table shows the first "
                  "%L1. Check that the API URL points to Altcraft.")
            .arg(m_limit);
    case Kind::ReadOnlyAccount:
        return tr("This account is read-only, so nothing was sent. Its owner can change that in Settings, under "
                  "Accounts.");
    case Kind::InvalidRequest:
        return tr("The request could not be made. Check the API URL in Settings.");
    }
    return QString();
}

QString ApiError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return QStringLiteral("none");
    case Kind::CannotConnect:
        return QStringLiteral("cannot-connect");
    case Kind::TlsFailure:
        return QStringLiteral("tls-failure");
    case Kind::Timeout:
        return QStringLiteral("timeout");
    case Kind::Cancelled:
        return QStringLiteral("cancelled");
    case Kind::RedirectRefused:
        return QStringLiteral("redirect-refused");
    case Kind::ConnectionLost:
        return QStringLiteral("connection-lost");
    case Kind::RateLimited:
        return QStringLiteral("rate-limited");
    case Kind::ServerUnavailable:
        return QStringLiteral("server-unavailable");
    case Kind::ServerError:
        return QStringLiteral("server-error");
    case Kind::HttpStatus:
        return QStringLiteral("http-status");
    case Kind::BadRequest:
        return QStringLiteral("bad-request");
    case Kind::TokenRejected:
        return QStringLiteral("token-rejected");
    case Kind::TariffLimit:
        return QStringLiteral("tariff-limit");
    case Kind::NoAccess:
        return QStringLiteral("no-access");
    case Kind::ApiCode:
        return QStringLiteral("api-code");
    case Kind::MalformedResponse:
        return QStringLiteral("malformed-response");
    case Kind::ResponseTooLarge:
        return QStringLiteral("response-too-large");
    case Kind::ListTooLong:
        return QStringLiteral("list-too-long");
    case Kind::ReadOnlyAccount:
        return QStringLiteral("read-only-account");
    case Kind::InvalidRequest:
        return QStringLiteral("invalid-request");
    }
    return QString();
}

std::optional<ApiError::Kind> ApiError::kindFromName(const QString &name)
{
    for (int k = static_cast<int>(Kind::None); k <= static_cast<int>(Kind::InvalidRequest); ++k) {
        if (kindName(static_cast<Kind>(k)) == name)
            return static_cast<Kind>(k);
    }
    return std::nullopt;
}

QString ApiError::details() const
{
    QStringList lines;
    lines << QStringLiteral("kind: %1").arg(kindName(m_kind));
    if (!m_method.isEmpty())
        lines << QStringLiteral("method: scampaigns/%1").arg(m_method);
    if (m_httpStatus)
        lines << QStringLiteral("HTTP status: %1").arg(m_httpStatus);
    if (m_networkError != QNetworkReply::NoError)
        lines << QStringLiteral("network error: %1").arg(static_cast<int>(m_networkError));
    if (m_apiCode)
        lines << QStringLiteral("API error: %1").arg(m_apiCode);
    if (!m_serverText.isEmpty())
        lines << QStringLiteral("error_text: %1").arg(m_serverText);
    if (m_retryAfter >= 0)
        lines << QStringLiteral("Retry-After: %1 s").arg(m_retryAfter);
    if (!m_detail.isEmpty())
        lines << QStringLiteral("detail: %1").arg(m_detail);
    return lines.join(QLatin1Char('\n'));
}
