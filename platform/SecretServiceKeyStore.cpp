// SPDX-License-Identifier: GPL-3.0-or-later
#include "SecretServiceKeyStore.h"

// The dbus-path calls are the ones that let us look before libsecret would prompt.
#define SECRET_API_SUBJECT_TO_CHANGE 1
#include <libsecret/secret.h>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace chorus::platform {

namespace {

using std::chrono::milliseconds;

const SecretSchema &schema()
{
    static const SecretSchema s = [] {
        SecretSchema v {};
        v.name = "uk.org.chorus.DeviceKey";
        v.flags = SECRET_SCHEMA_NONE;
        v.attributes[0].name = "entry";
        v.attributes[0].type = SECRET_SCHEMA_ATTRIBUTE_STRING;
        return v;
    }();
    return s;
}

struct GObjectUnref {
    void operator()(gpointer object) const { g_object_unref(object); }
};
struct GFree {
    void operator()(gpointer p) const { g_free(p); }
};
struct StrvFree {
    void operator()(gchar **v) const { g_strfreev(v); }
};
struct VariantUnref {
    void operator()(GVariant *v) const { g_variant_unref(v); }
};
struct HashTableUnref {
    void operator()(GHashTable *t) const { g_hash_table_unref(t); }
};
struct SecretValueUnref {
    void operator()(SecretValue *v) const { secret_value_unref(v); }
};
template <typename T> using GObjectPtr = std::unique_ptr<T, GObjectUnref>;
using GString = std::unique_ptr<gchar, GFree>;
using Strv = std::unique_ptr<gchar *, StrvFree>;
using Variant = std::unique_ptr<GVariant, VariantUnref>;
using Attributes = std::unique_ptr<GHashTable, HashTableUnref>;
using Value = std::unique_ptr<SecretValue, SecretValueUnref>;

// A GError out-parameter that frees itself.
class ErrorSlot
{
public:
    ErrorSlot() = default;
    ~ErrorSlot()
    {
        if (m_error) {
            g_error_free(m_error);
        }
    }
    ErrorSlot(const ErrorSlot &) = delete;
    ErrorSlot &operator=(const ErrorSlot &) = delete;
    GError **out() { return &m_error; }
    const GError *get() const { return m_error; }
    explicit operator bool() const { return m_error != nullptr; }

private:
    GError *m_error = nullptr;
};

// Cancels every call of one operation when the timeout runs out, from a watcher thread
// (g_cancellable_cancel is thread-safe; the sync calls return G_IO_ERROR_CANCELLED).
class Deadline
{
public:
    explicit Deadline(milliseconds timeout)
        : m_cancellable(g_cancellable_new()), m_end(std::chrono::steady_clock::now() + timeout)
    {
        m_watcher = std::thread([this] {
            std::unique_lock lock(m_mutex);
            if (!m_done.wait_until(lock, m_end, [this] { return m_finished; })) {
                g_cancellable_cancel(m_cancellable.get());
            }
        });
    }
    ~Deadline()
    {
        {
            std::lock_guard lock(m_mutex);
            m_finished = true;
        }
        m_done.notify_all();
        m_watcher.join();
    }
    Deadline(const Deadline &) = delete;
    Deadline &operator=(const Deadline &) = delete;

