#include "emulatorapi.h"

#include "jsonwriter.h"
#include "wirejson.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// Room reserved per campaign when writing a page (a generated one takes about 570 bytes), so that
// a page of 1,000 is written without growing its buffer.
constexpr qsizetype kCampaignJsonBytes = 640;

ApiOutcome badRequest(const QString &why)
{
    return ApiOutcome::failure(ApiErrorCode::BadRequest, QStringLiteral("Incorrect request: ") + why);
}

ApiOutcome noAccess(const QString &why)
{
    return ApiOutcome::failure(ApiErrorCode::NoAccess, QStringLiteral("No access: ") + why);
}

// An optional list field: absent is fine, anything but an array of the right type is not.
template<typename Convert>
bool readArray(const QJsonObject &body, const QString &key, Convert convert, QString *error)
{
    const QJsonValue v = body.value(key);
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isArray()) {
        *error = QStringLiteral("'%1' must be an array").arg(key);
        return false;
    }
    for (const auto &item : v.toArray()) {
        if (!convert(item)) {
            *error = QStringLiteral("'%1' holds an item of the wrong type").arg(key);
            return false;
        }
    }
    return true;
}

// An optional RFC 3339 date. An empty string means "now", as the documentation's tip says.
bool readDate(const QJsonObject &body, const QString &key, QDateTime *out, QString *error)
{
    const QJsonValue v = body.value(key);
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isString()) {
        *error = QStringLiteral("'%1' must be an RFC 3339 date string").arg(key);
        return false;
    }
    if (v.toString().isEmpty())
        return true;
    *out = WireJson::parseTime(v.toString());
    if (!out->isValid()) {
        *error = QStringLiteral("'%1' is not an RFC 3339 date: %2").arg(key, v.toString());
        return false;
    }
    return true;
}

bool visibleTo(const EmulatedCampaign &c, const ApiTokenGrant &grant)
{
    // A token for all groups sees every campaign, including one that is in no group.
    if (grant.allGroups)
        return true;
    return std::any_of(c.groups.cbegin(), c.groups.cend(),
                       [&grant](const EmulatedGroup &g) { return grant.seesGroup(g.id); });
}

} // namespace

EmulatorApi::EmulatorApi(CampaignStore &store, QList<ApiTokenGrant> tokens)
    : m_stores{{QString(), &store}}, m_tokens(std::move(tokens))
{ }

QStringList EmulatorApi::methods()
{
    return {QStringLiteral("list"),     QStringLiteral("get"),        QStringLiteral("get_status"),
            QStringLiteral("activate"), QStringLiteral("deactivate"), QStringLiteral("completed")};
}

const ApiTokenGrant *EmulatorApi::grantFor(const QJsonObject &body, const QByteArray &authorization) const
{
    QString token = body.value(QStringLiteral("token")).toString();
    if (token.isEmpty() && authorization.startsWith("Bearer "))
        token = QString::fromUtf8(authorization.mid(7).trimmed());
    if (token.isEmpty())
        return nullptr;
    for (const ApiTokenGrant &g : m_tokens) {
        if (g.token == token)
            return m_stores.contains(g.account) ? &g : nullptr;
    }
    return nullptr;
}

std::optional<QString> EmulatorApi::accountFor(const QJsonObject &body, const QByteArray &authorizationHeader) const
{
    const ApiTokenGrant *grant = grantFor(body, authorizationHeader);
    if (!grant)
        return std::nullopt;
    return grant->account;
}

ApiOutcome EmulatorApi::handle(const QString &method, const QJsonObject &body, bool bodyIsObject,
                               const QByteArray &authorizationHeader)
{
    if (!methods().contains(method))
        return ApiOutcome::failure(ApiErrorCode::NotFound, QStringLiteral("Unknown method: scampaigns/%1").arg(method));
    if (!bodyIsObject)
        return badRequest(QStringLiteral("the body is not a JSON object"));
    const QJsonValue tokenValue = body.value(QStringLiteral("token"));
    if (!tokenValue.isUndefined() && !tokenValue.isString())
        return badRequest(QStringLiteral("'token' must be a string"));
    const ApiTokenGrant *grant = grantFor(body, authorizationHeader);
    if (!grant) {
        const bool given = !tokenValue.toString().isEmpty() || authorizationHeader.startsWith("Bearer ");
        return ApiOutcome::failure(ApiErrorCode::TokenRequired,
                                   given ? QStringLiteral("API token required: the token is not valid")
                                         : QStringLiteral("API token required"));
    }
    // The token's account alone: another account's campaigns are not there to be found.
    CampaignStore &store = *m_stores.value(grant->account);
    if (method == QLatin1String("list"))
        return list(body, *grant, store);
    if (method == QLatin1String("get") || method == QLatin1String("get_status"))
        return readOne(method, body, *grant, store);
    if (method == QLatin1String("activate"))
        return act(EmulatedAction::Activate, body, *grant, store);
    if (method == QLatin1String("deactivate"))
        return act(EmulatedAction::Deactivate, body, *grant, store);
    return act(EmulatedAction::Complete, body, *grant, store);
}

