#pragma once

// Shared by the client tests: a capture of every log message of the run (to prove no token ever
// reaches a log), a result holder for the client's callbacks, and the checks every classified
// error must pass. Campaigns come from the shared CampaignBuilder (tests/support).

#include "apierror.h"
#include "apiresult.h"
#include "campaign.h"

#include <QDateTime>
#include <QList>
#include <QLoggingCategory>
#include <QMutex>
#include <QMutexLocker>
#include <QObject>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QTest>

namespace ClientTest {

// Installed for a whole test run (initTestCase .. cleanupTestCase). Warnings and worse still go
// to Qt Test's own handler, so failures stay visible; debug lines are only captured.
class LogCapture
{
public:
    struct Line {
        QtMsgType type;
        QString category;
        QString text;
    };

    static void install()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("campaignmanager.*.debug=true"));
        previous() = qInstallMessageHandler(&LogCapture::handle);
    }
    static void uninstall() { qInstallMessageHandler(previous()); }

    static QList<Line> lines()
    {
        QMutexLocker lock(&mutex());
        return store();
    }
    static int count(const QString &needle)
    {
        int n = 0;
        for (const Line &l : lines())
            n += static_cast<int>(l.text.count(needle) + l.category.count(needle));
        return n;
    }
    static QStringList textsIn(const QString &category)
    {
        QStringList result;
        for (const Line &l : lines()) {
            if (l.category == category)
                result.append(l.text);
        }
        return result;
    }

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &text)
    {
        {
            QMutexLocker lock(&mutex());
            store().append({type, QString::fromUtf8(context.category ? context.category : ""), text});
        }
        if (type != QtDebugMsg && type != QtInfoMsg && previous())
            previous()(type, context, text);
    }
    static QtMessageHandler &previous()
    {
        static QtMessageHandler handler = nullptr;
        return handler;
    }
    static QMutex &mutex()
    {
        static QMutex m;
        return m;
    }
    static QList<Line> &store()
    {
        static QList<Line> lines;
        return lines;
    }
};

// Holds what a client callback delivered. The context object dies with the holder, so a test
// that fails early never leaves a callback pointing at a dead holder.
template<typename T>
struct CallResult {
    int calls = 0;
    ApiResult<T> result;
    QObject context; // last, so it dies first and the callback with it

    ApiCallback<T> callback()
    {
        return [this](const ApiResult<T> &r) {
            ++calls;
            result = r;
        };
    }
    ApiError error() const { return result.error; }
};

// What every classified error must offer a person and a details pane. Returns what is wrong,
// or an empty string.
inline QString errorProblems(const ApiError &error, const QString &method, int httpStatus)
{
    QStringList problems;
    const QString message = error.message();
    if (message.isEmpty())
        problems << QStringLiteral("message() is empty");
    // "Says what to do": every message except a user's own cancellation names an action.
    static const QRegularExpression action(QStringLiteral(R"(\b(check|try|wait|contact|ask|refresh|narrow|raise)\b)"),
                                           QRegularExpression::CaseInsensitiveOption);
    const bool namesAction = message.contains(action);
    if (error.kind() != ApiError::Kind::Cancelled && !namesAction)
        problems << QStringLiteral("message() does not say what to do: ") + message;
    const QString details = error.details();
    if (!details.contains(QStringLiteral("method: scampaigns/") + method))
        problems << QStringLiteral("details() lacks the method %1: %2").arg(method, details);
    if (httpStatus != 0 && !details.contains(QStringLiteral("HTTP status: %1").arg(httpStatus)))
        problems << QStringLiteral("details() lacks HTTP status %1: %2").arg(httpStatus).arg(details);
    if (error.httpStatus() != httpStatus)
        problems << QStringLiteral("httpStatus() is %1, expected %2").arg(error.httpStatus()).arg(httpStatus);
    if (error.method() != method)
        problems << QStringLiteral("method() is '%1', expected '%2'").arg(error.method(), method);
    return problems.join(QStringLiteral("; "));
}

inline QByteArray kindName(ApiError::Kind kind)
{
    return ApiError::kindName(kind).toUtf8();
}

} // namespace ClientTest

// Lets QCOMPARE print error kinds by name.
namespace QTest {
template<>
inline char *toString(const ApiError::Kind &kind)
{
    return qstrdup(ApiError::kindName(kind).toUtf8().constData());
}
} // namespace QTest
