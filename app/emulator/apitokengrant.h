#pragma once

#include <QList>
#include <QSet>
#include <QString>

// One API token the emulator accepts, with the rights Altcraft attaches to tokens.
struct ApiTokenGrant {
    QString token;
    QString label;
    bool canView = true; // "Campaigns — View object": get, get_status
    bool canRun = true; // "Campaigns — Run": list, activate, deactivate, completed
    bool allGroups = true; // sees every object group; otherwise only groupIds
    QSet<qint64> groupIds;
    // The account whose campaigns the token reaches; empty: the default one. A token belongs to
    // one account, as on a real server, where each account issues its own tokens.
    QString account = {};
    // Who the token's writes name in updated_user; empty: EmulatorApi::apiUserName(). A
    // colleague's token lets a test change a campaign as someone else would.
    QString user = {};

    bool seesGroup(qint64 groupId) const { return allGroups || groupIds.contains(groupId); }

    // The documented demo tokens (README, "Demo tokens"). 32 lowercase letters and digits,
    // like the documentation's examples.
    static QString defaultFullToken() { return QStringLiteral("demo0full0access0token0000000001"); }
    static QString defaultViewToken() { return QStringLiteral("demo0view0only0token000000000002"); }
    static QList<ApiTokenGrant> defaults()
    {
        return {{defaultFullToken(), QStringLiteral("full access"), true, true, true, {}},
                {defaultViewToken(), QStringLiteral("view only"), true, false, true, {}}};
    }

    // The demo's second account, so that the app's demo has two accounts to switch between.
    static QString secondAccountName() { return QStringLiteral("second"); }
    static QString secondAccountToken() { return QStringLiteral("demo0second0account0token0000003"); }
    static QList<ApiTokenGrant> secondAccountDefaults()
    {
        return {{secondAccountToken(), QStringLiteral("full access"), true, true, true, {}, secondAccountName()}};
    }
};
