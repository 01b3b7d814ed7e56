#include "logging.h"

Q_LOGGING_CATEGORY(lcApp, "campaignmanager.app", QtWarningMsg)
Q_LOGGING_CATEGORY(lcApi, "campaignmanager.api", QtWarningMsg)
Q_LOGGING_CATEGORY(lcUi, "campaignmanager.ui", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSettings, "campaignmanager.settings", QtWarningMsg)
Q_LOGGING_CATEGORY(lcJournal, "campaignmanager.journal", QtWarningMsg)
Q_LOGGING_CATEGORY(lcWatch, "campaignmanager.watch", QtWarningMsg)
Q_LOGGING_CATEGORY(lcNotify, "campaignmanager.notify", QtWarningMsg)
Q_LOGGING_CATEGORY(lcDemo, "campaignmanager.demo", QtWarningMsg)
