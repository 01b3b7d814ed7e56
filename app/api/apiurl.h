#pragma once

#include <QCoreApplication>
#include <QString>
#include <QUrl>

// The outcome of checking the API URL a user typed: either a normalised URL or a translated
// sentence that says what is wrong with the input.
struct ApiUrlCheck {
    QUrl url; // the site root to give RequestFactory: scheme://host[:port]/[prefix/]
    QString error; // empty when the input is acceptable

    bool ok() const { return error.isEmpty() && url.isValid(); }
};

// Normalises and validates the Altcraft API URL from the Settings dialog.
//
// Accepted: "ru.altkraft.com" (no scheme means https), "https://ru.altkraft.com/",
// "https://altcraft.example.com/platform/" (an on-premises path prefix is kept), surrounding
// whitespace, and a pasted API root ("…/api/v1.1/", "…/api/v1.1/scampaigns/list") which is
// reduced to the site root, keeping any prefix before "/api". The result always ends in "/";
// an internationalised host name is kept, and its ACE (punycode) form is what goes on the wire
// (url.toEncoded(), url.host(QUrl::EncodeUnicode)).
//
// Rejected, each with its own message: an empty value, whitespace inside, a scheme other than
// https (http only for loopback hosts: localhost, 127.0.0.0/8, ::1), a user name or password in
// the URL, a query or fragment, no host, and an invalid port.
class ApiUrl
{
    Q_DECLARE_TR_FUNCTIONS(ApiUrl)
public:
    static ApiUrlCheck normalise(const QString &input);

    // localhost, 127.0.0.0/8, ::1 (with or without brackets, case-insensitive).
    static bool isLoopbackHost(const QString &host);
};
