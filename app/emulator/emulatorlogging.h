#pragma once

#include <QLoggingCategory>

// The emulator's own category, so it needs nothing from the app it is the oracle for. The name
// is the one the app's --verbose and QT_LOGGING_RULES already use ("campaignmanager.*").
Q_DECLARE_LOGGING_CATEGORY(lcEmulator)
