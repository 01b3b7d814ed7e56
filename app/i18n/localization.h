#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

#include <memory>

class QTranslator;

// Installs the app's translation and Qt's own (so standard buttons speak the same language).
// The translators belong to this object, never to an application object: one created before
// the real QApplication (for --help) and destroyed with it must not take them along.
class Localization
{
public:
    Localization();
    ~Localization(); // uninstalls its translators
    Localization(const Localization &) = delete;
    Localization &operator=(const Localization &) = delete;

    // language: "" follows the system, or "en" / "ru". Any locale without a translation of its
    // own gets English, with its plural forms ("1 campaign", "2 campaigns").
    // Returns the language actually installed: "en" or "ru".
    QString install(const QString &language);

    static QLocale localeFor(const QString &language);
    static QStringList available() { return {QStringLiteral("en"), QStringLiteral("ru")}; }

private:
    void uninstall();

    std::unique_ptr<QTranslator> m_app;
    std::unique_ptr<QTranslator> m_qt;
};
