#pragma once
// What the alarm console shows, as plain immutable data built by the app from SwarmBrain's
// alarm manager (ISA-18.2), and what the operator may do to an alarm. The view never sees the
// engine's types: priorities and states are mirrored here.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace swarmergy::app {

enum class AlarmPriority { Low, Medium, High, Urgent };
enum class AlarmState { Normal, Unacknowledged, Acknowledged, ReturnedUnacknowledged, Shelved, Suppressed };

struct AlarmRow {
    int id = 0;
    AlarmPriority priority = AlarmPriority::Medium;
    AlarmState state = AlarmState::Unacknowledged;
    std::string type;          // "hub-silent", "pv-underperformance", ...
    std::string subject;       // "ruche-1/a-0017"
    std::string message;       // with figures, from the detector
    std::int64_t firstRaisedUtc = 0;
    std::int64_t lastChangeUtc = 0;
    std::int64_t shelvedUntilUtc = 0;
    std::string acknowledgedBy;
};

struct AlarmEventRow {
    std::int64_t timeUtc = 0;
    int alarmId = 0;
    std::string event;         // "raised", "acknowledged", "shelved", "returned", "suppressed", ...
    std::string operatorName;
    std::string subject;
};

struct AlarmSnapshot {
    std::int64_t nowUtc = 0;
    std::vector<AlarmRow> standing;          // not Normal (the alarm list)
    std::vector<AlarmEventRow> journal;      // newest first, the last few hundred
    double alarmsPerOperatorPerDay = 0;      // over the last simulated day
    int operators = 1;
    int suppressedTotal = 0;                 // alarms kept from the operator by suppression
};

using AlarmSnapshotPtr = std::shared_ptr<const AlarmSnapshot>;

// Operator actions. Each returns an empty string on success, else why it was refused.
class AlarmControl {
public:
    virtual ~AlarmControl() = default;
    virtual std::string acknowledge(int alarmId) = 0;
    virtual std::string shelve(int alarmId, std::int64_t untilUtc) = 0;
    virtual std::string unshelve(int alarmId) = 0;
};

}  // namespace swarmergy::app
