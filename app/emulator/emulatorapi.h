#pragma once

#include "apioutcome.h"
#include "apitokengrant.h"
#include "campaignstore.h"

#include <QJsonObject>

// Altcraft's scampaigns methods without HTTP: takes the parsed body and the Authorization header,
// checks token, rights, fields and object groups, and calls the store.
// Check order: body -> token (401) -> right (403) -> fields (400) -> campaign (404) -> group (403).
class EmulatorApi
{
public:
    explicit EmulatorApi(CampaignStore &store, QList<ApiTokenGrant> tokens = ApiTokenGrant::defaults());

    static QStringList methods(); // list, get, get_status, activate, deactivate, completed

    // bodyIsObject is false when the body was not a JSON object (-> 400).
    ApiOutcome handle(const QString &method, const QJsonObject &body, bool bodyIsObject,
                      const QByteArray &authorizationHeader);

    void setTokens(QList<ApiTokenGrant> tokens) { m_tokens = std::move(tokens); }
    const QList<ApiTokenGrant> &tokens() const { return m_tokens; }

    // The user name the emulator writes into updated_user after an action.
    static QString apiUserName() { return QStringLiteral("api.user"); }

private:
    const ApiTokenGrant *grantFor(const QJsonObject &body, const QByteArray &authorization) const;
    ApiOutcome list(const QJsonObject &body, const ApiTokenGrant &grant);
    ApiOutcome readOne(const QString &method, const QJsonObject &body, const ApiTokenGrant &grant);
    ApiOutcome act(EmulatedAction action, const QJsonObject &body, const ApiTokenGrant &grant);

    CampaignStore &m_store;
    QList<ApiTokenGrant> m_tokens;
};
