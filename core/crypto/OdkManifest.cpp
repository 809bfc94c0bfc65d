// SPDX-License-Identifier: GPL-3.0-or-later
#include "OdkManifest.h"

#include <QXmlStreamReader>
#include <QXmlStreamWriter>

namespace chorus::crypto
{

namespace
{
const QString kSubmissionsNs = QStringLiteral("http://opendatakit.org/submissions");
const QString kOrxNs = QStringLiteral("http://openrosa.org/xforms");
constexpr qint64 kMaxManifestBytes = 1 << 20;
} // namespace

QByteArray OdkManifest::toXml() const
{
    QByteArray xml;
    QXmlStreamWriter writer(&xml);
    writer.setAutoFormatting(false);
    writer.writeStartDocument();
    writer.writeDefaultNamespace(kSubmissionsNs);
    writer.writeNamespace(kOrxNs, QStringLiteral("orx"));
    writer.writeStartElement(kSubmissionsNs, QStringLiteral("data"));
    writer.writeAttribute(QStringLiteral("id"), formId);
    if (!formVersion.isEmpty()) {
        writer.writeAttribute(QStringLiteral("version"), formVersion);
    }
    writer.writeAttribute(QStringLiteral("encrypted"), QStringLiteral("yes"));
    writer.writeTextElement(
        kSubmissionsNs, QStringLiteral("base64EncryptedKey"), QString::fromLatin1(base64EncryptedKey));
    writer.writeStartElement(kOrxNs, QStringLiteral("meta"));
    writer.writeTextElement(kOrxNs, QStringLiteral("instanceID"), instanceId);
    writer.writeEndElement();
    // One <media> per file: old Aggregate servers expect it that way.
    for (const QString &file : mediaFiles) {
        writer.writeStartElement(kSubmissionsNs, QStringLiteral("media"));
        writer.writeTextElement(kSubmissionsNs, QStringLiteral("file"), file);
        writer.writeEndElement();
    }
    writer.writeTextElement(kSubmissionsNs, QStringLiteral("encryptedXmlFile"), encryptedXmlFile);
    writer.writeTextElement(kSubmissionsNs, QStringLiteral("base64EncryptedElementSignature"),
        QString::fromLatin1(base64EncryptedElementSignature));
    writer.writeEndElement();
    writer.writeEndDocument();
    return xml;
}

Result<OdkManifest> OdkManifest::parse(const QByteArray &xml)
{
    auto invalid = [](const QString &why) {
        return makeError(
            ErrorKind::InvalidInput, QStringLiteral("not an ODK encrypted-submission manifest: %1").arg(why));
    };
    if (xml.size() > kMaxManifestBytes) {
        return invalid(QStringLiteral("larger than 1 MiB"));
    }
    QXmlStreamReader reader(xml);
    if (!reader.readNextStartElement()) {
        return invalid(reader.hasError() ? reader.errorString() : QStringLiteral("empty document"));
    }
    if (reader.name() != QLatin1String("data")) {
        return invalid(QStringLiteral("the root element is <%1>, not <data>").arg(reader.name()));
    }
    OdkManifest manifest;
    const QXmlStreamAttributes attributes = reader.attributes();
    if (attributes.value(QLatin1String("encrypted")) != QLatin1String("yes")) {
        return invalid(QStringLiteral("<data> lacks encrypted=\"yes\""));
    }
    manifest.formId = attributes.value(QLatin1String("id")).toString();
    manifest.formVersion = attributes.value(QLatin1String("version")).toString();
    int depth = 1;
    while (depth > 0 && !reader.atEnd()) {
        const auto token = reader.readNext();
        if (token == QXmlStreamReader::EndElement) {
            --depth;
            continue;
        }
        if (token != QXmlStreamReader::StartElement) {
            continue;
        }
        const auto name = reader.name();
        if (name == QLatin1String("base64EncryptedKey")) {
            manifest.base64EncryptedKey = reader.readElementText().trimmed().toLatin1();
        } else if (name == QLatin1String("instanceID")) {
            manifest.instanceId = reader.readElementText().trimmed();
        } else if (name == QLatin1String("file")) {
            manifest.mediaFiles.append(reader.readElementText().trimmed());
        } else if (name == QLatin1String("encryptedXmlFile")) {
            manifest.encryptedXmlFile = reader.readElementText().trimmed();
        } else if (name == QLatin1String("base64EncryptedElementSignature")) {
            manifest.base64EncryptedElementSignature = reader.readElementText().trimmed().toLatin1();
        } else {
            ++depth; // a container (<media>, <orx:meta>) or an unknown element: descend
        }
    }
    if (reader.hasError()) {
        return invalid(reader.errorString());
    }
    if (manifest.formId.isEmpty()) {
        return invalid(QStringLiteral("<data> has no id attribute"));
    }
    if (manifest.instanceId.isEmpty()) {
        return invalid(QStringLiteral("no <orx:meta><orx:instanceID>"));
    }
    if (manifest.base64EncryptedKey.isEmpty() || manifest.encryptedXmlFile.isEmpty()) {
        return invalid(
            QStringLiteral("submission %1 lacks base64EncryptedKey or encryptedXmlFile").arg(manifest.instanceId));
    }
    return manifest;
}

} // namespace chorus::crypto
