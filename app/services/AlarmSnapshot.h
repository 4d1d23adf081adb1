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
    bool planted = false;      // a fault the live demo planted on this subject explains it
};

struct AlarmEventRow {
    std::int64_t timeUtc = 0;
    int alarmId = 0;
    std::string event;         // "raised", "acknowledged", "shelved", "returned", "suppressed", ...
    std::string operatorName;
    std::string subject;
    std::string type;          // the alarm's type ("hub-silent", ...)
};

// Live demo (LearningService with planted faults): the ground truth of the faults planted in
// what SwarmBrain reads, and how the detectors did on them so far.
struct PlantedFaultRow {
    std::string type;          // fault type, as the alarm's type ("stuck-meter", "ruche-outage", ...)
    std::string subject;       // as the alarm's subject
    std::int64_t startUtc = 0;
    std::int64_t endUtc = 0;   // exclusive
    std::int64_t detectedUtc = 0;   // first alarm of its type on its subject; 0 = not (yet)
};

struct DetectionFigures {
    std::string type;
    int planted = 0;           // started so far
    int ended = 0;
    int detected = 0;
    double meanHoursToDetect = 0;
    double maxHoursToDetect = 0;
};

struct LiveDetection {
    bool planting = false;              // faults are being planted
    std::string note;                   // why not, or what went wrong
    std::vector<PlantedFaultRow> faults;        // started so far, newest last (the last 100)
    std::vector<DetectionFigures> perType;      // one per fault type planted
    int unexplainedAlarms = 0;          // annunciated alarms no planted fault explains
    int suppressedAlarms = 0;           // alarms kept back by suppression (an outage's hubs)
    std::int64_t checkedUntilUtc = 0;   // the detectors' last pass judged the readings up to here
};

struct AlarmSnapshot {
    std::int64_t nowUtc = 0;
    std::vector<AlarmRow> standing;          // not Normal (the alarm list)
    std::vector<AlarmEventRow> journal;      // newest first, the last few hundred
    double alarmsPerOperatorPerDay = 0;      // over the last simulated day
    int operators = 1;
    int suppressedTotal = 0;                 // alarms kept from the operator by suppression
    LiveDetection liveDetection;             // planted faults and detection figures (live demo)
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
