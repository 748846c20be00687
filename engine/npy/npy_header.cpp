#include "npy/npy_header.h"

#include <cctype>
#include <limits>
#include <tuple>
#include <utility>

#include "core/one_line.h"

namespace litelab::npy_detail {
namespace {

// A Python literal, as far as .npy headers need one.
struct Value {
    enum class Kind { kString, kInt, kFloat, kBool, kNone, kTuple, kList, kDict };
    Kind kind = Kind::kNone;
    std::string text;          // kString
    int64_t integer = 0;       // kInt
    bool too_big = false;      // kInt beyond int64
    bool boolean = false;      // kBool
    std::vector<Value> items;  // kTuple, kList; kDict: key, value, key, value, ...
};

std::string kind_name(const Value& v) {
    switch (v.kind) {
        case Value::Kind::kString: return "a string";
        case Value::Kind::kInt: return "an integer";
        case Value::Kind::kFloat: return "a float";
        case Value::Kind::kBool: return "a bool";
        case Value::Kind::kNone: return "None";
        case Value::Kind::kTuple: return "a tuple";
        case Value::Kind::kList: return "a list";
        case Value::Kind::kDict: return "a dict";
    }
    return "a value";
}

// Recursive descent over ast.literal_eval's grammar for the literals above.
class Parser {
public:
    explicit Parser(std::string_view text) : text_(text) {}

    Result<Value> parse_all() {
        auto value = parse_value();
        if (!value) return value;
        skip_space();
        if (pos_ != text_.size()) return fail("unexpected text after the dict");
        return value;
    }

private:
    static constexpr int kMaxDepth = 32;

    Error fail(const std::string& what) const {
        std::string shown = one_line(std::string(text_.substr(0, 120)));
        if (text_.size() > 120) shown += "...";
        return make_error(ErrorCode::kFormat,
                          "bad .npy header \"" + shown + "\": " + what + " at offset " + std::to_string(pos_));
    }

    bool at_end() const { return pos_ >= text_.size(); }
    char peek() const { return at_end() ? '\0' : text_[pos_]; }

    void skip_space() {
        while (!at_end()) {
            const char c = text_[pos_];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
                ++pos_;
            } else if (c == '#') {  // literal_eval accepts comments
                while (!at_end() && text_[pos_] != '\n') ++pos_;
            } else if (c == '\\' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') {
                pos_ += 2;  // explicit line continuation
            } else {
                break;
            }
        }
    }

    bool word_at(std::string_view word) const {
        if (text_.substr(pos_, word.size()) != word) return false;
        const char next = pos_ + word.size() < text_.size() ? text_[pos_ + word.size()] : '\0';
        return !(std::isalnum(static_cast<unsigned char>(next)) || next == '_');
    }

    static bool is_string_start(std::string_view rest) {
        size_t i = 0;
        while (i < rest.size() && i < 2 && std::string_view("uUrRbB").find(rest[i]) != std::string_view::npos) ++i;
        return i < rest.size() && (rest[i] == '\'' || rest[i] == '"');
    }

    Result<Value> parse_value() {
        skip_space();
        if (at_end()) return fail("unexpected end of header");
        if (depth_ >= kMaxDepth) return fail("nesting too deep");
        const char c = peek();
        if (c == '{') return parse_sequence('}', Value::Kind::kDict);
        if (c == '(') return parse_sequence(')', Value::Kind::kTuple);
        if (c == '[') return parse_sequence(']', Value::Kind::kList);
        if (is_string_start(text_.substr(pos_))) return parse_strings();
        if (c == '-' || c == '+' || c == '.' || std::isdigit(static_cast<unsigned char>(c))) return parse_number();
        for (auto [word, kind, flag] : {std::tuple{"True", Value::Kind::kBool, true},
                                        std::tuple{"False", Value::Kind::kBool, false},
                                        std::tuple{"None", Value::Kind::kNone, false}}) {
            if (word_at(word)) {
                pos_ += std::string_view(word).size();
                Value v;
                v.kind = kind;
                v.boolean = flag;
                return v;
            }
        }
        return fail("expected a Python literal");
    }

    // Adjacent literals concatenate in Python: 'a' 'b' == 'ab'.
    Result<Value> parse_strings() {
        Value v;
        v.kind = Value::Kind::kString;
        do {
            LITELAB_TRY(parse_one_string(v.text));
            skip_space();
        } while (!at_end() && is_string_start(text_.substr(pos_)));
        return v;
    }

    Status parse_one_string(std::string& out) {
        while (peek() != '\'' && peek() != '"') ++pos_;  // prefix letters, checked by is_string_start
        const char quote = text_[pos_++];
        while (true) {
            if (at_end() || peek() == '\n') return fail("unterminated string");
            const char c = text_[pos_++];
            if (c == quote) return Status::success();
            if (c == '\\') {
                if (at_end()) return fail("unterminated string");
                const char e = text_[pos_++];
                // dtype names never need escapes; keep the common ones exact, others verbatim
                switch (e) {
                    case 'n': out += '\n'; break;
                    case 't': out += '\t'; break;
                    case '\\': case '\'': case '"': out += e; break;
                    case '\n': break;
                    default: out += '\\'; out += e; break;
                }
                continue;
            }
            out += c;
        }
    }