ApiOutcome EmulatorApi::list(const QJsonObject &body, const ApiTokenGrant &grant, CampaignStore &store)
{
    if (!grant.canRun)
        return noAccess(QStringLiteral("the token lacks the right \"Campaigns — Run\""));
    CampaignListQuery q;
    const QJsonValue fromId = body.value(QStringLiteral("from_id"));
    if (!fromId.isUndefined()) {
        const auto v = WireJson::toInteger(fromId);
        if (!v)
            return badRequest(QStringLiteral("'from_id' must be an integer"));
        q.fromId = *v;
    }
    const QJsonValue limit = body.value(QStringLiteral("limit"));
    if (!limit.isUndefined()) {
        const auto v = WireJson::toInteger(limit);
        if (!v || *v <= 0)
            return badRequest(QStringLiteral("'limit' must be a positive integer"));
        q.limit = *v;
    }
    const QJsonValue state = body.value(QStringLiteral("state"));
    if (!state.isUndefined() && !state.isNull()) {
        if (!state.isString())
            return badRequest(QStringLiteral("'state' must be a string"));
        const QString text = state.toString();
        if (!text.isEmpty()) {
            q.state = store.spelling().state(text);
            if (!q.state)
                return badRequest(QStringLiteral("'state' has an unknown value: %1").arg(text));
        }
    }
    QString error;
    auto toStringInto = [](QStringList &out) {
        return [&out](const QJsonValue &v) {
            if (!v.isString())
                return false;
            out.append(v.toString());
            return true;
        };
    };
    auto toIdInto = [](QList<qint64> &out) {
        return [&out](const QJsonValue &v) {
            const auto id = WireJson::toInteger(v);
            if (id)
                out.append(*id);
            return id.has_value();
        };
    };
    if (!readArray(body, QStringLiteral("ui_tags"), toStringInto(q.tags), &error)
        || !readArray(body, QStringLiteral("groups"), toStringInto(q.groupNames), &error)
        || !readArray(body, QStringLiteral("groups_id"), toIdInto(q.groupIds), &error))
        return badRequest(error);

    const QList<const EmulatedCampaign *> page
        = store.list(q, [&grant](const EmulatedCampaign &c) { return visibleTo(c, grant); });
    QByteArray data;
    data.reserve(page.size() * kCampaignJsonBytes + 2);
    JsonWriter w(data);
    w.beginArray();
    for (const EmulatedCampaign *c : page)
        c->writeJson(w, store.spelling());
    w.endArray();
    return ApiOutcome::successJson(std::move(data));
}

ApiOutcome EmulatorApi::readOne(const QString &method, const QJsonObject &body, const ApiTokenGrant &grant,
                                CampaignStore &store)
{
    if (!grant.canView)
        return noAccess(QStringLiteral("the token lacks the right \"Campaigns — View object\""));
    const QJsonValue idValue = body.value(QStringLiteral("id"));
    if (idValue.isUndefined())
        return badRequest(QStringLiteral("'id' is required"));
    const auto id = WireJson::toInteger(idValue);
    if (!id)
        return badRequest(QStringLiteral("'id' must be an integer"));
    const QJsonValue activities = body.value(QStringLiteral("marketing_activities"));
    if (!activities.isUndefined() && !activities.isBool())
        return badRequest(QStringLiteral("'marketing_activities' must be a boolean"));
    const EmulatedCampaign *c = store.find(*id);
    if (!c)
        return ApiOutcome::failure(ApiErrorCode::NotFound, QStringLiteral("Campaign %1 not found").arg(*id));
    if (!visibleTo(*c, grant))
        return noAccess(QStringLiteral("campaign %1 is in an object group this token cannot see").arg(*id));
    QByteArray data;
    JsonWriter w(data);
    if (method == QLatin1String("get_status")) {
        w.beginObject();
        w.key("status"_L1);
        w.string(store.spelling().name(c->state));
        w.endObject();
        return ApiOutcome::successJson(std::move(data));
    }
    data.reserve(kCampaignJsonBytes);
    w.beginArray();
    if (activities.toBool(false)) {
        // Sent among the campaign's fields, as if it were one of its extra fields.
        EmulatedCampaign withActivities = *c;
        withActivities.extraFields.insert(QStringLiteral("marketing_activities"), QJsonArray());
        withActivities.writeJson(w, store.spelling());
    } else {
        c->writeJson(w, store.spelling());
    }
    w.endArray();
    return ApiOutcome::successJson(std::move(data));
}

ApiOutcome EmulatorApi::act(EmulatedAction action, const QJsonObject &body, const ApiTokenGrant &grant,
                            CampaignStore &store)
{
    if (!grant.canRun)
        return noAccess(QStringLiteral("the token lacks the right \"Campaigns — Run\""));
    const QJsonValue idValue = body.value(QStringLiteral("id"));
    if (idValue.isUndefined())
        return badRequest(QStringLiteral("'id' is required"));
    const auto id = WireJson::toInteger(idValue);
    if (!id)
        return badRequest(QStringLiteral("'id' must be an integer"));
    QDateTime activateAt, startAt, deactivateAt, completeAt;
    QString error;
    if (action == EmulatedAction::Activate) {
        // The documentation names the field activate_date in its table and start_date in its
        // examples; accept both, and prefer activate_date when both are sent.
        if (!readDate(body, QStringLiteral("activate_date"), &activateAt, &error)
            || !readDate(body, QStringLiteral("start_date"), &startAt, &error)
            || !readDate(body, QStringLiteral("deactivate_date"), &deactivateAt, &error)
            || !readDate(body, QStringLiteral("completed_date"), &completeAt, &error))
            return badRequest(error);
        if (!activateAt.isValid())
            activateAt = startAt;
    }
    const EmulatedCampaign *c = store.find(*id);
    if (!c)
        return ApiOutcome::failure(ApiErrorCode::NotFound, QStringLiteral("Campaign %1 not found").arg(*id));
    if (!visibleTo(*c, grant))
        return noAccess(QStringLiteral("campaign %1 is in an object group this token cannot see").arg(*id));
    return store.apply(*id, action, grant.user.isEmpty() ? apiUserName() : grant.user, activateAt, deactivateAt,
                       completeAt);
}
