// SPDX-License-Identifier: GPL-3.0-or-later
#include "Multipart.h"

#include <QRandomGenerator>

namespace chorus::sync {

namespace {

constexpr qint64 kPartOverhead = 200; // boundary line and headers of one part, generously

QByteArray quoted(const QString &name)
{
    QByteArray out = name.toUtf8();
    out.replace('\\', "\\\\").replace('"', "\\\"").replace('\r', "").replace('\n', "");
    return out;
}

bool containsBoundary(const QByteArray &boundary, const QByteArray &manifest, const FileParts &parts)
{
    if (manifest.contains(boundary)) {
        return true;
    }
    for (const FilePart &part : parts) {
        if (part.bytes.contains(boundary)) {
            return true;
        }
    }
    return false;
}

} // namespace

MultipartBody buildSubmissionBody(const QByteArray &manifest, const FileParts &parts)
{
    QByteArray boundary;
    do {
        boundary = "chorus-" + QByteArray::number(QRandomGenerator::global()->generate64(), 36)
                   + QByteArray::number(QRandomGenerator::global()->generate64(), 36);
    } while (containsBoundary(boundary, manifest, parts));

    MultipartBody out;
    out.contentType = "multipart/form-data; boundary=" + boundary;
    qint64 size = manifest.size() + kPartOverhead;
    for (const FilePart &part : parts) {
        size += part.bytes.size() + kPartOverhead;
    }
    out.body.reserve(size);
    out.body += "--" + boundary + "\r\n"
                "Content-Disposition: form-data; name=\"xml_submission_file\"; filename=\"submission.xml\"\r\n"
                "Content-Type: text/xml\r\n\r\n";
    out.body += manifest;
    for (const FilePart &part : parts) {
        const QByteArray name = quoted(part.name);
        out.body += "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                    + "\"; filename=\"" + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        out.body += part.bytes;
    }
    out.body += "\r\n--" + boundary + "--\r\n";
    return out;
}

QList<FileParts> splitParts(const QByteArray &manifest, const FileParts &parts, qint64 maxBytes)
{
    const qint64 base = manifest.size() + 2 * kPartOverhead;
    QList<FileParts> groups;
    FileParts current;
    qint64 size = base;
    for (const FilePart &part : parts) {
        const qint64 partSize = part.bytes.size() + kPartOverhead;
        if (!current.isEmpty() && size + partSize > maxBytes) {
            groups.append(current);
            current.clear();
            size = base;
        }
        current.append(part);
        size += partSize;
    }
    if (!current.isEmpty() || groups.isEmpty()) {
        groups.append(current);
    }
    return groups;
}

} // namespace chorus::sync
