#pragma once

#include "apierror.h"

#include <QMainWindow>

#include <memory>

namespace Ui {
class MainWindow;
}
class CampaignService;
class CampaignFilterProxy;
class QLabel;
class QProgressBar;
class QToolButton;

// The campaign table and its actions. Talks only to CampaignService's signals and slots.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(CampaignService *service, QWidget *parent = nullptr);
    ~MainWindow() override;

    void setDemoMode(bool demo);
    CampaignFilterProxy *proxy() const { return m_proxy; }

private:
    void setupStatusFilter();
    void updateCounts();
    void onLoadStarted();
    void onLoadProgress(int loaded);
    void onLoadFinished(const ApiError &error, int total);

    std::unique_ptr<Ui::MainWindow> ui;
    CampaignService *m_service;
    CampaignFilterProxy *m_proxy;
    QLabel *m_countsLabel;
    QProgressBar *m_loadProgress;
    QToolButton *m_cancelLoad;
};
