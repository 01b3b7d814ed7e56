#pragma once

#include "apioutcome.h"
#include "apitokengrant.h"
#include "campaignstore.h"

#include <QHash>
#include <QJsonObject>

#include <optional>

// Altcraft's scampaigns methods without HTTP: takes the parsed body and the Authorization header,
// checks token, rights, fields and object groups, and calls the store of the token's account.
// Check order: body -> token (401) -> right (403) -> fields (400) -> campaign (404) -> group (403).
// A campaign of another account is answered like any ID the account does not have: 404.
class EmulatorApi
{
public:
    // store is the default account's (""); it must outlive the API.
    explicit EmulatorApi(CampaignStore &store, QList<ApiTokenGrant> tokens = ApiTokenGrant::defaults());

    // Serves the tokens whose grant names account from store, which must outlive the API. A token
    // of an account that has no store is not valid (401).
    void addAccount(const QString &account, CampaignStore &store) { m_stores.insert(account, &store); }
    // The account a request with this body and header is served for, as handle() resolves it;
    // none when its token is missing or not valid.
    std::optional<QString> accountFor(const QJsonObject &body, const QByteArray &authorizationHeader) const;

    static QStringList methods(); // list, get, get_status, activate, deactivate, completed

    // bodyIsObject is false when the body was not a JSON object (-> 400).
    ApiOutcome handle(const QString &method, const QJsonObject &body, bool bodyIsObject,
                      const QByteArray &authorizationHeader);

    // Every account's tokens: each grant's account says whose campaigns it reaches. A token given
    // twice belongs to the first grant that has it.
    void setTokens(QList<ApiTokenGrant> tokens) { m_tokens = std::move(tokens); }
    void addTokens(const QList<ApiTokenGrant> &tokens) { m_tokens.append(tokens); }
    const QList<ApiTokenGrant> &tokens() const { return m_tokens; }

    // The user name the emulator writes into updated_user after an action.
    static QString apiUserName() { return QStringLiteral("api.user"); }

private:
    const ApiTokenGrant *grantFor(const QJsonObject &body, const QByteArray &authorization) const;
    static ApiOutcome list(const QJsonObject &body, const ApiTokenGrant &grant, CampaignStore &store);
    static ApiOutcome readOne(const QString &method, const QJsonObject &body, const ApiTokenGrant &grant,
                              CampaignStore &store);
    static ApiOutcome act(EmulatedAction action, const QJsonObject &body, const ApiTokenGrant &grant,
                          CampaignStore &store);

    QHash<QString, CampaignStore *> m_stores; // by account; "" is the default one
    QList<ApiTokenGrant> m_tokens;
};
