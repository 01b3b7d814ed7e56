#pragma once

#include "apierror.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QPointer>

#include <functional>

class QNetworkReply;
class QTimer;
struct RawReply;

// One operation of the AltcraftClient, possibly made of several HTTP exchanges (read retries,
// list pages). cancel() stops it: the callback then reports ApiError::Kind::Cancelled, unlike a
// timeout. If the context object given with the call is destroyed, the call ends silently.
class ApiCall : public QObject
{
    Q_OBJECT
public:
    void cancel();
    bool isFinished() const { return m_finished; }
    bool isCancelled() const { return m_cancelled; }

Q_SIGNALS:
    void finished();

private:
    friend class AltcraftClient;
    using RawHandler = std::function<void(const QJsonValue &data, const ApiError &error)>;
    // Given a reply the transport delivered whole, unparsed, instead of calling RawHandler: its
    // envelope alone decides, and the caller reads it elsewhere (a list page, on the parse thread).
    using BodyHandler = std::function<void(RawReply &&reply)>;

    explicit ApiCall(QObject *parent) : QObject(parent) { }

    QString m_method;
    QJsonObject m_fields;
    bool m_isRead = true;
    int m_attempt = 0;
    RawHandler m_handler;
    BodyHandler m_bodyHandler;
    QPointer<QNetworkReply> m_reply;
    QTimer *m_retryTimer = nullptr;
    QElapsedTimer m_elapsed;
    bool m_cancelled = false;
    bool m_tooLarge = false;
    bool m_finished = false;
    std::function<void()> m_onCancel;
};
