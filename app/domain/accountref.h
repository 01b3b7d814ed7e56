#pragma once

#include <QMetaType>
#include <QString>

// Which Altcraft account something was done in: its stable id (never changes, keys its keychain
// entry and its journal rows) and its display name at the time (names can be edited later).
struct AccountRef {
    QString id;
    QString name;

    bool isNull() const { return id.isEmpty(); }
    friend bool operator==(const AccountRef &, const AccountRef &) = default;
};

Q_DECLARE_METATYPE(AccountRef)
