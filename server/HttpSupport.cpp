// SPDX-License-Identifier: GPL-3.0-or-later
#include "HttpSupport.h"

namespace chorus::server::http {

QByteArray bearerToken(const httplib::Request &request)
{
    const QByteArray header = toBytes(request.get_header_value("Authorization")).trimmed();
    if (header.size() > 7 && header.left(7).toLower() == "bearer ") {
        return header.mid(7).trimmed();
    }
    return {};
}

void textReply(httplib::Response &response, int status, const QString &message)
{
    response.status = status;
    response.set_content(toStd(message + QLatin1Char('\n')), "text/plain; charset=utf-8");
}

} // namespace chorus::server::http
