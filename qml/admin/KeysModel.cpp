// SPDX-License-Identifier: GPL-3.0-or-later
#include "KeysModel.h"

#include "AdminWorkspace.h"
#include "crypto/KeyDirectory.h"
#include "crypto/SecretBytes.h"
#include "enrollment/EnrollmentBundle.h"

namespace chorus::admin
{

namespace
{
constexpr int kMinPassphraseLength = 12;

// Copies the passphrase out of the QString into bytes that are wiped after use.
struct PassphraseBytes {
    explicit PassphraseBytes(const QString &text) : bytes(text.toUtf8()) {}
    ~PassphraseBytes() { crypto::wipe(bytes); }
    QByteArray bytes;
};
} // namespace

KeysModel::KeysModel(AdminWorkspace &workspace, QObject *parent) : AdminJob(parent), m_workspace(workspace)
{
    connect(&m_workspace, &AdminWorkspace::pathChanged, this, &KeysModel::refresh);
    refresh();
}

void KeysModel::setFastKdf(bool fast)
{
    if (m_fastKdf == fast)
        return;
    m_fastKdf = fast;
    Q_EMIT keysChanged();
}

QString KeysModel::passphraseProblem(const QString &passphrase, const QString &repeated)
{
    if (passphrase.size() < kMinPassphraseLength)
        return tr("Enter a passphrase of at least %1 characters. Several unrelated words are easy to remember.")
            .arg(kMinPassphraseLength);
    if (passphrase != repeated)
        return tr("The two passphrases are different. Type the same passphrase in both boxes.");
    return {};
}

void KeysModel::refresh()
{
    m_councilKeyId.clear();
    m_councilCreated.clear();
    m_signingKeyId.clear();
    m_signingFingerprint.clear();
    m_retired.clear();
    if (m_workspace.isOpen()) {
        crypto::KeyDirectory dir(m_workspace.keysDir());
        if (dir.holdsKeys()) {
            if (auto info = dir.info()) {
                m_councilKeyId = info->councilKeyId;
                m_councilCreated = info->councilCreatedAt.toString(Qt::ISODate);
                m_signingKeyId = info->signingKeyId;
                // The same fingerprint devices show when they enrol, so the two can be compared.
                m_signingFingerprint
                    = enrollment::keyFingerprint(QByteArray::fromBase64(info->signingPublicKeyBase64));
                for (const crypto::RetiredKeyInfo &retired : info->retired)
                    m_retired.append(retired.keyId);
            }
        }
    }
    Q_EMIT keysChanged();
}

bool KeysModel::init(const QString &passphrase, const QString &repeated)
{
    if (const QString problem = passphraseProblem(passphrase, repeated); !problem.isEmpty()) {
        failNow(problem);
        return false;
    }
    if (!m_workspace.isOpen()) {
        failNow(tr("Choose a workspace folder first."));
        return false;
    }
    auto secret = std::make_shared<PassphraseBytes>(passphrase);
    const QString dir = m_workspace.keysDir();
    const crypto::KdfParams kdf = m_fastKdf ? crypto::KdfParams::interactive() : crypto::KdfParams::moderate();
    return launch([this, secret, dir, kdf](const cli::OperationControl &) {
        Completion done;
        auto info = crypto::KeyDirectory(dir).init(secret->bytes, kdf);
        if (!info)
            done.error = info.error().message;
        else
            done.summary = tr("Keys created. Keep the passphrase safe: without it nobody can read the responses.");
        done.apply = [this] { refresh(); };
        return done;
    });
}

bool KeysModel::rotate(const QString &passphrase)
{
    if (!m_workspace.isOpen() || !hasKeys()) {
        failNow(tr("There are no keys to rotate yet. Create them first."));
        return false;
    }
    auto secret = std::make_shared<PassphraseBytes>(passphrase);
    const QString dir = m_workspace.keysDir();
    const crypto::KdfParams kdf = m_fastKdf ? crypto::KdfParams::interactive() : crypto::KdfParams::moderate();
    return launch([this, secret, dir, kdf](const cli::OperationControl &) {
        Completion done;
        auto info = crypto::KeyDirectory(dir).rotate(secret->bytes, kdf);
        if (!info)
            done.error = info.error().message;
        else
            done.summary = tr("New council key %1 in use. Older responses stay readable. Publish your surveys again "
                              "so devices use the new key.")
                               .arg(info->councilKeyId);
        done.apply = [this] { refresh(); };
        return done;
    });
}

} // namespace chorus::admin
