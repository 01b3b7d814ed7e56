#pragma once

#include "watchevent.h"

#include <QCoreApplication>
#include <QString>

// What an Activity row says to a person, worded from the facts the journal keeps, in the language
// the app speaks now. One whole sentence per kind and origin (translators see each as it is shown).
// Campaign and account names and user names are the server's or the user's text: they appear as
// plain text, with bidirectional controls made visible, and nothing here is ever rich text.
class ActivityMessage
{
    Q_DECLARE_TR_FUNCTIONS(ActivityMessage)
public:
    // Short, for a notification's title: "“Spring sale” was paused by anna.colleague".
    static QString summary(const WatchEvent &event);
    // The Activity row's full text.
    static QString sentence(const WatchEvent &event);
    // Who made the change, for the Activity pane's Origin column; empty for events that are not a
    // change somebody made (a server unreachable, a start overdue) or whose origin is unknown.
    static QString origin(const WatchEvent &event);
};
