// A small command-line parser for the litelab subcommands: declared flags and options, the
// rest positional. Unknown options and missing values are usage errors (exit code 2).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace litelab::cli {

class CommandLine {
public:
    // `flags` take no value (--json); `options` take one (-o FILE, --output=FILE). Aliases map a
    // short name to its long form ("-o" -> "--output").
    CommandLine(std::set<std::string> flags, std::set<std::string> options, std::map<std::string, std::string> aliases = {});

    // Options that may be given more than once (--input a.npy --input b.npy).
    void allow_repeats(std::set<std::string> options) { repeatable_ = std::move(options); }

    // Parses argv after the subcommand; false with error() set on a usage error.
    bool parse(const std::vector<std::string>& args);

    bool has(const std::string& flag) const { return seen_flags_.count(flag) > 0; }
    std::optional<std::string> value(const std::string& option) const;  // the last one given
    std::vector<std::string> values(const std::string& option) const;   // all, in order
    const std::vector<std::string>& positional() const { return positional_; }
    const std::string& error() const { return error_; }

private:
    std::set<std::string> flags_;
    std::set<std::string> options_;
    std::map<std::string, std::string> aliases_;
    std::set<std::string> seen_flags_;
    std::set<std::string> repeatable_;
    std::map<std::string, std::vector<std::string>> values_;
    std::vector<std::string> positional_;
    std::string error_;
};

}  // namespace litelab::cli
