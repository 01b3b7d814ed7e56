#pragma once

#include "campaignstatus.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// The objects nested in a campaign (audience.extension_conf): what Complete switches off.
struct NestedObjects {
    QList<qint64> workflows; // scenarios
    QList<qint64> triggers; // trigger mailings
    QList<qint64> broadcasts; // one-off mailings
    QList<qint64> regulars; // regular mailings
    QList<qint64> abns; // A/B tests
    QList<qint64> placements;

    qsizetype mailingCount() const { return triggers.size() + broadcasts.size() + regulars.size(); }
    qsizetype scenarioCount() const { return workflows.size(); }
    qsizetype totalCount() const { return mailingCount() + scenarioCount() + abns.size() + placements.size(); }
    friend bool operator==(const NestedObjects &, const NestedObjects &) = default;
};

struct CampaignGroup {
    qint64 id = 0;
    QString name;
    friend bool operator==(const CampaignGroup &, const CampaignGroup &) = default;
};

// One campaign as the API describes it. Known fields are typed; unknown top-level fields are
// kept verbatim so that nothing the server sends is lost.
struct Campaign {
    qint64 id = 0;
    QString name;
    QString description;
    QStringList tags;
    CampaignStatus status = CampaignStatus::Unknown;
    QString statusText; // the raw "state" string, kept for values this client does not know
    bool isDeleted = false;
    QDateTime created;
    QDateTime updated;
    QString updatedUser;
    QList<CampaignGroup> groups;
    QString audienceState;
    qint64 segmentId = 0;
    qint64 listId = 0;
    NestedObjects nested;
    QJsonObject unknownFields;

    void setStatus(CampaignStatus newStatus)
    {
        status = newStatus;
        statusText = CampaignStatuses::toApiString(newStatus);
    }

    // Strict about what the app needs (id, name, state), tolerant of everything else.
    // On failure returns nullopt and says which field is wrong in *error.
    static std::optional<Campaign> fromJson(const QJsonObject &object, QString *error = nullptr);
    QJsonObject toJson() const;

    friend bool operator==(const Campaign &, const Campaign &) = default;
};

namespace JsonFields {
// Reads a JSON number that must be a whole number in qint64 range (the API's "int").
std::optional<qint64> toInteger(const QJsonValue &value);
// RFC 3339 with milliseconds and a Z, as the API's examples show.
QString formatTimestamp(const QDateTime &time);
QDateTime parseTimestamp(const QString &text);
} // namespace JsonFields
