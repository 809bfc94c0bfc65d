// SPDX-License-Identifier: GPL-3.0-or-later
#include "KeyStore.h"

#if CHORUS_HAVE_LIBSECRET
#include "SecretServiceKeyStore.h"
#endif

namespace chorus::platform {

Q_LOGGING_CATEGORY(lcKeyStore, "chorus.keystore")

std::unique_ptr<KeyStore> systemKeyStore()
{
#if CHORUS_HAVE_LIBSECRET
    return std::make_unique<SecretServiceKeyStore>();
#else
    return nullptr;
#endif
}

} // namespace chorus::platform
