// SPDX-License-Identifier: GPL-3.0-or-later
#include "SurveyOperations.h"

#include "CliSupport.h"
#include "crypto/KeyDirectory.h"
#include "crypto/Signing.h"
#include "survey/PackageChecks.h"
#include "survey/SurveyLoader.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace chorus::cli
{

namespace
{
constexpr qint64 kMaxPackageBytes = 4 * 1024 * 1024;
}

Result<QByteArray> surveyFromTemplate(const NewSurveyRequest &request, survey::ValidationReport *report)
{
    auto key = crypto::KeyDirectory(request.keysDir).councilPublicKey();
    if (!key)
        return key.error();
    const QString keyBase64 = QString::fromLatin1(key->toBase64());
    if (const QString why = survey::checkOdkPublicKey(keyBase64); !why.isEmpty())
        return makeError(ErrorKind::InvalidInput, u"the council public key %1"_s.arg(why));
    QJsonObject root = QJsonDocument::fromJson(request.templateBytes).object();
    if (root.isEmpty())
        return makeError(ErrorKind::InvalidInput, u"the template is not a JSON survey package"_s);
    root.insert(u"encryption"_s, QJsonObject { { u"publicKey"_s, keyBase64 } });
    if (!request.endpoint.trimmed().isEmpty())
        root.insert(u"submission"_s, QJsonObject { { u"url"_s, request.endpoint.trimmed() } });
    if (!request.version.trimmed().isEmpty())
        root.insert(u"version"_s, request.version.trimmed());
    const QByteArray out = QJsonDocument(root).toJson(QJsonDocument::Indented);
    survey::ValidationReport local;
    survey::ValidationReport &problems = report ? *report : local;
    if (!survey::SurveyLoader::load(out, &problems))
        return makeError(ErrorKind::InvalidInput,
            u"the new package would not be valid (%1 problem(s)); nothing written"_s.arg(problems.size()));
    return out;
}

Result<LintResult> lintSurvey(const QString &file)
{
    auto bytes = readFileCapped(file, kMaxPackageBytes);
    if (!bytes)
        return bytes.error();
    LintResult result;
    auto package = survey::SurveyLoader::load(*bytes, &result.report);
    if (package) {
        result.surveyId = package->id;
        result.version = package->version;
        result.questions = package->allQuestions().size();
    } else if (result.report.isEmpty()) {
        result.report.add(QString(), package.error().message);
    }
    return result;
}

Status signSurvey(const QString &file, const QString &keysDir, const QByteArray &passphrase)
{
    auto bytes = readFileCapped(file, kMaxPackageBytes);
    if (!bytes)
        return bytes.error();
    if (auto package = survey::SurveyLoader::load(*bytes); !package)
        return makeError(ErrorKind::InvalidInput,
            u"%1: refusing to sign an invalid package: %2"_s.arg(file, package.error().message));
    auto key = crypto::KeyDirectory(keysDir).loadSigningKey(passphrase);
    if (!key)
        return key.error();
    return writeFileAtomically(file + u".sig"_s, key->sign(*bytes).toBase64() + '\n', FileAccess::Shared);
}

bool surveySignatureValid(const QString &file, const QString &keysDir)
{
    auto info = crypto::KeyDirectory(keysDir).info();
    auto bytes = readFileCapped(file, kMaxPackageBytes);
    auto sig = readFileCapped(file + u".sig"_s, 4096);
    if (!info || !bytes || !sig)
        return false;
    return crypto::Signing::verify(QByteArray::fromBase64(info->signingPublicKeyBase64), *bytes,
        QByteArray::fromBase64(sig->trimmed()));
}

} // namespace chorus::cli
