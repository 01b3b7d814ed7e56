#pragma once

#include <QString>

// The API's read methods (scampaigns/<name>), named once. The state-changing ones are in the
// action table (campaignactions.cpp), beside everything else about each action. A new read
// method: a name here, its call in AltcraftClient, its parse function in ResponseParser.
namespace ApiMethods {
inline const QString list = QStringLiteral("list");
inline const QString get = QStringLiteral("get");
inline const QString getStatus = QStringLiteral("get_status");
} // namespace ApiMethods
