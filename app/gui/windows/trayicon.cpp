#include "trayicon.h"

#include <QGuiApplication>
#include <QMenu>

TrayIcon::TrayIcon(QObject *parent) : QSystemTrayIcon(QGuiApplication::windowIcon(), parent), m_menu(new QMenu)
{
    m_menu->addAction(tr("Show Campaign Manager"), this, &TrayIcon::showWindowRequested);
    m_menu->addAction(tr("Activity"), this, &TrayIcon::activityRequested);
    m_menu->addAction(tr("Check Watched Campaigns Now"), this, &TrayIcon::checkNowRequested);
    m_menu->addSeparator();
    m_menu->addAction(tr("Quit"), this, &TrayIcon::quitRequested);
    setContextMenu(m_menu);
    setToolTip(tr("Campaign Manager"));
    connect(this, &QSystemTrayIcon::activated, this, [this](ActivationReason reason) {
        if (reason == Trigger || reason == DoubleClick)
            Q_EMIT showWindowRequested();
    });
}

TrayIcon::~TrayIcon()
{
    delete m_menu; // a tray icon does not own its menu
}

void TrayIcon::setWatchSummary(int campaigns, int accounts)
{
    // Two sentences, each with its own plural, rather than one glued from fragments.
    setToolTip(campaigns == 0 ? tr("Campaign Manager: no campaign is watched.")
                              : tr("Campaign Manager: watching %n campaign(s).", nullptr, campaigns) + QLatin1Char(' ')
                       + tr("Accounts checked: %n.", nullptr, accounts));
}
