#pragma once

#include "campaignview.h"

#include <QObject>

#include <functional>

class QAction;
class QActionGroup;
class QComboBox;
class QMenu;
class QWidget;
class SavedViews;

// Saved views in the window: the toolbar's chooser and View → Saved Views. Choosing one applies
// it; the chooser names the view the table matches, or says "Unsaved view" once the search,
// filters or columns differ from every saved one.
class ViewSwitcher : public QObject
{
    Q_OBJECT
public:
    using Capture = std::function<CampaignView()>;
    using Apply = std::function<void(const CampaignView &)>;

    // standard: the view with no filters and the standard columns. window parents the chooser,
    // the menu and the questions.
    ViewSwitcher(SavedViews *views, const CampaignView &standard, Capture capture, Apply apply, QWidget *window);

    QComboBox *chooser() const { return m_chooser; }
    QMenu *menu() const { return m_menu; }
    QAction *saveAction() const { return m_save; }
    // Applies the account's default view; false when it has none.
    bool openDefault();
    // The saved name the table matches now; "" when none.
    QString currentName() const;

public Q_SLOTS:
    // The table changed (a filter, a column): the chooser follows.
    void noteChanged();
    // Rebuilds the chooser and the menu from SavedViews (after a save, or an account switch).
    void refresh();
    void saveCurrent();
    void renameCurrent();
    void deleteCurrent();
    void setCurrentAsDefault(bool on);
    void showStandard();
    void show(const QString &name);

private:
    QWidget *m_window;
    SavedViews *m_views;
    CampaignView m_standard;
    Capture m_capture;
    Apply m_apply;
    QComboBox *m_chooser;
    QMenu *m_menu;
    QActionGroup *m_viewActions;
    QAction *m_standardAction;
    QAction *m_save;
    QAction *m_rename;
    QAction *m_delete;
    QAction *m_default;
    QAction *m_viewsEnd; // the separator after the saved views' entries
    bool m_updating = false;
};
