#pragma once

#include <QLocale>
#include <QString>

// Installs the app's translation and Qt's own (so standard buttons speak the same language).
// language: "" follows the system, or "en" / "ru".
class Localization
{
public:
    static QLocale localeFor(const QString &language);
    // Returns the language actually installed ("en" when nothing matched).
    static QString install(const QString &language);
    static QStringList available() { return {QStringLiteral("en"), QStringLiteral("ru")}; }
};
