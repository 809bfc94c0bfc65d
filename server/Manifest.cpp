// SPDX-License-Identifier: GPL-3.0-or-later
#include "Manifest.h"

#include <QRegularExpression>
#include <QXmlStreamReader>

namespace chorus::server {

Result<ManifestInfo> readManifest(const QByteArray &xml)
{
    ManifestInfo info;
    QXmlStreamReader reader(xml);
    int depth = 0;
    bool withdrawal = false;
    while (!reader.atEnd()) {
        const QXmlStreamReader::TokenType token = reader.readNext();
        if (token == QXmlStreamReader::StartElement) {
            ++depth;
            if (depth > 64) {
                return makeError(ErrorKind::InvalidInput, QStringLiteral("submission XML is nested too deeply"));
            }
            const QStringView name = reader.name();
            if (depth == 1) {
                withdrawal = name == QLatin1String("chorus-withdrawal");
                info.formId = reader.attributes().value(QLatin1String("id")).trimmed().toString();
            }
            if (withdrawal && depth == 2 && name == QLatin1String("target")) {
                info.withdrawalTarget = reader.readElementText().trimmed();
                --depth;
                if (!isSafeInstanceId(info.withdrawalTarget)) {
                    return makeError(ErrorKind::InvalidInput, QStringLiteral("withdrawal request has no usable target"));
                }
            } else if (name == QLatin1String("instanceID") && info.instanceId.isEmpty()) {
                info.instanceId = reader.readElementText().trimmed();
                --depth;
            } else if (name == QLatin1String("file") || name == QLatin1String("encryptedXmlFile")) {
                const QString file = reader.readElementText().trimmed();
                --depth;
                if (!file.isEmpty() && !info.files.contains(file)) {
                    info.files.append(file);
                }
            }
        } else if (token == QXmlStreamReader::EndElement) {
            --depth;
        }
    }
    if (reader.hasError()) {
        return makeError(ErrorKind::InvalidInput,
                         QStringLiteral("xml_submission_file is not well-formed XML: %1").arg(reader.errorString()));
    }
    if (withdrawal && info.withdrawalTarget.isEmpty()) {
        return makeError(ErrorKind::InvalidInput, QStringLiteral("withdrawal request has no target"));
    }
    // A withdrawal request is Chorus's own document, not a form's submission: it names no form.
    if (!withdrawal && info.formId.isEmpty()) {
        return makeError(ErrorKind::InvalidInput,
                         QStringLiteral("xml_submission_file has no form id: its root element needs an id attribute "
                                        "(e.g. <data id=\"my_form\">)"));
    }
    if (!isSafeInstanceId(info.instanceId)) {
        return makeError(ErrorKind::InvalidInput,
                         QStringLiteral("xml_submission_file has no usable meta/instanceID (expected e.g. uuid:...)"));
    }
    for (const QString &file : std::as_const(info.files)) {
        if (!isSafeFileName(file)) {
            return makeError(ErrorKind::InvalidInput,
                             QStringLiteral("xml_submission_file names a file with an unsafe name"));
        }
    }
    return info;
}

bool isSafeInstanceId(const QString &id)
{
    // instanceIDs become directory names on the admin side: keep them to a safe alphabet.
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9:._-]{0,199}$"));
    return safe.match(id).hasMatch();
}

bool isSafeFileName(const QString &name)
{
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}$"));
    return safe.match(name).hasMatch();
}

} // namespace chorus::server