    GCancellable *cancellable() const { return m_cancellable.get(); }
    bool expired() const { return g_cancellable_is_cancelled(m_cancellable.get()); }
    gint remainingMs() const
    {
        const auto left = std::chrono::ceil<milliseconds>(m_end - std::chrono::steady_clock::now());
        return static_cast<gint>(std::max<milliseconds::rep>(1, left.count()));
    }

private:
    GObjectPtr<GCancellable> m_cancellable;
    std::chrono::steady_clock::time_point m_end;
    std::mutex m_mutex;
    std::condition_variable m_done;
    bool m_finished = false;
    std::thread m_watcher;
};

Error keyringError(const GError *error, const Deadline &deadline, const QString &doing)
{
    if (deadline.expired()) {
        return { ErrorKind::Io,
            QStringLiteral("the keyring did not answer in time while %1; Chorus will ask for the passphrase")
                .arg(doing) };
    }
    if (g_error_matches(error, G_DBUS_ERROR, G_DBUS_ERROR_SERVICE_UNKNOWN)
        || g_error_matches(error, G_DBUS_ERROR, G_DBUS_ERROR_NAME_HAS_NO_OWNER)
        || g_error_matches(error, G_DBUS_ERROR, G_DBUS_ERROR_SPAWN_CHILD_EXITED)) {
        return { ErrorKind::Unsupported,
            QStringLiteral("no keyring service (Secret Service, such as GNOME Keyring) runs in this session") };
    }
    return { ErrorKind::Internal,
        QStringLiteral("the keyring failed while %1: %2").arg(doing, QString::fromUtf8(error->message)) };
}

// One operation's connection to the service, opened with an encrypted transport when offered.
struct Session {
    GObjectPtr<GDBusConnection> bus;
    GObjectPtr<SecretService> service;
};

Result<Session> openSession(const Deadline &deadline)
{
    Session session;
    ErrorSlot error;
    session.bus.reset(g_bus_get_sync(G_BUS_TYPE_SESSION, deadline.cancellable(), error.out()));
    if (!session.bus) {
        if (deadline.expired()) {
            return keyringError(error.get(), deadline, QStringLiteral("connecting to the session bus"));
        }
        return makeError(ErrorKind::Unsupported,
            QStringLiteral("there is no D-Bus session bus to reach a keyring (%1)")
                .arg(QString::fromUtf8(error.get()->message)));
    }
    session.service.reset(secret_service_open_sync(
        SECRET_TYPE_SERVICE, nullptr, SECRET_SERVICE_OPEN_SESSION, deadline.cancellable(), error.out()));
    if (!session.service) {
        return keyringError(error.get(), deadline, QStringLiteral("opening the keyring"));
    }
    return session;
}

// Reads the default collection's Locked property from the service itself (never a cached
// proxy property, which could be stale on a thread without a GLib main loop).
Status ensureDefaultCollectionOpen(Session &session, const Deadline &deadline)
{
    ErrorSlot error;
    GString path(secret_service_read_alias_dbus_path_sync(
        session.service.get(), "default", deadline.cancellable(), error.out()));
    if (error) {
        return keyringError(error.get(), deadline, QStringLiteral("finding the default keyring"));
    }
    if (!path) {
        return makeError(ErrorKind::Unsupported,
            QStringLiteral("the keyring service has no default keyring; create one in the keyring manager"));
    }
    Variant reply(g_dbus_connection_call_sync(session.bus.get(),
        g_dbus_proxy_get_name(G_DBUS_PROXY(session.service.get())), path.get(), "org.freedesktop.DBus.Properties",
        "Get", g_variant_new("(ss)", "org.freedesktop.Secret.Collection", "Locked"), G_VARIANT_TYPE("(v)"),
        G_DBUS_CALL_FLAGS_NO_AUTO_START, deadline.remainingMs(), deadline.cancellable(), error.out()));
    if (!reply) {
        return keyringError(error.get(), deadline, QStringLiteral("asking whether the keyring is locked"));
    }
    GVariant *boxed = nullptr;
    g_variant_get(reply.get(), "(v)", &boxed);
    const Variant locked(boxed);
    if (!g_variant_is_of_type(locked.get(), G_VARIANT_TYPE_BOOLEAN)) {
        return makeError(ErrorKind::Internal, QStringLiteral("the keyring gave a malformed Locked property"));
    }
    if (g_variant_get_boolean(locked.get())) {
        return makeError(ErrorKind::Permission,
            QStringLiteral("the keyring is locked; it opens when someone signs in to this computer account"));
    }
    return {};
}

Attributes attributesFor(const QString &entryId)
{
    const QByteArray id = entryId.toUtf8();
    return Attributes(secret_attributes_build(&schema(), "entry", id.constData(), nullptr));
}

// The entry's item paths, split by whether their collection is unlocked.
struct Found {
    Strv unlocked;
    Strv locked;
};

Result<Found> find(Session &session, const QString &entryId, const Deadline &deadline)
{
    const Attributes attributes = attributesFor(entryId);
    gchar **unlocked = nullptr;
    gchar **locked = nullptr;
    ErrorSlot error;
    const bool ok = secret_service_search_for_dbus_paths_sync(session.service.get(), &schema(), attributes.get(),
        deadline.cancellable(), &unlocked, &locked, error.out());
    Found found { Strv(unlocked), Strv(locked) };
    if (!ok) {
        return keyringError(error.get(), deadline, QStringLiteral("looking for the device key"));
    }
    return found;
}

bool hasAny(const Strv &paths)
{
    return paths && paths.get()[0] != nullptr;
}

Error lockedEntry()
{
    return { ErrorKind::Permission,
        QStringLiteral("the keyring holding the device key is locked; it opens when someone signs in to this "
                       "computer account") };
}

} // namespace

