// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Fake encrypted envelopes for the sync and server suites.

#include "Outbox.h"

#include <QRandomGenerator>
#include <QTest>

namespace chorus::testing {

// An envelope shaped like ODK's: the manifest names each part; the parts are random bytes
// (binary, with CR/LF and boundary-like sequences likely) standing in for ciphertext.
inline sync::OutboxItem makeEnvelope(int index, int attachments = 1, int size = 300)
{
    sync::OutboxItem item;
    item.instanceId = QStringLiteral("uuid:00000000-0000-4000-8000-%1").arg(index, 12, 10, QLatin1Char('0'));
    QByteArray media;
    auto *random = QRandomGenerator::global();
    for (int a = 0; a < attachments; ++a) {
        const QString name = QStringLiteral("photo%1.jpg.enc").arg(a);
        QByteArray bytes(size + a, Qt::Uninitialized);
        for (char &c : bytes) {
            c = char(random->bounded(256));
        }
        bytes.insert(bytes.size() / 2, "\r\n--boundary\r\n");
        item.parts.append({name, bytes});
        media += "<media><file>" + name.toUtf8() + "</file></media>";
    }
    QByteArray main(size, Qt::Uninitialized);
    for (char &c : main) {
        c = char(random->bounded(256));
    }
    item.parts.append({QStringLiteral("submission.xml.enc"), main});
    item.manifest = "<data xmlns=\"http://opendatakit.org/submissions\" xmlns:orx=\"http://openrosa.org/xforms\" "
                    "id=\"equality\" version=\"1\" encrypted=\"yes\"><base64EncryptedKey>a2V5</base64EncryptedKey>"
                    "<orx:meta><orx:instanceID>"
                    + item.instanceId.toUtf8() + "</orx:instanceID></orx:meta>" + media
                    + "<encryptedXmlFile>submission.xml.enc</encryptedXmlFile>"
                      "<base64EncryptedElementSignature>c2ln</base64EncryptedElementSignature></data>";
    return item;
}

} // namespace chorus::testing
