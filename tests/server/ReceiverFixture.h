// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The receiver suites' shared fixture (tst_receiver, tst_receiver_admin): one LiveReceiver on
// loopback for the whole suite, an httplib client, and the requests a device and an admin make.

#include "LiveReceiver.h"
#include "Multipart.h"
#include "TestEnvelope.h"

#include <httplib.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <memory>
#include <string>

namespace chorus::testing {

inline std::string str(const QByteArray &b)
{
    return std::string(b.constData(), size_t(b.size()));
}

inline QByteArray bytes(const std::string &s)
{
    return QByteArray(s.data(), qsizetype(s.size()));
}

class ReceiverFixture
{
protected:
    LiveReceiver m_live;
    std::unique_ptr<httplib::Client> m_client;

    // After CHORUS_START_RECEIVER(m_live, ...) in initTestCase.
    void connectClient() { m_client = std::make_unique<httplib::Client>("127.0.0.1", m_live.port); }

    // For cleanupTestCase.
    void stopReceiver()
    {
        m_client.reset();
        if (m_live.receiver) {
            m_live.receiver->stop();
        }
    }

    httplib::Headers deviceHeaders(bool openRosa = true, const QByteArray &token = {}) const
    {
        httplib::Headers headers{{"Authorization", "Bearer " + str(token.isEmpty() ? m_live.deviceToken : token)}};
        if (openRosa) {
            headers.emplace("X-OpenRosa-Version", "1.0");
        }
        return headers;
    }

    httplib::Result post(const sync::OutboxItem &item, const httplib::Headers &headers, const char *path = "/submission")
    {
        const sync::MultipartBody body = sync::buildSubmissionBody(item.manifest, item.parts);
        return m_client->Post(path, headers, str(body.body), str(body.contentType).c_str());
    }

    // One page of the admin change feed from `cursor`, or an empty object when it was refused.
    QJsonObject list(qint64 cursor = 0)
    {
        auto res = m_client->Get(("/v1/admin/submissions?cursor=" + std::to_string(cursor)).c_str(),
                                 httplib::Headers{{"Authorization", "Bearer " + str(m_live.adminToken)}});
        return res && res->status == 200 ? QJsonDocument::fromJson(bytes(res->body)).object() : QJsonObject();
    }
};

} // namespace chorus::testing