SecretServiceKeyStore::SecretServiceKeyStore(std::chrono::milliseconds timeout) : m_timeout(timeout) { }

QString SecretServiceKeyStore::name() const
{
    return QStringLiteral("Secret Service keyring");
}

Status SecretServiceKeyStore::availability()
{
    const Deadline deadline(m_timeout);
    auto session = openSession(deadline);
    if (!session) {
        return session.error();
    }
    return ensureDefaultCollectionOpen(*session, deadline);
}

Status SecretServiceKeyStore::store(const QString &entryId, const QString &label, const crypto::SecretBytes &secret)
{
    const Deadline deadline(m_timeout);
    auto session = openSession(deadline);
    if (!session) {
        return session.error();
    }
    if (Status open = ensureDefaultCollectionOpen(*session, deadline); !open) {
        return open;
    }
    // secret_value_new copies into libsecret's secure memory, wiped when the value is freed.
    const Value value(secret_value_new(
        reinterpret_cast<const gchar *>(secret.data()), static_cast<gssize>(secret.size()), "application/octet-stream"));
    const Attributes attributes = attributesFor(entryId);
    ErrorSlot error;
    if (!secret_service_store_sync(session->service.get(), &schema(), attributes.get(), SECRET_COLLECTION_DEFAULT,
            label.toUtf8().constData(), value.get(), deadline.cancellable(), error.out())) {
        return keyringError(error.get(), deadline, QStringLiteral("storing the device key"));
    }
    return {};
}

Result<std::optional<crypto::SecretBytes>> SecretServiceKeyStore::load(const QString &entryId)
{
    const Deadline deadline(m_timeout);
    auto session = openSession(deadline);
    if (!session) {
        return session.error();
    }
    auto found = find(*session, entryId, deadline);
    if (!found) {
        return found.error();
    }
    if (!hasAny(found->unlocked)) {
        if (hasAny(found->locked)) {
            return lockedEntry();
        }
        return std::optional<crypto::SecretBytes>();
    }
    ErrorSlot error;
    const Value value(secret_service_get_secret_for_dbus_path_sync(
        session->service.get(), found->unlocked.get()[0], deadline.cancellable(), error.out()));
    if (!value) {
        if (error) {
            return keyringError(error.get(), deadline, QStringLiteral("reading the device key"));
        }
        return std::optional<crypto::SecretBytes>();
    }
    gsize length = 0;
    const gchar *bytes = secret_value_get(value.get(), &length);
    crypto::SecretBytes secret = crypto::SecretBytes::copyOf(reinterpret_cast<const unsigned char *>(bytes), length);
    if (!secret.isValid()) {
        return makeError(ErrorKind::Internal, QStringLiteral("cannot allocate secure memory for the device key"));
    }
    return std::optional<crypto::SecretBytes>(std::move(secret));
}

Status SecretServiceKeyStore::remove(const QString &entryId)
{
    const Deadline deadline(m_timeout);
    auto session = openSession(deadline);
    if (!session) {
        return session.error();
    }
    auto found = find(*session, entryId, deadline);
    if (!found) {
        return found.error();
    }
    if (hasAny(found->locked)) {
        return lockedEntry();
    }
    for (gchar **path = found->unlocked.get(); path && *path; ++path) {
        ErrorSlot error;
        if (!secret_service_delete_item_dbus_path_sync(
                session->service.get(), *path, deadline.cancellable(), error.out())) {
            return keyringError(error.get(), deadline, QStringLiteral("removing the device key"));
        }
    }
    return {};
}

} // namespace chorus::platform
