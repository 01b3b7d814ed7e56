#pragma once

#include "altcraftclient.h"
#include "campaigntablemodel.h"

#include <QObject>
#include <QPointer>
#include <QSet>

// The service layer the widgets talk to: loads the campaign list into the model, page by page,
// and reports progress and errors through signals. Widgets never see the network.
class CampaignService : public QObject
{
    Q_OBJECT
public:
    explicit CampaignService(AltcraftClient *client, QObject *parent = nullptr);

    AltcraftClient *client() const { return m_client; }
    CampaignTableModel *model() const { return m_model; }
    bool isLoading() const { return !m_load.isNull(); }

public Q_SLOTS:
    // Fetches every campaign. Known rows update in place; rows the server no longer lists go
    // once the whole list has arrived, so a failed reload never empties the table.
    void reload();
    void cancelLoad();

Q_SIGNALS:
    void loadStarted();
    void loadProgress(int loaded);
    void loadFinished(const ApiError &error, int total);

private:
    AltcraftClient *m_client;
    CampaignTableModel *m_model;
    QPointer<ApiCall> m_load;
    QSet<qint64> m_seen;
};
