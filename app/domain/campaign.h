#pragma once

#include "campaignstatus.h"
#include "nestedobjects.h"
#include "valuepool.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

struct CampaignGroup {
    qint64 id = 0;
    QString name;
    friend bool operator==(const CampaignGroup &, const CampaignGroup &) = default;
};

inline size_t qHash(const CampaignGroup &group, size_t seed = 0) noexcept
{
    return qHashMulti(seed, group.id, group.name);
}

// What the campaigns of one page share when parsed together (see ValuePool).
struct CampaignValuePools {
    StringPool strings; // states, users, group names
    StringListPool tags;
    ValuePool<QList<CampaignGroup>> groups;
};

// One campaign as the API describes it. Known fields are typed; unknown top-level fields are
// kept verbatim so that nothing the server sends is lost.
struct Campaign {
    qint64 id = 0;
    QString name;
    QString description;
    QStringList tags;
    CampaignStatus status = CampaignStatus::Unknown;
    bool isDeleted = false;
    QString statusText; // the raw "state" string, kept for values this client does not know
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
    // On failure returns nullopt and says which field is wrong in *error. With pools, values
    // that repeat across campaigns are shared with the other campaigns parsed with them.
    static std::optional<Campaign> fromJson(const QJsonObject &object, QString *error = nullptr,
                                            CampaignValuePools *pools = nullptr);
    QJsonObject toJson() const;

    friend bool operator==(const Campaign &, const Campaign &) = default;
};

namespace JsonFields {
// Reads a JSON number that must be a whole number in qint64 range (the API's "int").
std::optional<qint64> toInteger(const QJsonValue &value);
// RFC 3339 with milliseconds and a Z, as the API's examples show.
QString formatTimestamp(const QDateTime &time);
// ISO 8601 / RFC 3339, as QDateTime::fromString(Qt::ISODateWithMs) reads it; the API's own
// shape ("2025-08-22T07:15:29.711Z") is read directly, the rest by QDateTime.
QDateTime parseTimestamp(QStringView text);
} // namespace JsonFields
