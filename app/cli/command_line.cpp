#include "cli/command_line.h"

namespace litelab::cli {

CommandLine::CommandLine(std::set<std::string> flags, std::set<std::string> options,
                         std::map<std::string, std::string> aliases)
    : flags_(std::move(flags)), options_(std::move(options)), aliases_(std::move(aliases)) {}

bool CommandLine::parse(const std::vector<std::string>& args) {
    bool only_positional = false;
    for (size_t i = 0; i < args.size(); ++i) {
        std::string arg = args[i];
        if (only_positional || arg.size() < 2 || arg[0] != '-') {
            positional_.push_back(arg);
            continue;
        }
        if (arg == "--") {
            only_positional = true;
            continue;
        }
        std::optional<std::string> inline_value;
        if (const auto eq = arg.find('='); arg.rfind("--", 0) == 0 && eq != std::string::npos) {
            inline_value = arg.substr(eq + 1);
            arg = arg.substr(0, eq);
        }
        if (const auto alias = aliases_.find(arg); alias != aliases_.end()) arg = alias->second;
        if (flags_.count(arg)) {
            if (inline_value) {
                error_ = arg + " takes no value";
                return false;
            }
            seen_flags_.insert(arg);
        } else if (options_.count(arg)) {
            if (!inline_value) {
                if (i + 1 >= args.size()) {
                    error_ = arg + " needs a value";
                    return false;
                }
                inline_value = args[++i];
            }
            if (values_.count(arg) && !repeatable_.count(arg)) {
                error_ = arg + " given twice";
                return false;
            }
            values_[arg].push_back(*inline_value);
        } else {
            error_ = "unknown option " + arg;
            return false;
        }
    }
    return true;
}

std::optional<std::string> CommandLine::value(const std::string& option) const {
    const auto it = values_.find(option);
    if (it == values_.end()) return std::nullopt;
    return it->second.back();
}

std::vector<std::string> CommandLine::values(const std::string& option) const {
    const auto it = values_.find(option);
    return it == values_.end() ? std::vector<std::string>{} : it->second;
}

}  // namespace litelab::cli
