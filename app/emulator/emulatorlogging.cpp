#include "emulatorlogging.h"

Q_LOGGING_CATEGORY(lcEmulator, "campaignmanager.emulator", QtWarningMsg)
