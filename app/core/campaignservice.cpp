#include "campaignservice.h"

CampaignService::CampaignService(AltcraftClient *client, QObject *parent)
    : QObject(parent), m_client(client), m_model(new CampaignTableModel(this))
{
}

void CampaignService::reload()
{
    if (m_load)
        m_load->cancel();
    m_seen.clear();
    Q_EMIT loadStarted();
    m_load = m_client->listCampaigns(CampaignFilter{}, this,
        [this](const QList<Campaign> &page) {
            for (const Campaign &c : page)
                m_seen.insert(c.id);
            m_model->upsert(page);
            Q_EMIT loadProgress(static_cast<int>(m_seen.size()));
        },
        [this](const ApiError &error, qsizetype total) {
            m_load = nullptr;
            if (error.isNone()) {
                for (qint64 id : m_model->ids()) {
                    if (!m_seen.contains(id))
                        m_model->remove(id);
                }
            }
            Q_EMIT loadFinished(error, static_cast<int>(total));
        });
}

void CampaignService::cancelLoad()
{
    if (m_load)
        m_load->cancel();
}
