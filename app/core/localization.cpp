#include "localization.h"

#include "logging.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

QLocale Localization::localeFor(const QString &language)
{
    return language.isEmpty() ? QLocale::system() : QLocale(language);
}

QString Localization::install(const QString &language)
{
    static QTranslator *app = nullptr;
    static QTranslator *qt = nullptr;
    for (QTranslator *t : {app, qt}) {
        if (t) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    }
    app = new QTranslator(QCoreApplication::instance());
    qt = new QTranslator(QCoreApplication::instance());
    const QLocale locale = localeFor(language);
    QString installed = QStringLiteral("en");
    if (app->load(locale, QStringLiteral("campaignmanager"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(app);
        installed = app->language().left(2);
    }
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    QLocale::setDefault(locale);
    qCDebug(lcUi) << "language" << installed << "for locale" << locale.name();
    return installed;
}
