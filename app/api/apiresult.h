#pragma once

#include "apierror.h"

#include <QDateTime>
#include <QList>
#include <QStringList>

#include <functional>
#include <variant>

// A typed answer: the value when error.isNone(), otherwise the classified error.
template<typename T>
struct ApiResult {
    T value{};
    ApiError error;
    bool ok() const { return error.isNone(); }
};

template<typename T>
using ApiCallback = std::function<void(const ApiResult<T> &)>;
using Done = std::monostate;

// When to activate: an invalid activateAt means "now". The deactivate and complete dates are
// optional schedules the API accepts with activate.
struct ActivationSchedule {
    QDateTime activateAt;
    QDateTime deactivateAt;
    QDateTime completeAt;
};

// The filters of scampaigns/list; pageSize is the API's "limit".
struct CampaignFilter {
    QString state;
    QStringList tags;
    QStringList groups;
    QList<qint64> groupIds;
    qint64 fromId = 1;
    int pageSize = 1000;
    int maxPages = 0; // 0: every page; 1: the first page only (a bulk run's read-back)
    friend bool operator==(const CampaignFilter &, const CampaignFilter &) = default;
};

// How a whole listing went, besides the error that may have ended it.
struct ListOutcome {
    qsizetype total = 0; // campaigns delivered through the page callback
    int skipped = 0; // items the server sent that were not readable campaigns
    QStringList skipReasons; // the first few, for a person
    bool capped = false; // stopped at the client's ceiling while the server had more
    int pages = 0;
};
