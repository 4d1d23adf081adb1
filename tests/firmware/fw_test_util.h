// Helpers for firmware tests: hex, files, demo keys.
#pragma once
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fwtest {

inline std::vector<uint8_t> fromHex(const std::string &hex)
{
    std::vector<uint8_t> out;
    for (size_t i = 0; i + 1 < hex.size(); i += 2) {
        out.push_back(static_cast<uint8_t>(std::stoul(hex.substr(i, 2), nullptr, 16)));
    }
    return out;
}

inline std::string toHex(const uint8_t *data, size_t len)
{
    static const char *digits = "0123456789abcdef";
    std::string s;
    for (size_t i = 0; i < len; ++i) {
        s += digits[data[i] >> 4];
        s += digits[data[i] & 15];
    }
    return s;
}

inline std::string repoRoot()
{
    const char *data = std::getenv("SWARMERGY_TEST_DATA");  // <repo>/tests/data
    std::string root = data ? data : "tests/data";
    return root + "/../..";
}

// The hex key of a resources/keys file (comment lines skipped).
inline std::vector<uint8_t> readKeyFile(const std::string &name)
{
    std::ifstream in(repoRoot() + "/resources/keys/" + name);
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line[0] != '#') {
            return fromHex(line);
        }
    }
    return {};
}

}  // namespace fwtest
