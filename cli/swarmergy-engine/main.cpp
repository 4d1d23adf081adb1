// swarmergy-engine: headless scenario tools. Thin layer over engine/ libraries; every
// subcommand is a Command (Command.h). Exit codes: 0 ok, 1 failure, 2 usage error.

#include "cli/swarmergy-engine/Command.h"

#include <exception>
#include <iostream>

namespace {

using namespace swarmergy::cli;

void printProgramUsage(std::ostream& out)
{
    out << "usage: swarmergy-engine <command> [options]\n\ncommands:\n";
    for (const Command& command : commands()) {
        std::string name = "  " + command.name;
        name.resize(std::max<std::size_t>(name.size() + 2, 14), ' ');
        out << name << command.summary << "\n";
    }
    out << "\nRun 'swarmergy-engine <command> --help' for the options of a command.\n";
}

void printCommandUsage(const Command& command, std::ostream& out)
{
    out << "usage: swarmergy-engine " << command.name;
    for (const OptionSpec& spec : command.options)
        if (spec.required)
            out << " --" << spec.name << " " << spec.valueName;
    out << " [options]\n" << command.summary << "\n\noptions:\n" << describeOptions(command.options);
}

const Command* findCommand(const std::string& name)
{
    for (const Command& command : commands())
        if (command.name == name)
            return &command;
    return nullptr;
}

int runCommand(const Command& command, const std::vector<std::string>& words)
{
    try {
        const Arguments args(words, command.options);
        if (args.helpRequested()) {
            printCommandUsage(command, std::cout);
            return kExitOk;
        }
        return command.run(args, std::cout, std::cerr);
    } catch (const UsageError& e) {
        std::cerr << "swarmergy-engine " << command.name << ": " << e.what() << "\n\n";
        printCommandUsage(command, std::cerr);
        return kExitUsage;
    }
}

}  // namespace

int main(int argc, char** argv)
{
    const std::vector<std::string> words(argv + 1, argv + argc);
    if (words.empty()) {
        printProgramUsage(std::cerr);
        return kExitUsage;
    }
    const std::string& first = words.front();
    if (first == "--help" || first == "-h" || first == "help") {
        printProgramUsage(std::cout);
        return kExitOk;
    }
    const Command* command = findCommand(first);
    if (!command) {
        std::cerr << "swarmergy-engine: unknown command '" << first << "'\n\n";
        printProgramUsage(std::cerr);
        return kExitUsage;
    }
    try {
        return runCommand(*command, std::vector<std::string>(words.begin() + 1, words.end()));
    } catch (const std::exception& e) {
        // Last resort: a library error no command anticipated is still a message, not a crash.
        std::cerr << "swarmergy-engine " << command->name << ": " << e.what() << "\n";
        return kExitFailure;
    }
}
