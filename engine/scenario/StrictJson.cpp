#include "engine/scenario/StrictJson.h"

#include "engine/scenario/ScenarioError.h"

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/value_stack.hpp>

#include <charconv>
#include <cmath>
#include <optional>
#include <unordered_set>
#include <vector>

namespace swarmergy::scenario::json {

namespace bj = boost::json;

namespace {

// One open array or object while parsing, enough to name the current JSON path.
struct OpenContainer {
    bool isArray = false;
    std::size_t index = 0;                  // element being parsed (arrays)
    std::string key;                        // last key seen (objects)
    std::unordered_set<std::string> keys;   // keys seen so far (objects)
};

struct PendingError {
    std::string path;
    std::string rule;
    std::string explanation;
};

// Handler for bj::basic_parser: builds the value through a value_stack (as bj::parser does)
// and adds the checks Boost leaves out. It reports its own errors through `pending`.
class StrictHandler {
public:
    static constexpr std::size_t max_object_size = bj::object::max_size();
    static constexpr std::size_t max_array_size = bj::array::max_size();
    static constexpr std::size_t max_key_size = bj::string::max_size();
    static constexpr std::size_t max_string_size = bj::string::max_size();

    bj::value_stack stack;
    std::vector<OpenContainer> open;
    std::optional<PendingError> pending;

    std::string path() const
    {
        std::string result = "$";
        for (const OpenContainer& c : open) {
            if (c.isArray)
                result += "[" + std::to_string(c.index) + "]";
            else if (!c.key.empty() || !c.keys.empty())
                result += "." + c.key;
        }
        return result;
    }

    bool on_document_begin(bj::error_code&)
    {
        stack.reset();
        return true;
    }
    bool on_document_end(bj::error_code&) { return true; }

    bool on_object_begin(bj::error_code&)
    {
        open.push_back(OpenContainer{});
        return true;
    }
    bool on_object_end(std::size_t n, bj::error_code&)
    {
        open.pop_back();
        stack.push_object(n);
        return valueDone();
    }
    bool on_array_begin(bj::error_code&)
    {
        open.push_back(OpenContainer{true, 0, {}, {}});
        return true;
    }
    bool on_array_end(std::size_t n, bj::error_code&)
    {
        open.pop_back();
        stack.push_array(n);
        return valueDone();
    }

    bool on_key_part(bj::string_view s, std::size_t, bj::error_code&)
    {
        keyText_.append(s.data(), s.size());
        stack.push_chars(s);
        return true;
    }
    bool on_key(bj::string_view s, std::size_t, bj::error_code& ec)
    {
        keyText_.append(s.data(), s.size());
        OpenContainer& object = open.back();
        object.key = keyText_;
        keyText_.clear();
        if (!object.keys.insert(object.key).second)
            return fail(ec, "duplicate-key", "the key \"" + object.key + "\" appears twice in this object");
        stack.push_key(s);
        return true;
    }

    bool on_string_part(bj::string_view s, std::size_t, bj::error_code&)
    {
        stack.push_chars(s);
        return true;
    }
    bool on_string(bj::string_view s, std::size_t, bj::error_code&)
    {
        stack.push_string(s);
        return valueDone();
    }

    bool on_number_part(bj::string_view s, bj::error_code&)
    {
        numberText_.append(s.data(), s.size());
        return true;
    }
    bool on_int64(std::int64_t i, bj::string_view, bj::error_code&)
    {
        numberText_.clear();
        stack.push_int64(i);
        return valueDone();
    }
    bool on_uint64(std::uint64_t u, bj::string_view, bj::error_code&)
    {
        numberText_.clear();
        stack.push_uint64(u);
        return valueDone();
    }
    bool on_double(double, bj::string_view s, bj::error_code& ec)
    {
        numberText_.append(s.data(), s.size());
        const std::optional<double> exact = readDouble(numberText_);
        const std::string text = numberText_;
        numberText_.clear();
        if (!exact)
            return fail(ec, "non-finite", "the number " + text + " is too large for a double (overflows to infinity)");
        stack.push_double(*exact);
        return valueDone();
    }

    bool on_bool(bool b, bj::error_code&)
    {
        stack.push_bool(b);
        return valueDone();
    }
    bool on_null(bj::error_code&)
    {
        stack.push_null();
        return valueDone();
    }
    bool on_comment_part(bj::string_view, bj::error_code&) { return true; }
    bool on_comment(bj::string_view, bj::error_code&) { return true; }

private:
    std::string keyText_;
    std::string numberText_;

