#include "clientbinder.h"

#include "altcraftclient.h"
#include "logging.h"
#include "settings.h"

ClientBinder::ClientBinder(AltcraftClient *client, Settings *settings, QObject *parent)
    : QObject(parent), m_client(client), m_settings(settings)
{
    connect(settings, &Settings::changed, this, [this](Settings::Key key) {
        if (key == Settings::Key::RequestTimeoutSeconds) {
            apply();
        } else if (key == Settings::Key::ApiUrl && m_override.isEmpty()) {
            apply();
            Q_EMIT connectionChanged();
        }
    });
    apply();
}

QUrl ClientBinder::effectiveUrl() const
{
    return m_override.isEmpty() ? QUrl(m_settings->value(Settings::Key::ApiUrl).toString()) : m_override;
}

void ClientBinder::setUrlOverride(const QUrl &url)
{
    m_override = url;
    apply();
    Q_EMIT connectionChanged();
}

void ClientBinder::setToken(const QString &token)
{
    if (token == m_token)
        return;
    m_token = token;
    apply();
    Q_EMIT connectionChanged();
}

void ClientBinder::apply()
{
    RequestFactory factory(effectiveUrl());
    factory.setToken(m_token);
    factory.setTransferTimeout(std::chrono::seconds(std::max(1, m_settings->requestTimeoutSeconds())));
    m_client->setFactory(factory);
    qCDebug(lcSettings) << "client now uses" << factory;
}