    Result<Value> parse_number() {
        const size_t start = pos_;
        bool negative = false;
        while (peek() == '-' || peek() == '+') {
            if (text_[pos_] == '-') negative = !negative;
            ++pos_;
            skip_space();
        }
        Value v;
        v.kind = Value::Kind::kInt;
        uint64_t magnitude = 0;
        bool digits = false;
        while (!at_end() && (std::isdigit(static_cast<unsigned char>(peek())) || peek() == '_')) {
            if (peek() != '_') {
                const auto d = static_cast<uint64_t>(peek() - '0');
                if (magnitude > (std::numeric_limits<uint64_t>::max() - d) / 10) v.too_big = true;
                else magnitude = magnitude * 10 + d;
                digits = true;
            }
            ++pos_;
        }
        if (peek() == '.' || peek() == 'e' || peek() == 'E' || peek() == 'j' || peek() == 'J') {
            // a float or complex: consumed only so the caller can say what it found
            while (!at_end() && (std::isalnum(static_cast<unsigned char>(peek())) || peek() == '.' ||
                                 ((peek() == '+' || peek() == '-') && (text_[pos_ - 1] == 'e' || text_[pos_ - 1] == 'E'))))
                ++pos_;
            v.kind = Value::Kind::kFloat;
            return v;
        }
        if (!digits) {
            pos_ = start;
            return fail("expected a number");
        }
        if (peek() == 'L' || peek() == 'l') ++pos_;  // Python 2 long, as old NumPy wrote shapes
        if (std::isalnum(static_cast<unsigned char>(peek())) || peek() == '_') return fail("bad number");
        const uint64_t limit = static_cast<uint64_t>(std::numeric_limits<int64_t>::max()) + (negative ? 1 : 0);
        if (v.too_big || magnitude > limit) {
            v.too_big = true;
        } else if (negative) {
            v.integer = magnitude == limit ? std::numeric_limits<int64_t>::min() : -static_cast<int64_t>(magnitude);
        } else {
            v.integer = static_cast<int64_t>(magnitude);
        }
        return v;
    }

    // Tuples, lists and dicts, from their opening bracket; a parenthesised single value without
    // a comma is that value.
    Result<Value> parse_sequence(char close, Value::Kind kind) {
        ++pos_;
        ++depth_;
        Value v;
        v.kind = kind;
        bool saw_comma = false;
        while (true) {
            skip_space();
            if (peek() == close) {
                ++pos_;
                break;
            }
            auto item = parse_value();
            if (!item) return item;
            v.items.push_back(std::move(*item));
            skip_space();
            if (kind == Value::Kind::kDict) {
                if (peek() != ':') return fail("expected ':' after a dict key");
                ++pos_;
                auto entry = parse_value();
                if (!entry) return entry;
                v.items.push_back(std::move(*entry));
                skip_space();
            }
            if (peek() == ',') {
                ++pos_;
                saw_comma = true;
                continue;
            }
            if (peek() == close) {
                ++pos_;
                break;
            }
            return fail(std::string("expected ',' or '") + close + "'");
        }
        --depth_;
        if (kind == Value::Kind::kTuple && v.items.size() == 1 && !saw_comma) return std::move(v.items[0]);
        return v;
    }