    bool valueDone()
    {
        if (!open.empty() && open.back().isArray)
            ++open.back().index;
        return true;
    }

    bool fail(bj::error_code& ec, std::string rule, std::string explanation)
    {
        pending = PendingError{path(), std::move(rule), std::move(explanation)};
        ec = bj::error::exception;
        return false;
    }

    // Correctly rounded (libstdc++ from_chars); nullopt when the magnitude overflows.
    // Underflow rounds to a signed zero, which is the nearest double.
    static std::optional<double> readDouble(const std::string& text)
    {
        double value = 0;
        const char* first = text.data();
        const char* last = first + text.size();
        const auto [end, errc] = std::from_chars(first, last, value);
        if (errc == std::errc() && end == last)
            return std::isfinite(value) ? std::optional<double>(value) : std::nullopt;
        if (errc == std::errc::result_out_of_range && !isOverflow(text))
            return text.front() == '-' ? -0.0 : 0.0;
        return std::nullopt;
    }

    // Out of range either way: a decimal exponent above zero can only mean overflow
    // (|x| >= 1), otherwise the value is below the smallest subnormal.
    static bool isOverflow(const std::string& text)
    {
        const std::size_t e = text.find_first_of("eE");
        if (e == std::string::npos)
            return true;   // a plain digit string out of range is huge
        const std::string_view exponent(text.c_str() + e + 1);
        return exponent.empty() || exponent.front() != '-';
    }
};

struct LineColumn {
    std::size_t line = 1;
    std::size_t column = 1;
};

// Columns count characters (UTF-8 continuation bytes are skipped), starting at 1.
LineColumn lineColumnAt(std::string_view text, std::size_t offset)
{
    LineColumn at;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte == '\n') {
            ++at.line;
            at.column = 1;
        } else if ((byte & 0xC0) != 0x80) {
            ++at.column;
        }
    }
    return at;
}

bool startsWithNonFiniteWord(std::string_view rest)
{
    if (!rest.empty() && (rest.front() == '-' || rest.front() == '+'))
        rest.remove_prefix(1);
    for (std::string_view word : {"NaN", "nan", "Infinity", "infinity", "inf", "Inf"})
        if (rest.substr(0, word.size()) == word)
            return true;
    return false;
}

std::string describeToken(std::string_view text, std::size_t offset)
{
    if (offset >= text.size())
        return "the document ends too early";
    std::string_view rest = text.substr(offset, 12);
    rest = rest.substr(0, rest.find('\n'));
    return "unexpected text '" + std::string(rest) + "'";
}

[[noreturn]] void throwSyntaxError(std::string_view text, std::size_t offset, const std::string& path,
                                   const std::string& boostMessage)
{
    // Boost stops on the N of NaN, or just after the sign of -Infinity.
    const std::size_t tokenStart = (offset > 0 && offset <= text.size() && (text[offset - 1] == '-' || text[offset - 1] == '+'))
                                       ? offset - 1 : offset;
    const LineColumn at = lineColumnAt(text, tokenStart);
    const std::string where = "line " + std::to_string(at.line) + ", column " + std::to_string(at.column);
    if (tokenStart < text.size() && startsWithNonFiniteWord(text.substr(tokenStart)))
        throw ScenarioError(path, "non-finite", where + ": NaN and Infinity are not allowed (JSON has no such numbers)");
    throw ScenarioError(path, "json-syntax", where + ": malformed JSON, " + describeToken(text, offset) + " (" + boostMessage + ")");
}

}  // namespace

bj::value parseStrict(std::string_view text)
{
    bj::parse_options options;   // strict JSON: no comments, no trailing commas, valid UTF-8
    bj::basic_parser<StrictHandler> parser(options);
    bj::error_code ec;
    const std::size_t consumed = parser.write_some(false, text.data(), text.size(), ec);
    StrictHandler& handler = parser.handler();
    if (handler.pending)
        throw ScenarioError(handler.pending->path, handler.pending->rule, handler.pending->explanation);
    if (ec)
        throwSyntaxError(text, consumed, handler.path(), ec.message());
    const std::size_t extra = text.find_first_not_of(" \t\r\n", consumed);
    if (extra != std::string_view::npos)
        throwSyntaxError(text, extra, "$", "extra data after the document");
    return handler.stack.release();
}

