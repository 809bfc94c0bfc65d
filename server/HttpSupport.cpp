// SPDX-License-Identifier: GPL-3.0-or-later
#include "HttpSupport.h"

#include <cstdio>
#include <ctime>

namespace chorus::server::http {

QByteArray bearerToken(const httplib::Request &request)
{
    const QByteArray header = toBytes(request.get_header_value("Authorization")).trimmed();
    if (header.size() > 7 && header.left(7).toLower() == "bearer ") {
        return header.mid(7).trimmed();
    }
    return {};
}

QByteArray httpDate()
{
    // Fixed English names: the format must not follow the process locale.
    static const char *const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    ::gmtime_r(&now, &utc);
    char text[40];
    std::snprintf(text, sizeof text, "%s, %02d %s %04d %02d:%02d:%02d GMT", days[utc.tm_wday], utc.tm_mday,
                  months[utc.tm_mon], utc.tm_year + 1900, utc.tm_hour, utc.tm_min, utc.tm_sec);
    return QByteArray(text);
}

void textReply(httplib::Response &response, int status, const QString &message)
{
    response.status = status;
    response.set_content(toStd(message + QLatin1Char('\n')), "text/plain; charset=utf-8");
}

} // namespace chorus::server::http
