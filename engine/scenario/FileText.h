#pragma once
// Whole-file reads and writes for the format readers; failures are ScenarioError("io").

#include <filesystem>
#include <string>

namespace swarmergy::scenario {

std::string readTextFile(const std::filesystem::path& file);
void writeTextFile(const std::filesystem::path& file, const std::string& text);

}  // namespace swarmergy::scenario
