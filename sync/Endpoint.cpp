// SPDX-License-Identifier: GPL-3.0-or-later
#include "Endpoint.h"

#include <QHostAddress>

namespace chorus::sync {

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0) {
        return true;
    }
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

Status checkUrlAllowed(const QUrl &url, bool allowHttpLoopback)
{
    if (!url.isValid() || url.host().isEmpty()) {
        return makeError(ErrorKind::InvalidInput,
                         QStringLiteral("'%1' is not a valid server URL (expected https://host[:port])")
                             .arg(url.toDisplayString(QUrl::RemoveUserInfo)));
    }
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https")) {
        return {};
    }
    if (scheme == QLatin1String("http")) {
        if (!isLoopbackHost(url.host())) {
            return makeError(ErrorKind::InvalidInput,
                             QStringLiteral("refusing plain http to %1: use https (http is allowed only to "
                                            "127.0.0.1 for testing)")
                                 .arg(url.host()));
        }
        if (!allowHttpLoopback) {
            return makeError(ErrorKind::InvalidInput,
                             QStringLiteral("refusing plain http: pass --allow-http-loopback to use a "
                                            "receiver on this machine without TLS"));
        }
        return {};
    }
    return makeError(ErrorKind::InvalidInput,
                     QStringLiteral("unsupported URL scheme '%1': use https").arg(scheme));
}

Result<QUrl> submissionUrl(const QString &endpoint, bool allowHttpLoopback)
{
    QUrl url(endpoint.trimmed(), QUrl::StrictMode);
    if (const Status allowed = checkUrlAllowed(url, allowHttpLoopback); !allowed) {
        return allowed.error();
    }
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/'))) {
        path.chop(1);
    }
    if (!path.endsWith(QLatin1String("/submission"))) {
        path += QLatin1String("/submission");
    }
    url.setPath(path);
    return url;
}

} // namespace chorus::sync
