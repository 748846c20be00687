#include "tflite/options_fields.h"

#include <flatbuffers/minireflect.h>

#include <cstdio>

namespace litelab {
namespace {

std::string json_string(const std::string& text) {
    std::string out = "\"";
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", u);
            out += escaped;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

std::string number_text(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.9g", value);
    const std::string s = text;
    // JSON has no inf/nan literals; options never hold them in practice, but stay parseable.
    if (s.find_first_of("in") != std::string::npos) return json_string(s);
    return s;
}

// Collects the top-level fields of one table; nested tables and vectors become JSON text.
class FieldCollector : public flatbuffers::IterationVisitor {
public:
    std::vector<OptionField> fields;

    void StartSequence() override {
        if (depth_++ > 0) append("{");
        first_in_sequence_ = true;
    }
    void EndSequence() override {
        if (--depth_ > 0) append("}");
    }
    void Field(size_t, size_t, flatbuffers::ElementaryType, bool, const flatbuffers::TypeTable*, const char* name,
               const uint8_t* val) override {
        if (val == nullptr) return;
        if (depth_ == 1) {
            fields.push_back({name ? name : "?", ""});
        } else {
            if (!first_in_sequence_) append(", ");
            append(json_string(name ? name : "?") + ": ");
        }
        first_in_sequence_ = false;
    }
    void UType(uint8_t x, const char* name) override { named(x, name); }
    void Bool(bool x) override { append(x ? "true" : "false"); }
    void Char(int8_t x, const char* name) override { named(x, name); }
    void UChar(uint8_t x, const char* name) override { named(x, name); }
    void Short(int16_t x, const char* name) override { named(x, name); }
    void UShort(uint16_t x, const char* name) override { named(x, name); }
    void Int(int32_t x, const char* name) override { named(x, name); }
    void UInt(uint32_t x, const char* name) override { named(x, name); }
    void Long(int64_t x) override { append(std::to_string(x)); }
    void ULong(uint64_t x) override { append(std::to_string(x)); }
    void Float(float x) override { append(number_text(static_cast<double>(x))); }
    void Double(double x) override { append(number_text(x)); }
    void String(const flatbuffers::String* s) override { append(json_string(s ? s->str() : "")); }
    void Unknown(const uint8_t*) override { append("null"); }
    void StartVector() override { append("["); }
    void EndVector() override { append("]"); }
    void Element(size_t i, flatbuffers::ElementaryType, const flatbuffers::TypeTable*, const uint8_t*) override {
        if (i > 0) append(", ");
    }

private:
    template <class T>
    void named(T value, const char* name) {
        append(name != nullptr ? json_string(name) : std::to_string(value));
    }
    void append(const std::string& text) {
        if (!fields.empty()) fields.back().json += text;
    }

    int depth_ = 0;
    bool first_in_sequence_ = true;
};

// Serialises one options union member on its own (defaults forced, so every field is
// present) and walks it with the member's type table.
template <class Union>
void collect(const Union& options, const flatbuffers::TypeTable* union_table, std::vector<OptionField>& out) {
    if (options.value == nullptr) return;
    const auto type = static_cast<size_t>(options.type);
    if (type == 0 || type >= union_table->num_elems) return;
    const auto ref = union_table->type_codes[type].sequence_ref;
    if (ref < 0) return;
    flatbuffers::FlatBufferBuilder fbb;
    fbb.ForceDefaults(true);
    fbb.Finish(options.Pack(fbb));
    FieldCollector collector;
    flatbuffers::IterateFlatBuffer(fbb.GetBufferPointer(), union_table->type_refs[ref](), &collector);
    out.insert(out.end(), collector.fields.begin(), collector.fields.end());
}

}  // namespace

std::string OptionField::display() const {
    std::string text;
    bool in_string = false;
    for (size_t i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (c == '"') {
            in_string = !in_string;
            continue;
        }
        if (in_string && c == '\\' && i + 1 < json.size()) {
            text += json[++i];
            continue;
        }
        text += c;
    }
    return text;
}

std::string builtin_options_name(const Operator& op) {
    if (op.builtin_options.value != nullptr) return tflite::EnumNameBuiltinOptions(op.builtin_options.type);
    if (op.builtin_options_2.value != nullptr) return tflite::EnumNameBuiltinOptions2(op.builtin_options_2.type);
    return {};
}

std::vector<OptionField> builtin_option_fields(const Operator& op) {
    std::vector<OptionField> fields;
    collect(op.builtin_options, tflite::BuiltinOptionsTypeTable(), fields);
    collect(op.builtin_options_2, tflite::BuiltinOptions2TypeTable(), fields);
    return fields;
}

}  // namespace litelab
