#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

class AltcraftClient;
class Settings;

// Keeps the client's request factory in step with the account in use and the settings: a new
// account, token or timeout applies to the next request, without a restart. The token is held
// here in memory only.
class ClientBinder : public QObject
{
    Q_OBJECT
public:
    ClientBinder(AltcraftClient *client, Settings *settings, QObject *parent = nullptr);

    // The account's address and token change together, so no request ever carries one
    // account's token to another's address. An empty token: nothing is sent until one is set.
    void setConnection(const QUrl &url, const QString &token);
    void setToken(const QString &token);
    QString token() const { return m_token; }
    QUrl url() const { return m_url; }
    bool isConfigured() const { return m_url.isValid() && !m_token.isEmpty(); }

Q_SIGNALS:
    void connectionChanged(); // address or token changed: the campaign list should be reloaded

private:
    void apply();

    AltcraftClient *m_client;
    Settings *m_settings;
    QUrl m_url;
    QString m_token;
};
