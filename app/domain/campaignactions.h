#pragma once

#include "campaignstatus.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

// Everything about one action, declared once: eligibility, the runner's success rule, the API
// call, the journal, History's filter and the window's actions all read this row. Adding an
// action is one row in campaignactions.cpp, its API call, and its translations.
struct ActionSpec {
    CampaignAction action;
    const char *apiMethod; // scampaigns/<apiMethod>
    const char *journalKey; // stored in History and CSV exports: never changes once shipped
    QList<CampaignStatus> appliesTo; // the statuses the API accepts it from
    QList<CampaignStatus> reaches; // success: the status read back afterwards is one of these
    const char *shortcut; // portable key text, e.g. "Ctrl+D"
    const char *uiAction; // the QAction's object name in ui/mainwindow.ui
    CampaignStatus iconStatus; // the action shows the icon of the status it leads to
    bool asksFirst; // a confirmation dialog comes first
    // Untranslated sources; CampaignActions returns them translated.
    const char *verb; // "Deactivate"
    const char *inProgress; // "Deactivating…"
    const char *doneCount; // "%n deactivated" (plural forms)
    const char *notDoneTitle; // "Campaign %1 was not deactivated"
    const char *unknownTitle; // "Outcome of the deactivation unknown"
    const char *notInEffectStill; // "Not deactivated: %1; the campaign is still “%2” (checked after the request)."
    const char *notInEffect; // "Not deactivated: %1; the campaign is “%2” (checked after the request)."
    const char *confirmTitle; // "Deactivate %n campaign(s)?" (plural forms)
    const char *confirmButton; // "Deactivate %n campaign(s)" (plural forms)
    const char *consequence; // what follows, said plainly before the user confirms
};

class CampaignActions
{
    Q_DECLARE_TR_FUNCTIONS(CampaignActions)
public:
    static const QList<ActionSpec> &all();
    static const ActionSpec &spec(CampaignAction action);

    static bool allows(CampaignStatus status, CampaignAction action);
    static bool reaches(CampaignAction action, CampaignStatus status);
    static QString apiMethod(CampaignAction action);
    static QString journalKey(CampaignAction action);
    // Keys come from files: an unknown one is nullopt, never a guess.
    static std::optional<CampaignAction> fromJournalKey(QStringView key);

    static QString verb(CampaignAction action);
    static QString inProgress(CampaignAction action);
    static QString doneCount(CampaignAction action, int count);
    static QString notDoneTitle(CampaignAction action, qint64 id);
    static QString unknownTitle(CampaignAction action);
    // why: a clause such as "the server had an internal error (HTTP 500)".
    static QString notInEffect(CampaignAction action, const QString &why, CampaignStatus seen);
    static QString confirmTitle(CampaignAction action, int count);
    static QString confirmButton(CampaignAction action, int count);
    static QString consequence(CampaignAction action);
};
