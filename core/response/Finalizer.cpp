// SPDX-License-Identifier: GPL-3.0-or-later
#include "Finalizer.h"

#include "consent/LedgerRow.h"
#include "consent/SurveyConsent.h"
#include "crypto/CouncilKeys.h"
#include "crypto/OdkEnvelope.h"
#include "response/SubmissionXml.h"
#include "store/Store.h"
#include "survey/SurveyPackage.h"

#include <QDateTime>

#include <sodium.h>

namespace chorus::response {

namespace {
// QByteArray is implicitly shared: detach first so the bytes wiped are the only copy we hold.
void wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty()) {
        bytes.detach();
        sodium_memzero(bytes.data(), size_t(bytes.size()));
    }
    bytes.clear();
}
} // namespace

Finalizer::Finalizer(store::Store &store)
    : m_store(store)
{
}

Result<crypto::CouncilPublicKey> Finalizer::councilKey(const survey::SurveyPackage &package)
{
    if (m_key.isNull() || m_keyBase64 != package.publicKey) {
        auto parsed = crypto::CouncilPublicKey::fromBase64(package.publicKey.toLatin1());
        if (!parsed) {
            return parsed.error();
        }
        m_key = *parsed;
        m_keyBase64 = package.publicKey;
    }
    return m_key;
}

Result<QString> Finalizer::finalize(const survey::SurveyPackage &package, const Response &response)
{
    if (!isValidInstanceId(response.instanceId)) {
        return makeError(ErrorKind::InvalidInput, QStringLiteral("the response has no valid instanceID"));
    }
    if (response.surveyId != package.id || response.surveyVersion != package.version) {
        return makeError(ErrorKind::InvalidInput,
                         QStringLiteral("the response belongs to survey %1 version %2, not %3 version %4")
                             .arg(response.surveyId, response.surveyVersion, package.id, package.version));
    }
    // The last gate before anything is stored, whatever the caller did before: a survey that
    // stops without the equality grant creates no response, and without that grant every
    // equality question is NOT_ASKED (an answer given anyway is refused, never silently dropped).
    Response gated = response;
    if (response.consent) {
        if (auto continues = consent::surveyMayContinue(package, *response.consent); !continues) {
            return continues.error();
        }
        if (const QStringList given = consent::givenAnswersWithoutGrant(package, *response.consent, response);
            !given.isEmpty()) {
            return makeError(ErrorKind::InvalidInput,
                             QStringLiteral("the response answers an equality question (%1) but consent to "
                                            "equality monitoring was not given: nothing was stored")
                                 .arg(given.join(QStringLiteral(", "))));
        }
        consent::applyConsentToAnswers(package, *response.consent, gated);
    }
    auto key = councilKey(package);
    if (!key) {
        return makeError(ErrorKind::InvalidInput,
                         QStringLiteral("survey %1 carries no usable council public key: %2")
                             .arg(package.id, key.error().message));
    }

    QByteArray xml = SubmissionXml::serialize(package, gated);
    auto sealed = crypto::OdkEnvelope::seal(*key, package.id, package.version, response.instanceId, xml);
    wipe(xml);
    if (!sealed) {
        return sealed.error();
    }

    store::FinalizedResponse stored;
    stored.instanceId = sealed->instanceId;
    stored.surveyId = package.id;
    stored.surveyVersion = package.version;
    stored.manifest = sealed->manifest;
    stored.encryptedFiles = sealed->encryptedFiles;
    stored.finalizedAt = QDateTime::currentDateTimeUtc();
    if (response.consent) {
        // Stored with the envelope in one transaction: the device can find it by receipt code.
        stored.consent = consent::ledgerRowFor(*response.consent);
    }
    if (auto status = m_store.responses().finalize(stored); !status) {
        return status.error();
    }
    // finalize() wrote the audit line ("response.finalized") in the same transaction.
    return stored.instanceId;
}

} // namespace chorus::response
