// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Helpers for tests run by with-keyring.sh: skip when there is no throwaway keyring, and lock
// the default collection the way a screen lock would (locking never prompts; unlocking would,
// so a test that locks must be the last one to need the keyring in its process).

#define SECRET_API_SUBJECT_TO_CHANGE 1
#include <libsecret/secret.h>

#include <QString>
#include <QtGlobal>

namespace chorus::test {

inline QString noKeyringReason()
{
    return qEnvironmentVariable("CHORUS_NO_KEYRING");
}

// True when the default collection was locked.
inline bool lockDefaultKeyring()
{
    GError *error = nullptr;
    SecretService *service = secret_service_get_sync(SECRET_SERVICE_NONE, nullptr, &error);
    if (!service) {
        g_error_free(error);
        return false;
    }
    SecretCollection *collection
        = secret_collection_for_alias_sync(service, SECRET_COLLECTION_DEFAULT, SECRET_COLLECTION_NONE, nullptr, &error);
    bool locked = false;
    if (collection) {
        GList objects {};
        objects.data = collection;
        locked = secret_service_lock_sync(service, &objects, nullptr, nullptr, &error) == 1;
        g_object_unref(collection);
    }
    if (error) {
        g_error_free(error);
    }
    g_object_unref(service);
    return locked;
}

} // namespace chorus::test
