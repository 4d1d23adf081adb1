// BDEW H0 profile: annual energy, season and day-type rules, dynamisation.
#include <stdexcept>

#include "engine/simulation/Calendar.h"
#include "engine/simulation/H0Profile.h"
#include "tests/support/Check.h"

using namespace swarmergy::simulation;

static double annualEnergyKwh(int year) {
    const std::int64_t first = daysFromCivil({year, 1, 1});
    const std::int64_t last = daysFromCivil({year + 1, 1, 1});
    double energyWh = 0;
    for (std::int64_t day = first; day < last; ++day) {
        for (int q = 0; q < 96; ++q) energyWh += h0DynamicWatts(civilFromDays(day), q) * 0.25;
    }
    return energyWh / 1000.0;
}

static void testAnnualEnergy() {
    // The profile is normalised to 1,000 kWh a year; with the dynamisation factor the year's
    // sum stays at 1,000 kWh within 1 % (BDEW's design intent for F(t)).
    for (int year : {2025, 2026, 2028}) CHECK_NEAR(annualEnergyKwh(year), 1000.0, 10.0);
}

static void testSeasons() {
    CHECK(h0SeasonOf({2026, 3, 20}) == H0Season::Winter);
    CHECK(h0SeasonOf({2026, 3, 21}) == H0Season::Transition);
    CHECK(h0SeasonOf({2026, 5, 14}) == H0Season::Transition);
    CHECK(h0SeasonOf({2026, 5, 15}) == H0Season::Summer);
    CHECK(h0SeasonOf({2026, 9, 14}) == H0Season::Summer);
    CHECK(h0SeasonOf({2026, 9, 15}) == H0Season::Transition);
    CHECK(h0SeasonOf({2026, 10, 31}) == H0Season::Transition);
    CHECK(h0SeasonOf({2026, 11, 1}) == H0Season::Winter);
    CHECK(h0SeasonOf({2026, 1, 15}) == H0Season::Winter);
}

static void testDayTypes() {
    CHECK(h0DayTypeOf({2026, 6, 19}) == H0DayType::Workday);    // a Friday
    CHECK(h0DayTypeOf({2026, 6, 20}) == H0DayType::Saturday);
    CHECK(h0DayTypeOf({2026, 6, 21}) == H0DayType::Sunday);
    CHECK(h0DayTypeOf({2026, 12, 24}) == H0DayType::Saturday);  // Thursday, BDEW rule
    CHECK(h0DayTypeOf({2026, 12, 25}) == H0DayType::Sunday);    // holiday
    CHECK(h0DayTypeOf({2026, 1, 1}) == H0DayType::Sunday);
}

static void testTableShape() {
    // Evening peak above the night trough in every season and day type, and F(t) at its ends.
    for (H0Season s : {H0Season::Winter, H0Season::Summer, H0Season::Transition}) {
        for (H0DayType d : {H0DayType::Workday, H0DayType::Saturday, H0DayType::Sunday}) {
            CHECK(h0TableWatts(s, d, 19 * 4) > 2.5 * h0TableWatts(s, d, 3 * 4));
        }
    }
    CHECK_NEAR(h0DynamisationFactor(1), 1.24 + 2.1e-3 - 7.02e-5 + 3.2e-7 - 3.92e-10, 1e-12);
    CHECK(h0DynamisationFactor(180) < 0.85);   // summer trough
    CHECK(h0DynamisationFactor(355) > 1.15);   // winter high
}

static void testCalendar() {
    CHECK(parseIsoUtc("1970-01-01T00:00:00Z") == 0);
    CHECK(parseIsoUtc("2026-06-21T00:00:00Z") == 20625LL * 86400);   // 20,625 days after 1970
    CHECK(formatIsoUtc(parseIsoUtc("2028-02-29T13:45:00Z")) == "2028-02-29T13:45:00Z");
    bool threw = false;
    try { parseIsoUtc("2026-02-30T00:00:00Z"); } catch (const std::invalid_argument&) { threw = true; }
    CHECK(threw);
    threw = false;
    try { parseIsoUtc("2026-06-21 00:00"); } catch (const std::invalid_argument&) { threw = true; }
    CHECK(threw);
    CHECK(weekdayFromDays(daysFromCivil({2026, 6, 21})) == 6);   // a Sunday
}

int main() {
    testAnnualEnergy();
    testSeasons();
    testDayTypes();
    testTableShape();
    testCalendar();
    return testResult("tst_h0profile");
}
