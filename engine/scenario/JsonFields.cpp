#include "engine/scenario/JsonFields.h"

#include "engine/scenario/ScenarioError.h"
#include "engine/scenario/StrictJson.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace swarmergy::scenario::json {

namespace bj = boost::json;

std::string kindName(const bj::value& value)
{
    switch (value.kind()) {
    case bj::kind::null: return "null";
    case bj::kind::bool_: return "a boolean";
    case bj::kind::int64:
    case bj::kind::uint64:
    case bj::kind::double_: return "a number";
    case bj::kind::string: return "a string";
    case bj::kind::array: return "an array";
    case bj::kind::object: return "an object";
    }
    return "a value";
}

namespace {

[[noreturn]] void throwWrongType(const std::string& path, const std::string& expected, const bj::value& got)
{
    throw ScenarioError(path, "wrong-type", "expected " + expected + ", got " + kindName(got));
}

bool contains(KeyList keys, std::string_view key)
{
    return std::find(keys.begin(), keys.end(), key) != keys.end();
}

}  // namespace

double toDouble(const bj::value& value, const std::string& path)
{
    switch (value.kind()) {
    case bj::kind::int64: return static_cast<double>(value.get_int64());
    case bj::kind::uint64: return static_cast<double>(value.get_uint64());
    case bj::kind::double_: return value.get_double();
    default: throwWrongType(path, "a number", value);
    }
}

JsonObject::JsonObject(const bj::value& value, std::string path, KeyList required, KeyList optional)
    : object_(value.if_object()), path_(std::move(path))
{
    if (!object_)
        throwWrongType(path_, "an object", value);
    for (const auto& member : *object_) {
        const std::string_view key = member.key();
        if (!contains(required, key) && !contains(optional, key))
            throw ScenarioError(pathOf(key), "unknown-key", "unknown key \"" + std::string(key) + "\" (see scenario-format.md)");
    }
    for (const std::string_view key : required)
        if (!object_->contains(key))
            throw ScenarioError(pathOf(key), "missing-key", "required key \"" + std::string(key) + "\" is missing");
}

bool JsonObject::has(std::string_view key) const
{
    const bj::value* v = object_->if_contains(key);
    return v && !v->is_null();
}

const bj::value& JsonObject::at(std::string_view key) const
{
    const bj::value* v = object_->if_contains(key);
    if (!v)
        throw ScenarioError(pathOf(key), "missing-key", "required key \"" + std::string(key) + "\" is missing");
    return *v;
}

double JsonObject::number(std::string_view key) const
{
    return toDouble(at(key), pathOf(key));
}

double JsonObject::numberOr(std::string_view key, double fallback) const
{
    return object_->contains(key) ? number(key) : fallback;
}

int JsonObject::integer(std::string_view key) const
{
    const bj::value& v = at(key);
    const double x = toDouble(v, pathOf(key));
    constexpr double lowest = std::numeric_limits<int>::min();
    constexpr double highest = std::numeric_limits<int>::max();
    if (x != std::floor(x) || x < lowest || x > highest)
        throw ScenarioError(pathOf(key), "wrong-type", "expected an integer, got " + formatDouble(x));
    return static_cast<int>(x);
}

bool JsonObject::booleanOr(std::string_view key, bool fallback) const
{
    if (!object_->contains(key))
        return fallback;
    const bj::value& v = at(key);
    if (!v.is_bool())
        throwWrongType(pathOf(key), "a boolean", v);
    return v.get_bool();
}

std::string JsonObject::string(std::string_view key) const
{
    const bj::value& v = at(key);
    if (!v.is_string())
        throwWrongType(pathOf(key), "a string", v);
    return std::string(v.get_string());
}

const bj::array& JsonObject::array(std::string_view key) const
{
    const bj::value& v = at(key);
    if (!v.is_array())
        throwWrongType(pathOf(key), "an array", v);
    return v.get_array();
}

const bj::array& JsonObject::arrayOrEmpty(std::string_view key) const
{
    static const bj::array empty;
    return object_->contains(key) ? array(key) : empty;
}

std::vector<double> JsonObject::numbers(std::string_view key) const
{
    const bj::array& values = array(key);
    std::vector<double> result;
    result.reserve(values.size());
    for (std::size_t i = 0; i < values.size(); ++i)
        result.push_back(toDouble(values[i], pathOf(key) + "[" + std::to_string(i) + "]"));
    return result;
}

JsonObject JsonObject::object(std::string_view key, KeyList required, KeyList optional) const
{
    return JsonObject(at(key), pathOf(key), required, optional);
}

std::optional<JsonObject> JsonObject::optionalObject(std::string_view key, KeyList required, KeyList optional) const
{
    if (!has(key))
        return std::nullopt;
    return JsonObject(at(key), pathOf(key), required, optional);
}

std::optional<double> JsonObject::nullableNumber(std::string_view key) const
{
    const bj::value& v = at(key);
    if (v.is_null())
        return std::nullopt;
    return number(key);
}

}  // namespace swarmergy::scenario::json
