#pragma once

// A bare HTTP/1.1 server on loopback, for the broken answers the emulator cannot give: a wrong
// Content-Length, a 2xx with an empty body, a list that never advances, a server that accepts
// and closes, or one that only counts who connects (the target of a refused redirect).
// Every exchange goes over a real socket; the handler decides the exact bytes written.

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QPair>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

#include <functional>

class RawHttpServer : public QObject
{
public:
    struct Request {
        QByteArray method;
        QByteArray path;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;

        QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
        QByteArray header(const QByteArray &name) const
        {
            for (const auto &h : headers) {
                if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                    return h.second;
            }
            return {};
        }
    };

    struct Reply {
        QByteArray bytes; // written exactly as given
        bool close = false; // close the connection once written
        bool hang = false; // write nothing and keep the connection open
    };
    using Handler = std::function<Reply(const Request &)>;

    explicit RawHttpServer(QObject *parent = nullptr) : QObject(parent)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] { acceptAll(); });
    }

    ~RawHttpServer() override
    {
        // The sockets die with m_server, after the members their signals touch: cut them loose.
        const QList<QTcpSocket *> sockets = m_server.findChildren<QTcpSocket *>();
        for (QTcpSocket *socket : sockets)
            socket->disconnect(this);
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.serverPort(); }
    QUrl baseUrl() const
    {
        QUrl url;
        url.setScheme(QStringLiteral("http"));
        url.setHost(QStringLiteral("127.0.0.1"));
        url.setPort(port());
        url.setPath(QStringLiteral("/"));
        return url;
    }

    // Without a handler the server reads requests and never answers.
    void setHandler(Handler handler) { m_handler = std::move(handler); }
    // Close every connection as soon as it is accepted, before reading anything.
    void setCloseOnAccept(bool on) { m_closeOnAccept = on; }

    int connectionCount() const { return m_connections; }
    QList<Request> requests() const { return m_requests; }

    static QByteArray response(int status, const QByteArray &body,
                               const QByteArray &contentType = QByteArrayLiteral("application/json"),
                               qint64 contentLength = -1, const QList<QPair<QByteArray, QByteArray>> &extraHeaders = {})
    {
        QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + " Status\r\n";
        if (!contentType.isEmpty())
            head += "Content-Type: " + contentType + "\r\n";
        head += "Content-Length: " + QByteArray::number(contentLength >= 0 ? contentLength : body.size()) + "\r\n";
        for (const auto &h : extraHeaders)
            head += h.first + ": " + h.second + "\r\n";
        return head + "\r\n" + body;
    }

    static QByteArray envelope(const QJsonValue &data, int error = 0,
                               const QString &errorText = QStringLiteral("Successful operation"))
    {
        const QJsonObject o{{QStringLiteral("data"), data},
                            {QStringLiteral("error"), error},
                            {QStringLiteral("error_text"), errorText}};
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    }

private:
    void acceptAll()
    {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            ++m_connections;
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            if (m_closeOnAccept) {
                socket->disconnectFromHost();
                continue;
            }
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readFrom(socket); });
            connect(socket, &QObject::destroyed, this, [this, socket] { m_buffers.remove(socket); });
        }
    }

    void readFrom(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        for (;;) {
            const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
            Request request;
            const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
            request.method = requestLine.value(0);
            request.path = requestLine.value(1);
            qint64 contentLength = 0;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const QByteArray line = lines.at(i).trimmed();
                const qsizetype colon = line.indexOf(':');
                if (colon <= 0)
                    continue;
                const QByteArray name = line.left(colon).trimmed();
                const QByteArray value = line.mid(colon + 1).trimmed();
                request.headers.append({name, value});
                if (name.compare("content-length", Qt::CaseInsensitive) == 0)
                    contentLength = value.toLongLong();
            }
            const qsizetype total = headerEnd + 4 + contentLength;
            if (buffer.size() < total)
                return;
            request.body = buffer.mid(headerEnd + 4, contentLength);
            buffer.remove(0, total);
            m_requests.append(request);
            const Reply reply = m_handler ? m_handler(request) : Reply{{}, false, true};
            if (reply.hang)
                continue;
            socket->write(reply.bytes);
            if (reply.close) {
                socket->disconnectFromHost();
                return;
            }
        }
    }

    QTcpServer m_server;
    Handler m_handler;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<Request> m_requests;
    int m_connections = 0;
    bool m_closeOnAccept = false;
};
