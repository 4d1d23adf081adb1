#pragma once
// Strict JSON reading and exact JSON writing shared by the scenario and schedule formats.
//
// Why not boost::json::parse and boost::json::serialize as they are (Boost 1.81):
// - parse keeps the last of duplicate keys silently, reads 1e999 as Infinity, and rounds some
//   decimals to a neighbouring double (its fast number parser is not correctly rounded, e.g.
//   2.2250738585072011e-308);
// - serialize writes Infinity (not JSON) and 0.3 as "3E-1".
// parseStrict drives Boost's basic_parser with its own handler: it rejects duplicate keys and
// non-finite numbers with the JSON path where they occur, and re-reads every number's text with
// std::from_chars, which is correctly rounded. writePretty prints doubles with std::to_chars
// (shortest text that reads back to the same bits), so write -> read -> write is byte-identical.

#include <boost/json/value.hpp>

#include <string>
#include <string_view>

namespace swarmergy::scenario::json {

// Throws ScenarioError with rule "json-syntax" (line and column in the message),
// "duplicate-key" or "non-finite".
boost::json::value parseStrict(std::string_view text);

// Two-space indented JSON; arrays holding only numbers stay on one line. Object keys keep
// their insertion order. Throws ScenarioError("non-finite") on NaN or infinity.
std::string writePretty(const boost::json::value& document);

// The shortest decimal text that reads back to exactly `value` (finite values only).
std::string formatDouble(double value);

}  // namespace swarmergy::scenario::json
