// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by `chorusctl enroll` and `chorusctl survey publish`: reaching the receiver's admin API.
#include "Cli.h"
#include "CurlTransport.h"
#include "common/Result.h"

#include <QCommandLineParser>
#include <QUrl>

namespace chorus::cli {

struct AdminConnection {
    QUrl endpoint;
    QByteArray adminToken;
    sync::CurlOptions curl;
    QByteArray caPem; // the --ca-file contents (enroll puts it into the bundle)
};

// --endpoint, --admin-token-file, --allow-http-loopback, --ca-file, --pin (repeatable).
void addAdminConnectionOptions(QCommandLineParser &parser);
QStringList adminConnectionRequired();

// Reads the options added above; the token is the caller's to wipe.
Result<AdminConnection> adminConnection(const QCommandLineParser &parser, Io &io);

} // namespace chorus::cli