    std::string_view text_;
    size_t pos_ = 0;
    int depth_ = 0;
};

Error unsupported_dtype(const std::string& descr, const char* what) {
    return make_error(ErrorCode::kUnsupported, "unsupported dtype '" + one_line(descr) + "' (" + what + ")");
}

// Reads a descr such as '<f4', '>U7' or '|b1' into the header's type fields.
Status parse_descr(const std::string& descr, NpyHeader& header) {
    std::string_view code = descr;
    char order = '=';
    if (!code.empty() && std::string_view("<>|=").find(code[0]) != std::string_view::npos) {
        order = code[0];
        code.remove_prefix(1);
    }
    header.big_endian = order == '>';

    struct Fixed {
        std::string_view code;
        DType dtype;
    };
    static constexpr Fixed kFixed[] = {
        {"f2", DType::kFloat16}, {"f4", DType::kFloat32}, {"f8", DType::kFloat64}, {"i1", DType::kInt8},
        {"u1", DType::kUInt8},   {"i2", DType::kInt16},   {"u2", DType::kUInt16},  {"i4", DType::kInt32},
        {"u4", DType::kUInt32},  {"i8", DType::kInt64},   {"u8", DType::kUInt64},  {"b1", DType::kBool},
        {"?", DType::kBool},
    };
    for (const auto& fixed : kFixed) {
        if (code == fixed.code) {
            header.dtype = fixed.dtype;
            header.item_size = code == "?" ? 1 : static_cast<uint64_t>(code[1] - '0');
            return Status::success();
        }
    }
    if (!code.empty() && code[0] == 'U') {
        const std::string_view digits = code.substr(1);
        if (digits.empty() || digits.size() > 9 ||
            digits.find_first_not_of("0123456789") != std::string_view::npos)
            return make_error(ErrorCode::kFormat, "bad dtype '" + one_line(descr) + "'");
        header.dtype = DType::kString;
        header.item_size = 4 * std::stoull(std::string(digits));
        return Status::success();
    }
    if (code.empty()) return make_error(ErrorCode::kFormat, "bad dtype '" + one_line(descr) + "'");
    switch (code[0]) {
        case 'O': return unsupported_dtype(descr, "Python objects");
        case 'c': return unsupported_dtype(descr, "complex numbers");
        case 'M': return unsupported_dtype(descr, "datetimes");
        case 'm': return unsupported_dtype(descr, "timedeltas");
        case 'S': case 'a': return unsupported_dtype(descr, "byte strings");
        case 'V': return unsupported_dtype(descr, "raw void records");
        case 'f': return unsupported_dtype(descr, "extended-precision floats");
        default: return unsupported_dtype(descr, "not a NumPy dtype LiteLab reads");
    }
}

Status parse_shape(const Value& value, NpyHeader& header) {
    if (value.kind != Value::Kind::kTuple)
        return make_error(ErrorCode::kFormat, "bad .npy header: 'shape' is " + kind_name(value) + ", not a tuple");
    constexpr size_t kMaxDims = 64;  // NumPy 2's limit; 1.x allows 32
    if (value.items.size() > kMaxDims)
        return make_error(ErrorCode::kFormat, "bad .npy header: the shape has " + std::to_string(value.items.size()) +
                                                  " dimensions (at most 64)");
    for (const Value& dim : value.items) {
        if (dim.kind != Value::Kind::kInt)
            return make_error(ErrorCode::kFormat, "bad .npy header: a 'shape' entry is " + kind_name(dim) + ", not an integer");
        if (dim.too_big || dim.integer < 0)
            return make_error(ErrorCode::kFormat, "bad .npy header: 'shape' holds an impossible dimension");
        header.shape.push_back(dim.integer);
    }
    return Status::success();
}

}  // namespace

Result<NpyHeader> parse_npy_header(std::string_view text) {
    auto parsed = Parser(text).parse_all();
    if (!parsed) return parsed.error();
    const Value& dict = *parsed;
    if (dict.kind != Value::Kind::kDict)
        return make_error(ErrorCode::kFormat, "bad .npy header: " + kind_name(dict) + ", not a dict");

    NpyHeader header;
    const Value* descr = nullptr;
    const Value* fortran = nullptr;
    const Value* shape = nullptr;
    for (size_t i = 0; i + 1 < dict.items.size(); i += 2) {
        const Value& key = dict.items[i];
        const Value* value = &dict.items[i + 1];
        const Value** slot = nullptr;
        if (key.kind == Value::Kind::kString && key.text == "descr") slot = &descr;
        else if (key.kind == Value::Kind::kString && key.text == "fortran_order") slot = &fortran;
        else if (key.kind == Value::Kind::kString && key.text == "shape") slot = &shape;
        else if (key.kind == Value::Kind::kString)
            return make_error(ErrorCode::kFormat, "bad .npy header: unexpected key '" + one_line(key.text) + "'");
        else
            return make_error(ErrorCode::kFormat, "bad .npy header: a key is " + kind_name(key) + ", not a string");
        // Python keeps the last of repeated keys; so do we.
        *slot = value;
    }
    for (auto [slot, name] : {std::pair{descr, "descr"}, {fortran, "fortran_order"}, {shape, "shape"}})
        if (slot == nullptr) return make_error(ErrorCode::kFormat, std::string("bad .npy header: missing key '") + name + "'");

    if (descr->kind == Value::Kind::kList)
        return make_error(ErrorCode::kUnsupported, "unsupported dtype: structured arrays (a list of fields) are not supported");
    if (descr->kind != Value::Kind::kString)
        return make_error(ErrorCode::kFormat, "bad .npy header: 'descr' is " + kind_name(*descr) + ", not a string");
    header.descr = descr->text;
    LITELAB_TRY(parse_descr(descr->text, header));

    if (fortran->kind != Value::Kind::kBool)
        return make_error(ErrorCode::kFormat, "bad .npy header: 'fortran_order' is " + kind_name(*fortran) + ", not a bool");
    header.fortran_order = fortran->boolean;
    LITELAB_TRY(parse_shape(*shape, header));
    return header;
}

std::string format_npy_header(std::string_view descr, const std::vector<int64_t>& shape) {
    std::string text = "{'descr': '";
    text += descr;
    text += "', 'fortran_order': False, 'shape': (";
    for (size_t i = 0; i < shape.size(); ++i) {
        if (i > 0) text += ", ";
        text += std::to_string(shape[i]);
    }
    if (shape.size() == 1) text += ",";
    text += "), }";
    return text;
}

}  // namespace litelab::npy_detail
