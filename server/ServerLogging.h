// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QLoggingCategory>
#include <QString>

#include <functional>

// Receiver events: method, route, status, instance ids, sizes, durations. Never tokens or bodies.
Q_DECLARE_LOGGING_CATEGORY(lcReceiver)

namespace chorus::server {

// Text suits a terminal; JSON (one object per line) suits journald, Loki or any log shipper:
// every Qt message of the process then becomes {"time","level","event":"message","category",
// "message"} and every request one {"event":"request",...} line. Process-wide.
enum class LogFormat { Text, Json };
void setLogFormat(LogFormat format);
LogFormat logFormat();

// Where JSON lines go (default: stderr). Tests capture them; {} restores stderr.
using LogSink = std::function<void(const QByteArray &line)>;
void setLogSink(LogSink sink);

// One structured event in category chorus.receiver. `fields` never hold a body, token or answer.
void logEvent(QtMsgType level, const QString &event, const QJsonObject &fields = {});

// What a route learns about the request it handles (which device, which record, what became
// of it), added to that request's log line. Per thread: a server thread handles one request at
// a time, from beginRequest() to endRequest().
struct RequestFacts {
    QString device;
    QString instanceId;
    QString outcome; // stored, resend, conflict, deleted, withdrawal
    QString target;  // for a withdrawal: the instanceID it erased
};
RequestFacts &currentRequest();

void beginRequest();
// Writes the request's log line; `route` must already have its token redacted.
void endRequest(const QString &method, const QString &route, int status, qint64 bytesIn, qint64 bytesOut);

} // namespace chorus::server
