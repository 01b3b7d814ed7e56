#include "account.h"

#include <QRegularExpression>
#include <QUuid>

QString Account::environmentLabel() const
{
    if (environment == Environment::Custom && !customEnvironment.trimmed().isEmpty())
        return customEnvironment.trimmed();
    return environmentLabel(environment);
}

QString Account::environmentLabel(Environment environment)
{
    switch (environment) {
    case Environment::Production:
        return tr("Production");
    case Environment::Staging:
        return tr("Staging");
    case Environment::Test:
        return tr("Test");
    case Environment::Demo:
        return tr("Demo");
    case Environment::Custom:
        return tr("Other");
    }
    return QString();
}

QString Account::environmentKey(Environment environment)
{
    switch (environment) {
    case Environment::Production:
        return QStringLiteral("production");
    case Environment::Staging:
        return QStringLiteral("staging");
    case Environment::Test:
        return QStringLiteral("test");
    case Environment::Demo:
        return QStringLiteral("demo");
    case Environment::Custom:
        return QStringLiteral("custom");
    }
    return QString();
}

Account::Environment Account::environmentFromKey(const QString &key)
{
    for (Environment environment :
         {Environment::Production, Environment::Staging, Environment::Test, Environment::Demo, Environment::Custom}) {
        if (environmentKey(environment) == key)
            return environment;
    }
    // An unknown key (a newer version's) is treated as the one that asks the most care.
    return Environment::Production;
}

QString Account::defaultColour(Environment environment)
{
    switch (environment) {
    case Environment::Production:
        return QStringLiteral("#c62828"); // red: a click here reaches real customers
    case Environment::Staging:
        return QStringLiteral("#e68a00");
    case Environment::Test:
        return QStringLiteral("#2e7d32");
    case Environment::Demo:
        return QStringLiteral("#1565c0");
    case Environment::Custom:
        return QStringLiteral("#6a1b9a");
    }
    return QString();
}

Account Account::create(const QString &name, const QUrl &apiUrl)
{
    Account account;
    account.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    account.name = name;
    account.apiUrl = apiUrl;
    account.colour = defaultColour(account.environment);
    return account;
}

Account Account::demo(const QUrl &emulatorUrl)
{
    Account account;
    account.id = kDemoId;
    account.name = tr("Demo");
    account.apiUrl = emulatorUrl;
    account.environment = Environment::Demo;
    account.colour = defaultColour(Environment::Demo);
    return account;
}

Account Account::secondDemo(const QUrl &emulatorUrl)
{
    Account account = demo(emulatorUrl); // the same emulator, behind the second token
    account.id = kSecondDemoId;
    account.name = tr("Demo client");
    account.environment = Environment::Production;
    account.colour = defaultColour(Environment::Production);
    account.confirmEveryAction = true;
    account.typedConfirmationFrom = 10;
    return account;
}

QString Account::demoToken(const QString &demoId)
{
    return demoId == kSecondDemoId ? QStringLiteral("demo0second0account0token0000003")
                                   : QStringLiteral("demo0full0access0token0000000001");
}

QList<Account> Account::demoAccounts(const QUrl &emulatorUrl)
{
    return {demo(emulatorUrl), secondDemo(emulatorUrl)};
}

bool Account::isColour(const QString &text)
{
    static const QRegularExpression rgb(QStringLiteral("^#[0-9a-fA-F]{6}$"));
    return rgb.match(text).hasMatch();
}

QVariantMap Account::toMap() const
{
    return {
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), name},
        {QStringLiteral("apiUrl"), apiUrl.toString()},
        {QStringLiteral("environment"), environmentKey(environment)},
        {QStringLiteral("customEnvironment"), customEnvironment},
        {QStringLiteral("colour"), colour},
        {QStringLiteral("readOnly"), readOnly},
        {QStringLiteral("confirmEveryAction"), confirmEveryAction},
        {QStringLiteral("typedConfirmationFrom"), typedConfirmationFrom},
    };
}

Account Account::fromMap(const QVariantMap &map)
{
    Account account;
    account.id = map.value(QStringLiteral("id")).toString();
    account.name = map.value(QStringLiteral("name")).toString();
    account.apiUrl = QUrl(map.value(QStringLiteral("apiUrl")).toString());
    account.environment = environmentFromKey(map.value(QStringLiteral("environment")).toString());
    account.customEnvironment = map.value(QStringLiteral("customEnvironment")).toString();
    account.colour = map.value(QStringLiteral("colour")).toString();
    if (!isColour(account.colour))
        account.colour = defaultColour(account.environment);
    account.readOnly = map.value(QStringLiteral("readOnly")).toBool();
    account.confirmEveryAction = map.value(QStringLiteral("confirmEveryAction")).toBool();
    account.typedConfirmationFrom = qMax(0, map.value(QStringLiteral("typedConfirmationFrom")).toInt());
    return account;
}
