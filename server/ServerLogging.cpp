// SPDX-License-Identifier: GPL-3.0-or-later
#include "ServerLogging.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>

Q_LOGGING_CATEGORY(lcReceiver, "chorus.receiver")

namespace chorus::server {

namespace {

std::atomic<LogFormat> g_format{LogFormat::Text};
std::mutex g_sinkMutex;
LogSink g_sink;
QtMessageHandler g_previousHandler = nullptr;

struct RequestClock {
    std::chrono::steady_clock::time_point start;
    bool started = false;
};
thread_local RequestClock t_clock;
thread_local RequestFacts t_facts;

QString levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg: return QStringLiteral("debug");
    case QtInfoMsg: return QStringLiteral("info");
    case QtWarningMsg: return QStringLiteral("warning");
    case QtCriticalMsg: return QStringLiteral("error");
    case QtFatalMsg: return QStringLiteral("fatal");
    }
    return QStringLiteral("info");
}

void writeLine(QJsonObject object, QtMsgType level, const QString &event)
{
    object.insert(QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    object.insert(QStringLiteral("level"), levelName(level));
    object.insert(QStringLiteral("event"), event);
    const QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
    std::lock_guard lock(g_sinkMutex);
    if (g_sink) {
        g_sink(line);
    } else {
        std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
        std::fflush(stderr);
    }
}

void jsonMessageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    writeLine(QJsonObject{{QStringLiteral("category"), QString::fromLatin1(context.category ? context.category : "default")},
                          {QStringLiteral("message"), message}},
              type, QStringLiteral("message"));
}

bool enabled(QtMsgType level)
{
    return level == QtInfoMsg ? lcReceiver().isInfoEnabled()
         : level == QtDebugMsg ? lcReceiver().isDebugEnabled()
                               : lcReceiver().isWarningEnabled();
}

QString textValue(const QJsonValue &value)
{
    if (value.isString()) {
        return value.toString();
    }
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

} // namespace

void setLogFormat(LogFormat format)
{
    const LogFormat before = g_format.exchange(format);
    if (before == format) {
        return;
    }
    if (format == LogFormat::Json) {
        g_previousHandler = qInstallMessageHandler(jsonMessageHandler);
    } else {
        qInstallMessageHandler(g_previousHandler);
    }
}

LogFormat logFormat()
{
    return g_format;
}

void setLogSink(LogSink sink)
{
    std::lock_guard lock(g_sinkMutex);
    g_sink = std::move(sink);
}

void logEvent(QtMsgType level, const QString &event, const QJsonObject &fields)
{
    if (!enabled(level)) {
        return;
    }
    if (g_format == LogFormat::Json) {
        writeLine(fields, level, event);
        return;
    }
    // A request reads "POST /route 201 ..." first; the other fields follow by name.
    QString text = event;
    QJsonObject rest = fields;
    for (const QLatin1String key : {QLatin1String("method"), QLatin1String("route"), QLatin1String("status")}) {
        if (rest.contains(key)) {
            text += QLatin1Char(' ') + textValue(rest.take(key));
        }
    }
    for (auto it = rest.constBegin(); it != rest.constEnd(); ++it) {
        text += QLatin1Char(' ') + it.key() + QLatin1Char('=') + textValue(it.value());
    }
    if (level == QtInfoMsg || level == QtDebugMsg) {
        qCInfo(lcReceiver).noquote() << text;
    } else {
        qCWarning(lcReceiver).noquote() << text;
    }
}

RequestFacts &currentRequest()
{
    return t_facts;
}

void beginRequest()
{
    t_clock = {std::chrono::steady_clock::now(), true};
    t_facts = {};
}

void endRequest(const QString &method, const QString &route, int status, qint64 bytesIn, qint64 bytesOut)
{
    QJsonObject fields{{QStringLiteral("method"), method},
                       {QStringLiteral("route"), route},
                       {QStringLiteral("status"), status},
                       {QStringLiteral("bytes"), bytesIn},
                       {QStringLiteral("reply_bytes"), bytesOut}};
    if (t_clock.started) {
        const auto elapsed = std::chrono::steady_clock::now() - t_clock.start;
        fields.insert(QStringLiteral("duration_ms"),
                      double(std::chrono::duration_cast<std::chrono::microseconds>(elapsed).count()) / 1000.0);
    }
    if (!t_facts.device.isEmpty()) {
        fields.insert(QStringLiteral("device"), t_facts.device);
    }
    if (!t_facts.instanceId.isEmpty()) {
        fields.insert(QStringLiteral("instanceID"), t_facts.instanceId);
    }
    if (!t_facts.outcome.isEmpty()) {
        fields.insert(QStringLiteral("outcome"), t_facts.outcome);
    }
    if (!t_facts.target.isEmpty()) {
        fields.insert(QStringLiteral("target"), t_facts.target);
    }
    t_clock.started = false;
    t_facts = {};
    logEvent(status >= 500 ? QtWarningMsg : QtInfoMsg, QStringLiteral("request"), fields);
}

} // namespace chorus::server
