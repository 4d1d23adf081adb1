#include "engine/telemetry/SqliteConnection.h"

#include <sqlite3.h>

namespace swarmergy::telemetry {

namespace {

std::string describe(const std::string& path, std::string_view step, std::string_view detail) {
    std::string message = "telemetry store '" + path + "': " + std::string(step) + " failed";
    if (!detail.empty())
        message += ": " + std::string(detail);
    return message;
}

}  // namespace

SqliteError::SqliteError(const std::string& path, std::string_view step, std::string_view detail)
    : std::runtime_error(describe(path, step, detail)) {}

Connection::Connection(std::string path) : path_(std::move(path)) {
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX;
    const int code = sqlite3_open_v2(path_.c_str(), &db_, flags, nullptr);
    if (code != SQLITE_OK) {
        const std::string detail = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(code);
        sqlite3_close(db_);
        db_ = nullptr;
        throw SqliteError(path_, "open", detail);
    }
    sqlite3_extended_result_codes(db_, 1);
}

Connection::~Connection() {
    // Statements are owned by the store and destroyed first; close_v2 would defer anyway.
    sqlite3_close_v2(db_);
}

void Connection::fail(std::string_view step, int code) const {
    std::string detail = sqlite3_errmsg(db_);
    detail += " (" + std::string(sqlite3_errstr(code)) + ", code " + std::to_string(code) + ")";
    throw SqliteError(path_, step, detail);
}

void Connection::exec(std::string_view sql, std::string_view step) {
    const std::string text(sql);
    const int code = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr);
    if (code != SQLITE_OK)
        fail(step, code);
}

std::int64_t Connection::queryInt(std::string_view sql, std::string_view step) {
    Statement statement(*this, sql, std::string(step));
    if (!statement.step())
        throw SqliteError(path_, step, "no row returned");
    const std::int64_t value = statement.columnInt(0);
    statement.reset();
    return value;
}

std::string Connection::queryText(std::string_view sql, std::string_view step) {
    Statement statement(*this, sql, std::string(step));
    if (!statement.step())
        throw SqliteError(path_, step, "no row returned");
    std::string value = statement.columnText(0);
    statement.reset();
    return value;
}

std::int64_t Connection::changes() const { return sqlite3_changes64(db_); }

std::int64_t Connection::lastInsertRowid() const { return sqlite3_last_insert_rowid(db_); }

Statement::Statement(Connection& connection, std::string_view sql, std::string step)
    : connection_(connection), step_(std::move(step)) {
    const int code = sqlite3_prepare_v3(connection_.handle(), sql.data(), static_cast<int>(sql.size()),
                                        SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
    if (code != SQLITE_OK)
        connection_.fail("prepare " + step_, code);
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

void Statement::check(int code) {
    if (code != SQLITE_OK)
        connection_.fail(step_, code);
}

void Statement::bind(int index, std::int64_t value) { check(sqlite3_bind_int64(stmt_, index, value)); }

void Statement::bind(int index, double value) { check(sqlite3_bind_double(stmt_, index, value)); }

void Statement::bind(int index, std::string_view value) {
    check(sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT));
}

bool Statement::step() {
    const int code = sqlite3_step(stmt_);
    if (code == SQLITE_ROW)
        return true;
    sqlite3_reset(stmt_);
    if (code != SQLITE_DONE)
        connection_.fail(step_, code);
    return false;
}

void Statement::run() {
    if (step()) {
        reset();
        throw SqliteError(connection_.path(), step_, "statement unexpectedly returned a row");
    }
}

void Statement::reset() { sqlite3_reset(stmt_); }

std::int64_t Statement::columnInt(int column) const { return sqlite3_column_int64(stmt_, column); }

double Statement::columnDouble(int column) const { return sqlite3_column_double(stmt_, column); }

std::string Statement::columnText(int column) const {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return text ? std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))) : std::string();
}

bool Statement::columnIsNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

Transaction::Transaction(Connection& connection) : connection_(connection) {
    connection_.exec("BEGIN IMMEDIATE", "begin transaction");
}

Transaction::~Transaction() {
    if (open_)
        sqlite3_exec(connection_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);   // best effort
}

void Transaction::commit() {
    connection_.exec("COMMIT", "commit");
    open_ = false;
}

}  // namespace swarmergy::telemetry
