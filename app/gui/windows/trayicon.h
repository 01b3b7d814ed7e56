#pragma once

#include <QSystemTrayIcon>

class QMenu;

// The opt-in tray icon: the watch goes on while the window is closed, and its menu brings the
// window or Activity back, checks at once, or quits.
class TrayIcon : public QSystemTrayIcon
{
    Q_OBJECT
public:
    explicit TrayIcon(QObject *parent = nullptr);
    ~TrayIcon() override;

    // "Watching 4 campaigns in 2 accounts", or why nothing is watched.
    void setWatchSummary(int campaigns, int accounts);

Q_SIGNALS:
    void showWindowRequested();
    void activityRequested();
    void checkNowRequested();
    void quitRequested();

private:
    QMenu *m_menu;
};
