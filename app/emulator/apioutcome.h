#pragma once

#include "jsonwriter.h"

#include <QByteArray>
#include <QJsonValue>
#include <QString>

// The emulator's error codes. 400-403 are Altcraft's documented codes; 404 (unknown campaign or
// method) is our choice, since the real code is undocumented: a client must show error_text for
// any code it does not know, so an undocumented code exercises exactly that path.
namespace ApiErrorCode {
constexpr int Ok = 0;
constexpr int BadRequest = 400; // malformed body, missing or non-integer field, illegal transition
constexpr int TokenRequired = 401; // missing or unknown token
constexpr int TariffLimit = 402;
constexpr int NoAccess = 403; // missing right or object group
constexpr int NotFound = 404; // unknown campaign or method
} // namespace ApiErrorCode

// What one API call produced: the three fields of Altcraft's envelope. data is kept as the JSON
// it is sent as, so that a list page is written once, straight from the store (JsonWriter).
struct ApiOutcome {
    int error = ApiErrorCode::Ok;
    QString errorText = QStringLiteral("Successful operation");
    QByteArray dataJson = "null";

    static ApiOutcome success(const QJsonValue &data = QJsonValue::Null)
    {
        return successJson(JsonWriter::toJson(data));
    }
    // data already written as compact JSON.
    static ApiOutcome successJson(QByteArray dataJson)
    {
        return {ApiErrorCode::Ok, QStringLiteral("Successful operation"), std::move(dataJson)};
    }
    static ApiOutcome failure(int code, QString text) { return {code, std::move(text), "null"}; }
    bool ok() const { return error == ApiErrorCode::Ok; }
};
