// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// tst_setup_keyring's handles, in its own build of the module Chorus.SetupTest: TestDevice (as
// in tst_setup) and TestKeyring, the real Secret Service store the device's vault uses. Once
// armed, TestKeyring locks the keyring right after the next store, as a screen lock would
// between setup and the next start.

#include "KeyringTestSupport.h"
#include "SecretServiceKeyStore.h"
#include "SetupTestServices.h"

#include <QObject>

namespace setup_test {

class KeyringControl : public QObject, public chorus::platform::KeyStore
{
    Q_OBJECT

public:
    Q_INVOKABLE void prepareLocked() { m_lockAfterStore = true; }

    QString name() const override { return m_real.name(); }
    chorus::Status availability() override { return m_real.availability(); }
    chorus::Status store(const QString &entryId, const QString &label, const chorus::crypto::SecretBytes &secret) override
    {
        chorus::Status stored = m_real.store(entryId, label, secret);
        if (stored && m_lockAfterStore) {
            m_lockAfterStore = false;
            if (!chorus::test::lockDefaultKeyring()) {
                qFatal("the test keyring could not be locked");
            }
        }
        return stored;
    }
    chorus::Result<std::optional<chorus::crypto::SecretBytes>> load(const QString &entryId) override
    {
        return m_real.load(entryId);
    }
    chorus::Status remove(const QString &entryId) override { return m_real.remove(entryId); }

private:
    chorus::platform::SecretServiceKeyStore m_real;
    bool m_lockAfterStore = false;
};

} // namespace setup_test

struct TestKeyringSingleton : chorus::ui::InjectedSingleton<setup_test::KeyringControl> {
    Q_GADGET
    QML_FOREIGN(setup_test::KeyringControl)
    QML_NAMED_ELEMENT(TestKeyring)
    QML_SINGLETON
};
