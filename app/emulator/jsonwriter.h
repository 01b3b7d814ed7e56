#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonValue>
#include <QLatin1StringView>
#include <QStringView>

// Compact JSON (RFC 8259, UTF-8) appended straight to one QByteArray, for the answers the
// emulator sends most: building a QJsonObject per campaign cost far more than writing it.
// The bytes are those QJsonDocument::toJson(Compact) writes for the same values, escaping
// included, so switching to this writer changed nothing on the wire. Keys are written in the
// order they are given: a caller that wants QJsonObject's (sorted) order gives them sorted.
// The caller keeps the structure valid (a key before each value in an object); not checked.
class JsonWriter
{
public:
    // Fresh: out ends where a value may begin. AfterValue: out ends with a member or an element,
    // so the next one is preceded by a comma (HttpWire::envelope goes on after the data).
    enum class Start { Fresh, AfterValue };

    explicit JsonWriter(QByteArray &out, Start start = Start::Fresh)
        : m_out(out), m_needComma(start == Start::AfterValue)
    { }

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();

    // A key that needs no escaping: one of the emulator's own field names.
    void key(QLatin1StringView name);
    // Any key, escaped like a string.
    void key(QStringView name);

    void string(QStringView text);
    void number(qint64 value);
    void boolean(bool value);
    void null();
    // Any value, through Qt's own writer: for the rare odd value (extra fields, small answers).
    void value(const QJsonValue &value);
    // A value that is already compact JSON, copied as it is.
    void raw(QByteArrayView json);

    // value(), alone: what QJsonDocument writes for it.
    static QByteArray toJson(const QJsonValue &value);

private:
    // A comma before every member or element but the first.
    void separate();
    void escaped(QStringView text);

    QByteArray &m_out;
    bool m_needComma = false;
};
