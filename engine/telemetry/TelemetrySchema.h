#pragma once
// Schema of the telemetry file and its migrations, keyed by PRAGMA user_version.

namespace swarmergy::telemetry {

class Connection;

// Brings the file to kSchemaVersion, one migration per version, each in its own
// transaction together with the new user_version (a kill mid-migration leaves the file at
// the previous version, and the next open redoes the step). Throws when the file was
// written by a newer build.
void migrateSchema(Connection& connection);

}  // namespace swarmergy::telemetry
