#pragma once

#include "accountref.h"
#include "bulkitemresult.h"
#include "campaign.h"
#include "campaignstatus.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>

// One campaign of an incident pause: what it was before, and, when the pause changed it, what
// the server reported right after (its updated time and user), so a restore can tell whether
// anyone has touched it since. Facts only, no sentences.
struct IncidentSnapshotItem {
    qint64 campaignId = 0;
    QString campaignName; // server text: plain text wherever it is shown
    CampaignStatus statusBefore = CampaignStatus::Unknown;
    bool paused = false; // the deactivate succeeded (the status read back was inactive)
    QDateTime updatedAfter; // UTC, as the server reported it after the pause; invalid unless paused
    QString updatedUserAfter;

    friend bool operator==(const IncidentSnapshotItem &, const IncidentSnapshotItem &) = default;
};

// An incident pause: which campaigns, when, in which account, why and over what scope.
struct IncidentSnapshot {
    enum class Scope { Everything, Filter };

    qint64 id = 0; // the journal's row id; 0 until saved
    QDateTime takenAt; // UTC
    AccountRef account;
    QString reason;
    Scope scope = Scope::Everything;
    QList<IncidentSnapshotItem> items;

    int pausedCount() const;
    static QString scopeKey(Scope scope); // "everything", "filter"
    static std::optional<Scope> scopeFromKey(const QString &key);

    // The snapshot of a finished bulk deactivate. before: the campaigns as the table held them
    // when the pause started (their status then); results: the runner's. A campaign the pause
    // changed takes its updated fields from its read-back (result.campaignAfter), or from
    // readBack when the caller had to read it separately.
    static IncidentSnapshot fromRun(const AccountRef &account, const QDateTime &takenAt, Scope scope,
                                    const QString &reason, const QList<Campaign> &before,
                                    const QList<BulkItemResult> &results, const QHash<qint64, Campaign> &readBack = {});
    // The paused campaigns whose result carried no whole campaign: read them before fromRun().
    static QList<qint64> needingReadBack(const QList<BulkItemResult> &results);

    friend bool operator==(const IncidentSnapshot &, const IncidentSnapshot &) = default;
};

Q_DECLARE_METATYPE(IncidentSnapshot)
