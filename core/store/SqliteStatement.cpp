// SPDX-License-Identifier: GPL-3.0-or-later
// Statement and Transaction: the two RAII types every repository query goes through.
#include "Sqlite.h"

#include <sqlite3.h>

namespace chorus::store {

namespace {
constexpr int kBusyRetries = 5;
} // namespace

// ---- Statement ---------------------------------------------------------------------------

void Statement::Finalizer::operator()(sqlite3_stmt *stmt) const
{
    if (inUse) {
        sqlite3_reset(stmt);
        sqlite3_clear_bindings(stmt);
        *inUse = false;
        return;
    }
    sqlite3_finalize(stmt);
}

Statement::Statement(sqlite3_stmt *stmt, Database *db, bool *cachedInUse)
    : m_stmt(stmt, Finalizer{cachedInUse}), m_db(db)
{
}

namespace {
// A bind only fails on a programming error (bad index) or an oversized value: remember it and
// report it from step(), so call sites can chain binds.
void noteBind(std::optional<Error> &slot, int rc, Database *db, int index)
{
    if (rc != SQLITE_OK && !slot) {
        slot = db->lastError(QStringLiteral("binding parameter %1").arg(index));
    }
}
} // namespace

Statement &Statement::bind(int index, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    noteBind(m_bindError, sqlite3_bind_text64(m_stmt.get(), index, utf8.constData(), sqlite3_uint64(utf8.size()),
                                              SQLITE_TRANSIENT, SQLITE_UTF8),
             m_db, index);
    return *this;
}

Statement &Statement::bind(int index, const QByteArray &blob)
{
    // An empty QByteArray may have a null data pointer, which SQLite would store as NULL.
    static const char empty = 0;
    const char *data = blob.isEmpty() ? &empty : blob.constData();
    noteBind(m_bindError,
             sqlite3_bind_blob64(m_stmt.get(), index, data, sqlite3_uint64(blob.size()), SQLITE_TRANSIENT), m_db,
             index);
    return *this;
}

Statement &Statement::bind(int index, qint64 value)
{
    noteBind(m_bindError, sqlite3_bind_int64(m_stmt.get(), index, value), m_db, index);
    return *this;
}

Statement &Statement::bindNull(int index)
{
    noteBind(m_bindError, sqlite3_bind_null(m_stmt.get(), index), m_db, index);
    return *this;
}

Result<bool> Statement::step()
{
    if (m_bindError) {
        return *m_bindError;
    }
    for (int attempt = 0;; ++attempt) {
        const int rc = sqlite3_step(m_stmt.get());
        if (rc == SQLITE_ROW) {
            m_returnedRows = true;
            return true;
        }
        if (rc == SQLITE_DONE) {
            m_returnedRows = false; // the next step() starts the statement afresh
            return false;
        }
        // The busy handler already waited for the timeout; a few more tries cover the cases in
        // which SQLite returns BUSY without calling it (e.g. another connection recovering the WAL).
        if ((rc & 0xff) == SQLITE_BUSY && attempt < kBusyRetries && !m_returnedRows) {
            sqlite3_reset(m_stmt.get());
            sqlite3_sleep(20 * (attempt + 1));
            continue;
        }
        Error error = m_db->lastError(QStringLiteral("%1").arg(m_db->path()));
        sqlite3_reset(m_stmt.get());
        return error;
    }
}

Status Statement::run()
{
    auto row = step();
    if (!row) {
        return row.error();
    }
    return {};
}

void Statement::reset()
{
    sqlite3_reset(m_stmt.get());
    sqlite3_clear_bindings(m_stmt.get());
    m_bindError.reset();
    m_returnedRows = false;
}

QString Statement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt.get(), column));
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt.get(), column));
}

QByteArray Statement::blob(int column) const
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt.get(), column));
    return QByteArray(data, sqlite3_column_bytes(m_stmt.get(), column));
}

qint64 Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt.get(), column);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt.get(), column) == SQLITE_NULL;
}

int Statement::changes() const
{
    return sqlite3_changes(m_db->handle());
}

// ---- Transaction -------------------------------------------------------------------------

Result<Transaction> Transaction::begin(Database &db)
{
    // IMMEDIATE takes the write lock now, so a busy database is met (and waited for) here,
    // never half-way through a response.
    auto stmt = db.cached("BEGIN IMMEDIATE");
    if (!stmt) {
        return stmt.error();
    }
    if (auto status = stmt->run(); !status) {
        return status.error();
    }
    return Transaction(&db);
}

Transaction::Transaction(Transaction &&other) noexcept : m_db(std::exchange(other.m_db, nullptr)) {}

Transaction::~Transaction()
{
    if (m_db && !sqlite3_get_autocommit(m_db->handle())) {
        sqlite3_exec(m_db->handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    }
}

Status Transaction::commit()
{
    if (!m_db) {
        return makeError(ErrorKind::Internal, QStringLiteral("commit on a finished transaction"));
    }
    auto stmt = m_db->cached("COMMIT");
    if (!stmt) {
        return stmt.error();
    }
    if (auto status = stmt->run(); !status) {
        // The destructor rolls back whatever is left.
        return status.error();
    }
    m_db = nullptr;
    return {};
}

} // namespace chorus::store
