#pragma once
// BDEW H0 standard load profile (households, Germany): 96 quarter-hour values for each of
// 3 seasons x 3 day types, in W for a customer using 1,000 kWh a year, plus the BDEW
// dynamisation factor F(t) for household customers. See H0Profile.cpp for the source.

#include <cstdint>

#include "engine/simulation/Calendar.h"

namespace swarmergy::simulation {

enum class H0Season { Winter = 0, Summer = 1, Transition = 2 };
enum class H0DayType { Workday = 0, Saturday = 1, Sunday = 2 };

// BDEW periods: winter 1 Nov - 20 Mar, summer 15 May - 14 Sep, transition otherwise.
H0Season h0SeasonOf(CivilDate date);

// Sunday or public holiday -> Sunday (fixed-date holidays only: 1 Jan, 25/26 Dec);
// Saturday, and 24/31 Dec when not a Sunday -> Saturday (BDEW rule); else Workday.
H0DayType h0DayTypeOf(CivilDate date);

// Table value in W (per 1,000 kWh/yr) for quarter 0..95 of the day (quarter q covers
// [q*15 min, (q+1)*15 min) local time).
double h0TableWatts(H0Season season, H0DayType dayType, int quarter);

// BDEW dynamisation factor for day of year t (1..366):
// F(t) = -3.92e-10 t^4 + 3.2e-7 t^3 - 7.02e-5 t^2 + 2.1e-3 t + 1.24.
double h0DynamisationFactor(int dayOfYearT);

// Dynamised H0 power in W per 1,000 kWh/yr at a local civil date and quarter of the day.
double h0DynamicWatts(CivilDate localDate, int quarter);

}  // namespace swarmergy::simulation
