// SPDX-License-Identifier: GPL-3.0-or-later
#include "EnrollSupport.h"

#include "CliSupport.h"
#include "Endpoint.h"

namespace chorus::cli {

void addAdminConnectionOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("endpoint"), QStringLiteral("Receiver base URL (https://...)."), QStringLiteral("URL")});
    parser.addOption({QStringLiteral("admin-token-file"), QStringLiteral("File whose first line is the receiver's admin token."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("allow-http-loopback"),
                      QStringLiteral("Allow plain http to a receiver on 127.0.0.1 (testing and demos only).")});
    parser.addOption({QStringLiteral("ca-file"), QStringLiteral("Extra CA certificate (PEM) the receiver's certificate chains to."),
                      QStringLiteral("PEM")});
    parser.addOption({QStringLiteral("pin"),
                      QStringLiteral("Public-key pin of the receiver, sha256//BASE64 (repeat for primary and backup)."),
                      QStringLiteral("PIN")});
}

QStringList adminConnectionRequired()
{
    return {QStringLiteral("endpoint"), QStringLiteral("admin-token-file")};
}

Result<AdminConnection> adminConnection(const QCommandLineParser &parser, Io &io)
{
    AdminConnection c;
    const QString endpoint = parser.value(QStringLiteral("endpoint")).trimmed();
    c.endpoint = QUrl(endpoint, QUrl::StrictMode);
    const bool http = allowPlainHttpToLoopback(parser.isSet(QStringLiteral("allow-http-loopback")), endpoint, io);
    if (Status allowed = sync::checkUrlAllowed(c.endpoint, http); !allowed) {
        return allowed.error();
    }
    auto token = readPassphraseFile(parser.value(QStringLiteral("admin-token-file")));
    if (!token) {
        return token.error();
    }
    c.adminToken = *token;
    if (parser.isSet(QStringLiteral("ca-file"))) {
        auto pem = readFileCapped(parser.value(QStringLiteral("ca-file")), 16 * 1024);
        if (!pem) {
            return pem.error();
        }
        c.caPem = *pem;
    }
    c.curl.allowHttpLoopback = http;
    c.curl.caPem = c.caPem;
    c.curl.pins = parser.values(QStringLiteral("pin"));
    return c;
}

} // namespace chorus::cli
