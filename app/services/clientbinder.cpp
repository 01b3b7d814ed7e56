#include "clientbinder.h"

#include "altcraftclient.h"
#include "logging.h"
#include "settings.h"

ClientBinder::ClientBinder(AltcraftClient *client, Settings *settings, QObject *parent)
    : QObject(parent), m_client(client), m_settings(settings)
{
    connect(settings, &Settings::changed, this, [this](Settings::Key key) {
        if (key == Settings::Key::RequestTimeoutSeconds)
            apply();
    });
    apply();
}

void ClientBinder::setConnection(const QUrl &url, const QString &token)
{
    if (url == m_url && token == m_token)
        return;
    m_url = url;
    m_token = token;
    apply();
    Q_EMIT connectionChanged();
}

void ClientBinder::setToken(const QString &token)
{
    setConnection(m_url, token);
}

void ClientBinder::apply()
{
    RequestFactory factory(m_url);
    factory.setToken(m_token);
    factory.setTransferTimeout(std::chrono::seconds(std::max(1, m_settings->requestTimeoutSeconds())));
    m_client->setFactory(factory);
    qCDebug(lcSettings) << "client now uses" << factory;
}
