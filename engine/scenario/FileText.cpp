#include "engine/scenario/FileText.h"

#include "engine/scenario/ScenarioError.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace swarmergy::scenario {

std::string readTextFile(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw ScenarioError("$", "io", "cannot open " + file.string() + " (" + std::strerror(errno) + ")");
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad())
        throw ScenarioError("$", "io", "cannot read " + file.string());
    return text.str();
}

void writeTextFile(const std::filesystem::path& file, const std::string& text)
{
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    if (!out)
        throw ScenarioError("$", "io", "cannot create " + file.string() + " (" + std::strerror(errno) + ")");
    out << text;
    out.flush();
    if (!out)
        throw ScenarioError("$", "io", "cannot write " + file.string());
}

}  // namespace swarmergy::scenario
