// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace chorus::crypto
{

// The plaintext `xml_submission_file` of an ODK encrypted submission. It carries no answer:
// only ids, the wrapped key, the encrypted file names and the signature element, so the
// receiver and the sync layer can read it without any key.
struct OdkManifest {
    QString formId;
    QString formVersion; // empty: the attribute is omitted (never version="")
    QString instanceId;
    QByteArray base64EncryptedKey;
    QStringList mediaFiles; // encrypted names ("photo.jpg.enc"), in encryption order
    QString encryptedXmlFile; // always "submission.xml.enc" when Chorus writes it
    QByteArray base64EncryptedElementSignature;

    // The XML, namespace http://opendatakit.org/submissions, orx = http://openrosa.org/xforms.
    QByteArray toXml() const;
    // Matches element names only (servers do the same), so Collect's namespace also parses.
    static Result<OdkManifest> parse(const QByteArray &xml);
};

inline constexpr QLatin1String kOdkSubmissionXmlName("submission.xml");
inline constexpr QLatin1String kOdkEncryptedSuffix(".enc");

} // namespace chorus::crypto