// ---------------------------------------------------------------------------------------------
// Writing

std::string formatDouble(double value)
{
    if (value == 0)
        return "0";   // also -0: the formats have no use for a signed zero
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

namespace {

void appendEscaped(std::string& out, std::string_view text)
{
    static const char* hex = "0123456789abcdef";
    out += '"';
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
            if (byte < 0x20) {
                out += "\\u00";
                out += hex[byte >> 4];
                out += hex[byte & 0xF];
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

// RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF.
bool isValidUtf8(std::string_view text)
{
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t length = 0;
        unsigned min = 0;
        unsigned codePoint = 0;
        if (lead < 0x80) { ++i; continue; }
        if ((lead & 0xE0) == 0xC0) { length = 2; min = 0x80; codePoint = lead & 0x1F; }
        else if ((lead & 0xF0) == 0xE0) { length = 3; min = 0x800; codePoint = lead & 0x0F; }
        else if ((lead & 0xF8) == 0xF0) { length = 4; min = 0x10000; codePoint = lead & 0x07; }
        else return false;
        if (i + length > text.size())
            return false;
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80)
                return false;
            codePoint = (codePoint << 6) | (next & 0x3F);
        }
        if (codePoint < min || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
            return false;
        i += length;
    }
    return true;
}

bool onlyNumbers(const bj::array& array)
{
    for (const bj::value& v : array)
        if (!v.is_number())
            return false;
    return true;
}

class PrettyWriter {
public:
    std::string out;

    void write(const bj::value& v, int depth, const std::string& path)
    {
        switch (v.kind()) {
        case bj::kind::null: out += "null"; break;
        case bj::kind::bool_: out += v.get_bool() ? "true" : "false"; break;
        case bj::kind::int64: out += std::to_string(v.get_int64()); break;
        case bj::kind::uint64: out += std::to_string(v.get_uint64()); break;
        case bj::kind::double_: writeDouble(v.get_double(), path); break;
        case bj::kind::string: writeString(v.get_string(), path); break;
        case bj::kind::array: writeArray(v.get_array(), depth, path); break;
        case bj::kind::object: writeObject(v.get_object(), depth, path); break;
        }
    }

private:
    void indent(int depth) { out.append(static_cast<std::size_t>(depth) * 2, ' '); }

    void writeDouble(double value, const std::string& path)
    {
        if (!std::isfinite(value))
            throw ScenarioError(path, "non-finite", "cannot write " + std::to_string(value) + ": JSON numbers are finite");
        out += formatDouble(value);
    }

    void writeString(std::string_view text, const std::string& path)
    {
        // A reader rejects invalid UTF-8, so writing it would make a file nobody can read.
        if (!isValidUtf8(text))
            throw ScenarioError(path, "invalid-utf8", "text is not valid UTF-8");
        appendEscaped(out, text);
    }

    void writeArray(const bj::array& array, int depth, const std::string& path)
    {
        if (array.empty() || onlyNumbers(array)) {
            out += '[';
            for (std::size_t i = 0; i < array.size(); ++i) {
                if (i > 0)
                    out += ", ";
                write(array[i], depth, path + "[" + std::to_string(i) + "]");
            }
            out += ']';
            return;
        }
        out += "[\n";
        for (std::size_t i = 0; i < array.size(); ++i) {
            indent(depth + 1);
            write(array[i], depth + 1, path + "[" + std::to_string(i) + "]");
            out += i + 1 < array.size() ? ",\n" : "\n";
        }
        indent(depth);
        out += ']';
    }

    void writeObject(const bj::object& object, int depth, const std::string& path)
    {
        if (object.empty()) {
            out += "{}";
            return;
        }
        out += "{\n";
        std::size_t i = 0;
        for (const auto& member : object) {
            indent(depth + 1);
            appendEscaped(out, member.key());
            out += ": ";
            write(member.value(), depth + 1, path + "." + std::string(member.key()));
            out += ++i < object.size() ? ",\n" : "\n";
        }
        indent(depth);
        out += '}';
    }
};

}  // namespace

std::string writePretty(const bj::value& document)
{
    PrettyWriter writer;
    writer.write(document, 0, "$");
    writer.out += '\n';
    return writer.out;
}

}  // namespace swarmergy::scenario::json
