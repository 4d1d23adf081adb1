// ISA-18.2 alarm model: state transitions, acknowledge, shelve with expiry, suppression by an
// upstream cause, the SQLite journal and the alarm rate.
#include "tests/support/Check.h"

#include <string>

#include "engine/anomaly/AlarmJournal.h"
#include "engine/anomaly/AlarmModel.h"

using namespace swarmergy::anomaly;

namespace {

AlarmCondition hubSilent(int home)
{
    return {"hub-silent", "ruche-1/alveole-" + std::to_string(home), "ruche-1", AlarmPriority::Medium, "no reading"};
}
const AlarmCondition kOutage{"ruche-outage", "ruche-1", "", AlarmPriority::High, "ruche silent"};

void testTransitions()
{
    AlarmJournal journal(":memory:");
    AlarmManager alarms(&journal);
    const int id = alarms.raise(hubSilent(1), 100);
    CHECK(alarms.find(id)->state == AlarmState::Unacknowledged);
    CHECK(alarms.raise(hubSilent(1), 110) == id);            // still active: same alarm, no new annunciation
    CHECK(alarms.annunciationsBetween(0, 1000) == 1);
    alarms.acknowledge(id, "ana", 120);
    CHECK(alarms.find(id)->state == AlarmState::Acknowledged);
    CHECK(alarms.find(id)->acknowledgedBy == "ana");
    alarms.clear("hub-silent", "ruche-1/alveole-1", 130);
    CHECK(alarms.find(id)->state == AlarmState::Normal);     // acknowledged + cleared -> normal
    // Unacknowledged then cleared: returned-unacknowledged until acknowledged.
    alarms.raise(hubSilent(1), 200);
    CHECK(alarms.find(id)->state == AlarmState::Unacknowledged);
    alarms.clear("hub-silent", "ruche-1/alveole-1", 210);
    CHECK(alarms.find(id)->state == AlarmState::ReturnedUnacknowledged);
    alarms.raise(hubSilent(1), 220);                         // comes back before anyone looked
    CHECK(alarms.find(id)->state == AlarmState::Unacknowledged);
    alarms.clear("hub-silent", "ruche-1/alveole-1", 230);
    alarms.acknowledge(id, "ana", 240);
    CHECK(alarms.find(id)->state == AlarmState::Normal);
    bool refused = false;
    try {
        alarms.acknowledge(id, "ana", 250);   // nothing to acknowledge
    } catch (const AlarmActionError&) {
        refused = true;
    }
    CHECK(refused);
    CHECK(alarms.annunciationsBetween(0, 1000) == 3);
    const auto events = journal.events(id);
    CHECK(events.size() == 8);
    CHECK(!events.empty() && events.front().event == "raised" && events.front().state == "unacknowledged");
    CHECK(!events.empty() && events.back().event == "acknowledged" && events.back().operatorName == "ana");
    CHECK(journal.count() == long(events.size()));
}

void testShelve()
{
    AlarmManager alarms;
    const int id = alarms.raise(hubSilent(2), 0);
    bool refused = false;
    try {
        alarms.shelve(id, "bo", 0, 10);   // expiry in the past
    } catch (const AlarmActionError&) {
        refused = true;
    }
    CHECK(refused);
    alarms.shelve(id, "bo", 3600, 10);
    CHECK(alarms.find(id)->state == AlarmState::Shelved);
    CHECK(alarms.standingAlarms().size() == 1);              // shelved alarms stay listed
    alarms.advanceTo(3599);
    CHECK(alarms.find(id)->state == AlarmState::Shelved);
    alarms.advanceTo(3600);                                  // expiry: still active -> annunciated again
    CHECK(alarms.find(id)->state == AlarmState::Unacknowledged);
    CHECK(alarms.find(id)->annunciations == 2);
    // Shelved, then the condition clears: expiry returns it to normal without annunciation.
    alarms.shelve(id, "bo", 7200, 3700);
    alarms.clear("hub-silent", "ruche-1/alveole-2", 4000);
    CHECK(alarms.find(id)->state == AlarmState::Shelved);
    alarms.advanceTo(7200);
    CHECK(alarms.find(id)->state == AlarmState::Normal);
    CHECK(alarms.find(id)->annunciations == 2);
    // Manual unshelve.
    alarms.raise(hubSilent(2), 8000);
    alarms.shelve(id, "bo", 20000, 8100);
    alarms.unshelve(id, "bo", 8200);
    CHECK(alarms.find(id)->state == AlarmState::Unacknowledged);
}

void testSuppression()
{
    AlarmJournal journal(":memory:");
    AlarmManager alarms(&journal);
    alarms.addSuppressionRule("ruche-outage", {"hub-silent"});
    const int early = alarms.raise(hubSilent(1), 0);            // before the cause: shown
    const int outage = alarms.raise(kOutage, 10);
    CHECK(alarms.find(early)->state == AlarmState::Suppressed);   // already active: now suppressed
    for (int home = 2; home <= 100; ++home) alarms.raise(hubSilent(home), 20);
    CHECK(alarms.annunciationsBetween(0, 100) == 2);              // the first home and the outage only
    CHECK(alarms.suppressedCount() == 100);
    CHECK(alarms.standingAlarms().size() == 1);                   // the ruche outage
    CHECK(alarms.find(outage)->state == AlarmState::Unacknowledged);
    // Another ruche is not suppressed.
    alarms.raise({"hub-silent", "ruche-2/alveole-1", "ruche-2", AlarmPriority::Medium, ""}, 30);
    CHECK(alarms.annunciationsBetween(0, 100) == 3);
    // Homes 2..100 come back with the ruche: clear them first, then the cause.
    for (int home = 2; home <= 100; ++home) alarms.clear("hub-silent", "ruche-1/alveole-" + std::to_string(home), 200);
    alarms.clear("ruche-outage", "ruche-1", 200);
    CHECK(alarms.find(early)->state == AlarmState::Unacknowledged);   // still silent after the cause: shown again
    CHECK(alarms.annunciationsBetween(100, 1000) == 1);               // and only that one
    CHECK(alarms.alarmsPerOperatorPerDay(0, 86400, 2) == 2.0);        // 4 annunciations, 2 operators, 1 day
}

}  // namespace

int main()
{
    testTransitions();
    testShelve();
    testSuppression();
    return testResult("tst_alarm_model");
}
