// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to chorus_server: small helpers shared by the submission and admin routes.
#include <httplib.h>

#include <QByteArray>
#include <QString>

namespace chorus::server::http {

inline QByteArray toBytes(const std::string &s)
{
    return QByteArray(s.data(), qsizetype(s.size()));
}

inline std::string toStd(const QByteArray &b)
{
    return std::string(b.constData(), size_t(b.size()));
}

inline std::string toStd(const QString &s)
{
    return toStd(s.toUtf8());
}

// The token after "Bearer " in the Authorization header, or empty.
QByteArray bearerToken(const httplib::Request &request);

// Now as an HTTP-date (RFC 9110: "Tue, 08 Dec 2026 01:32:02 GMT"), for the Date header every
// reply carries (OpenRosa requires it).
QByteArray httpDate();

// A plain-text error reply (admin API, health).
void textReply(httplib::Response &response, int status, const QString &message);

} // namespace chorus::server::http
