#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

class AltcraftClient;
class Settings;

// Keeps the client's request factory in step with the settings: a new API URL or timeout
// applies to the next request, without a restart. The token is held here in memory only.
class ClientBinder : public QObject
{
    Q_OBJECT
public:
    ClientBinder(AltcraftClient *client, Settings *settings, QObject *parent = nullptr);

    // Demo mode and --api-url take precedence over the saved URL.
    void setUrlOverride(const QUrl &url);
    void setToken(const QString &token);
    QString token() const { return m_token; }
    QUrl effectiveUrl() const;
    bool isConfigured() const { return effectiveUrl().isValid() && !m_token.isEmpty(); }

Q_SIGNALS:
    void connectionChanged(); // URL or token changed: the campaign list should be reloaded

private:
    void apply();

    AltcraftClient *m_client;
    Settings *m_settings;
    QUrl m_override;
    QString m_token;
};
