#pragma once

#include "accountref.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QUrl>
#include <QVariantMap>

// One Altcraft account the app can work in: where its API is, how it is shown, and the safety
// rules its owner chose. Its token is not here: it lives in the keychain under the account's id
// (TokenStore::forAccount), never in settings.
struct Account {
    Q_DECLARE_TR_FUNCTIONS(Account)
public:
    enum class Environment { Production, Staging, Test, Demo, Custom };

    QString id; // stable, made once (a UUID); the demo's is kDemoId
    QString name;
    QUrl apiUrl;
    Environment environment = Environment::Production;
    QString customEnvironment; // the label when environment is Custom
    QString colour; // "#rrggbb"
    // Safety rules.
    bool readOnly = false; // no write is sent, whatever asks for it
    bool confirmEveryAction = false; // not only Complete: every action asks first
    // From how many campaigns on a bulk action the count must be typed to confirm; 0: never.
    int typedConfirmationFrom = 0;

    static constexpr QLatin1StringView kDemoId{"demo"};
    // The demo's second account (the emulator's "second" store), so the demo can show switching.
    static constexpr QLatin1StringView kSecondDemoId{"demo-second"};

    bool isDemo() const { return isDemoId(id); }
    static bool isDemoId(const QString &id) { return id == kDemoId || id == kSecondDemoId; }
    bool isValid() const { return !id.isEmpty() && !name.trimmed().isEmpty() && apiUrl.isValid(); }
    AccountRef ref() const { return {id, name}; }

    // What the band and the switcher say: "Production", "Staging", ..., or the custom text.
    QString environmentLabel() const;
    static QString environmentLabel(Environment environment);
    static QString environmentKey(Environment environment); // "production", ... for settings
    static Environment environmentFromKey(const QString &key);
    // The colour an environment gets unless the user picks another: production loud.
    static QString defaultColour(Environment environment); // "#rrggbb"
    static bool isColour(const QString &text); // "#rrggbb"

    // A new account with a fresh id, named after its host, production until said otherwise.
    static Account create(const QString &name, const QUrl &apiUrl);
    // The built-in demo: the emulator the app starts; it cannot be edited or removed.
    static Account demo(const QUrl &emulatorUrl = {});
    // The demo's second account: marked Production and asking before every action, so the demo
    // shows what such an account looks like. Same emulator, its own campaigns and token.
    static Account secondDemo(const QUrl &emulatorUrl = {});
    // Both built-in demo accounts, the default first.
    static QList<Account> demoAccounts(const QUrl &emulatorUrl = {});
    // The token of a demo account: the app hands it to the emulator it starts, and uses it.
    // Not a secret: the README documents both.
    static QString demoToken(const QString &demoId);

    QVariantMap toMap() const;
    static Account fromMap(const QVariantMap &map);

    friend bool operator==(const Account &, const Account &) = default;
};

Q_DECLARE_METATYPE(Account)
