#include "localization.h"

#include "logging.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

Localization::Localization() = default;

Localization::~Localization()
{
    uninstall();
}

QLocale Localization::localeFor(const QString &language)
{
    return language.isEmpty() ? QLocale::system() : QLocale(language);
}

void Localization::uninstall()
{
    // Without an application object there is nothing installed to remove.
    if (QCoreApplication::instance()) {
        for (const auto &t : {m_app.get(), m_qt.get()}) {
            if (t)
                QCoreApplication::removeTranslator(t);
        }
    }
    m_app.reset();
    m_qt.reset();
}

QString Localization::install(const QString &language)
{
    uninstall();
    const QLocale wanted = localeFor(language);
    const QString dir = QStringLiteral(":/i18n");
    const QString name = QStringLiteral("campaignmanager");
    auto app = std::make_unique<QTranslator>();
    QLocale used = wanted;
    // English is the fallback for every locale we have no translation for (C, POSIX, de_DE…):
    // its file carries the plural forms the source strings leave as "(s)".
    if (!app->load(wanted, name, QStringLiteral("_"), dir)) {
        used = QLocale(QLocale::English, QLocale::UnitedStates);
        if (!app->load(used, name, QStringLiteral("_"), dir))
            qCWarning(lcUi) << "no translation could be loaded, not even English";
    }
    QString installed = app->language().startsWith(QLatin1String("ru")) ? QStringLiteral("ru") : QStringLiteral("en");
    if (!app->isEmpty()) {
        QCoreApplication::installTranslator(app.get());
        m_app = std::move(app);
    }
    // Qt's own strings in the language the app speaks, so a dialog never mixes two languages.
    if (installed != QLatin1String("en")) {
        auto qt = std::make_unique<QTranslator>();
        if (qt->load(used, QStringLiteral("qtbase"), QStringLiteral("_"),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(qt.get());
            m_qt = std::move(qt);
        }
    }
    QLocale::setDefault(installed == QLatin1String("ru") ? used : wanted);
    qCDebug(lcUi) << "language" << installed << "for locale" << wanted.name();
    return installed;
}
