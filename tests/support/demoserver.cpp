#include "demoserver.h"

DemoServer::DemoServer(const Options &options, QObject *parent)
    : QThread(parent), m_options(options), m_urlReady(m_url.get_future())
{
    setObjectName(QStringLiteral("demo emulator"));
}

DemoServer::~DemoServer()
{
    quit();
    wait();
}

QUrl DemoServer::waitForUrl()
{
    if (!m_urlTaken) {
        m_knownUrl = m_urlReady.get();
        m_urlTaken = true;
    }
    return m_knownUrl;
}

void DemoServer::run()
{
    AltcraftEmulator emulator;
    emulator.setRequestLogLimit(m_requestLogLimit);
    emulator.setLatency(m_options.latencyMs, m_options.jitterMs);
    if (!emulator.start()) {
        m_url.set_value(QUrl());
        return;
    }
    m_emulator = &emulator;
    // The URL goes out before the campaigns exist: the app's first request waits in the listen
    // queue until they do, since this thread reads no socket before exec().
    m_url.set_value(emulator.baseUrl());
    emulator.seed(m_options.campaigns, 1);
    // Another seed, so the second account's campaigns have other names under the same IDs.
    emulator.addAccount(ApiTokenGrant::secondAccountName(), m_options.secondAccountCampaigns, 2,
                        ApiTokenGrant::secondAccountDefaults());
    exec();
    m_emulator = nullptr;
}
