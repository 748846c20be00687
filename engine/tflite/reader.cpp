#include "tflite/reader.h"

#include <flatbuffers/flatbuffers.h>

#include <algorithm>
#include <cstring>
#include <limits>

#include "core/mapped_file.h"
#include "core/one_line.h"
#include "model/graph.h"

namespace litelab {
namespace {

// Tensors larger than this cannot be real (and their sizes would overflow downstream maths).
constexpr uint64_t kMaxTensorBytes = uint64_t{1} << 40;

template <class T>
std::vector<T> to_vector(const flatbuffers::Vector<T>* v) {
    if (v == nullptr) return {};
    // memcpy, not element loads: the verifier does not check 8-byte alignment of int64 vectors.
    std::vector<T> out(v->size());
    if (!out.empty()) std::memcpy(out.data(), v->Data(), out.size() * sizeof(T));
    return out;
}

std::string to_string(const flatbuffers::String* s) { return s == nullptr ? std::string() : s->str(); }

class Converter {
public:
    Converter(std::span<const uint8_t> file, std::shared_ptr<const void> owner, ReadModel& out)
        : file_(file), owner_(std::move(owner)), out_(out) {}

    Status convert(const tflite::Model& src);

private:
    Status convert_buffers(const tflite::Model& src);
    Status convert_operator_codes(const tflite::Model& src);
    Status convert_subgraph(const tflite::SubGraph& src, size_t index, Subgraph& dst);
    Status convert_tensor(const tflite::Tensor& src, const std::string& where, Tensor& dst);
    Status convert_operator(const tflite::Operator& src, const std::string& where, size_t tensor_count,
                            Operator& dst);
    Status check_subgraph_references(size_t subgraph_index);
    Status convert_metadata_and_signatures(const tflite::Model& src);
    Status check_external_range(uint64_t offset, uint64_t size, const std::string& what) const;
    void warn(std::string text) { out_.warnings.push_back(std::move(text)); }

    // The verifier accepts a union type without its table, and a reader cannot know types from
    // a newer schema: both leave the options empty, with a warning.
    template <class Union, class Type>
    void unpack_options(Union& dst, Type type, const void* table, const char* type_name, const std::string& what) {
        if (type == 0) return;
        if (table == nullptr) {
            warn(what + " name " + type_name + " but store none");
            return;
        }
        dst.type = type;
        dst.value = Union::UnPack(table, type, nullptr);
        if (dst.value == nullptr) warn(what + " are of unknown type " + std::to_string(static_cast<int>(type)));
    }

    std::span<const uint8_t> file_;
    std::shared_ptr<const void> owner_;
    ReadModel& out_;
};

Error invalid(std::string text) { return make_error(ErrorCode::kInvalid, std::move(text)); }

Status Converter::check_external_range(uint64_t offset, uint64_t size, const std::string& what) const {
    if (offset > file_.size() || size > file_.size() - offset)
        return invalid(what + " lies outside the file (offset " + std::to_string(offset) + ", size " +
                       std::to_string(size) + ", file size " + std::to_string(file_.size()) + ")");
    return Status::success();
}

Status Converter::convert(const tflite::Model& src) {
    Model& model = out_.model;
    model.version = src.version();
    if (model.version != 3) warn("schema version is " + std::to_string(model.version) + ", TFLite expects 3");
    model.description = to_string(src.description());
    LITELAB_TRY(convert_buffers(src));
    LITELAB_TRY(convert_operator_codes(src));

    const auto* subgraphs = src.subgraphs();
    if (subgraphs == nullptr || subgraphs->size() == 0) warn("the model has no subgraph");
    if (subgraphs != nullptr) {
        model.subgraphs.resize(subgraphs->size());
        for (flatbuffers::uoffset_t i = 0; i < subgraphs->size(); ++i)
            LITELAB_TRY(convert_subgraph(*subgraphs->Get(i), i, model.subgraphs[i]));
        for (size_t i = 0; i < model.subgraphs.size(); ++i) LITELAB_TRY(check_subgraph_references(i));
    }
    return convert_metadata_and_signatures(src);
}

Status Converter::convert_buffers(const tflite::Model& src) {
    const auto* buffers = src.buffers();
    if (buffers == nullptr) return Status::success();
    out_.model.buffers.resize(buffers->size());
    for (flatbuffers::uoffset_t i = 0; i < buffers->size(); ++i) {
        const tflite::Buffer* buffer = buffers->Get(i);
        Buffer& dst = out_.model.buffers[i];
        // TFLite treats offset 0 and 1 as "not stored outside" (1 is the converter's placeholder).
        if (buffer->offset() > 1) {
            const std::string what = "buffer " + std::to_string(i);
            LITELAB_TRY(check_external_range(buffer->offset(), buffer->size(), what));
            if (buffer->data() != nullptr && buffer->data()->size() > 0)
                warn(what + " has both inline data and an external offset; the external data is used");
            dst.data = Bytes(owner_, file_.subspan(buffer->offset(), buffer->size()));
            dst.external_offset = buffer->offset();
        } else if (buffer->data() != nullptr) {
            dst.data = Bytes(owner_, {buffer->data()->data(), buffer->data()->size()});
        }
    }
    if (!out_.model.buffers.empty() && !out_.model.buffers[0].data.empty())
        warn("buffer 0 is not empty (by convention it is the empty sentinel)");
    return Status::success();
}

Status Converter::convert_operator_codes(const tflite::Model& src) {
    const auto* codes = src.operator_codes();
    if (codes == nullptr) return Status::success();
    for (flatbuffers::uoffset_t i = 0; i < codes->size(); ++i) {
        const tflite::OperatorCode* code = codes->Get(i);
        OperatorCode dst;
        dst.deprecated_builtin_code = code->deprecated_builtin_code();
        dst.builtin_code = resolved_builtin_code(code->deprecated_builtin_code(), code->builtin_code());
        dst.custom_code = to_string(code->custom_code());
        dst.version = code->version();
        if (dst.builtin_code < tflite::BuiltinOperator_MIN || dst.builtin_code > tflite::BuiltinOperator_MAX)
            warn("operator code " + std::to_string(i) + " is builtin operator " +
                 std::to_string(static_cast<int>(dst.builtin_code)) + ", unknown to this version of LiteLab");
        if (dst.builtin_code == tflite::BuiltinOperator_CUSTOM && dst.custom_code.empty())
            warn("operator code " + std::to_string(i) + " is a custom operator without a name");
        out_.model.operator_codes.push_back(std::move(dst));
    }
    return Status::success();
}

Status Converter::convert_subgraph(const tflite::SubGraph& src, size_t index, Subgraph& dst) {
    const std::string where = "Subgraph#" + std::to_string(index);
    dst.name = to_string(src.name());
    dst.debug_metadata_index = src.debug_metadata_index();
    const auto* tensors = src.tensors();
    const size_t tensor_count = tensors == nullptr ? 0 : tensors->size();
    dst.tensors.resize(tensor_count);
    for (size_t i = 0; i < tensor_count; ++i) {
        const auto fi = static_cast<flatbuffers::uoffset_t>(i);
        LITELAB_TRY(convert_tensor(*tensors->Get(fi), where + " T#" + std::to_string(i), dst.tensors[i]));
    }

    auto check_io = [&](const flatbuffers::Vector<int32_t>* list, const char* what,
                        std::vector<int32_t>& out) -> Status {
        out = to_vector(list);
        for (int32_t t : out)
            if (t < 0 || static_cast<size_t>(t) >= tensor_count)
                return invalid(where + " " + what + " T#" + std::to_string(t) + " is out of range (" +
                               std::to_string(tensor_count) + " tensors)");
        return Status::success();
    };
    LITELAB_TRY(check_io(src.inputs(), "input", dst.inputs));
    LITELAB_TRY(check_io(src.outputs(), "output", dst.outputs));

    const auto* operators = src.operators();
    const size_t op_count = operators == nullptr ? 0 : operators->size();
    dst.operators.resize(op_count);
    for (size_t i = 0; i < op_count; ++i) {
        const auto fi = static_cast<flatbuffers::uoffset_t>(i);
        LITELAB_TRY(convert_operator(*operators->Get(fi), where + " Op#" + std::to_string(i), tensor_count,
                                     dst.operators[i]));
    }
    return Status::success();
}

Status Converter::convert_tensor(const tflite::Tensor& src, const std::string& where, Tensor& dst) {
    dst.name = to_string(src.name());
    const std::string label = where + "(" + dst.name + ")";
    const int type = static_cast<int>(src.type());
    if (!is_known_dtype(type)) return invalid(label + " has unknown type " + std::to_string(type));
    dst.type = static_cast<DType>(type);
    dst.shape = to_vector(src.shape());
    if (src.shape_signature() != nullptr) {
        dst.shape_signature = to_vector(src.shape_signature());
        if (dst.shape_signature->size() != dst.shape.size())
            warn(label + " shape_signature " + format_dims(*dst.shape_signature) + " and shape " +
                 format_dims(dst.shape) + " differ in rank");
    }
    const auto elements = element_count(dst.shape);
    if (!elements)
        return invalid(label + " has an invalid shape " + format_dims(dst.shape) +
                       (std::any_of(dst.shape.begin(), dst.shape.end(), [](int32_t d) { return d < 0; })
                            ? " (negative dimension)"
                            : " (too many elements)"));
    const auto bytes = dtype_storage_bytes(dst.type, *elements);
    if (bytes && *bytes > kMaxTensorBytes)
        return invalid(label + " shape " + format_dims(dst.shape) + " describes " + std::to_string(*bytes) +
                       " bytes, more than any real tensor");

    dst.buffer = src.buffer();
    if (dst.buffer >= out_.model.buffers.size())
        return invalid(label + " refers to buffer " + std::to_string(dst.buffer) + ", but the model has " +
                       std::to_string(out_.model.buffers.size()) + " buffers");
    dst.is_variable = src.is_variable();
    dst.external_buffer = src.external_buffer();
    dst.has_rank = src.has_rank();

    if (const auto* sparsity = src.sparsity()) {
        dst.sparsity.emplace();
        sparsity->UnPackTo(&*dst.sparsity);
        // Like option unions, index vectors may name a type without storing it; TFLite refuses.
        for (const auto& dim : dst.sparsity->dim_metadata) {
            if ((dim->array_segments.type != tflite::SparseIndexVector_NONE && dim->array_segments.value == nullptr) ||
                (dim->array_indices.type != tflite::SparseIndexVector_NONE && dim->array_indices.value == nullptr))
                return invalid(label + " has sparse index vectors that name a type but store none");
        }
    }
    if (const auto* variants = src.variant_tensors()) {
        for (const auto* variant : *variants) {
            tflite::VariantSubTypeT v;
            variant->UnPackTo(&v);
            dst.variant_tensors.push_back(std::move(v));
        }
    }

    const size_t data_size = out_.model.buffers[dst.buffer].data.size();
    if (data_size > 0 && bytes && !dst.sparsity && *bytes != data_size)
        return invalid(label + " shape " + format_dims(dst.shape) + " of " + std::string(dtype_name(dst.type)) +
                       " needs " + std::to_string(*bytes) + " bytes, but buffer " + std::to_string(dst.buffer) +
                       " holds " + std::to_string(data_size));

    if (const auto* q = src.quantization()) {
        Quantization quant;
        quant.min = to_vector(q->min());
        quant.max = to_vector(q->max());
        quant.scale = to_vector(q->scale());
        quant.zero_point = to_vector(q->zero_point());
        quant.quantized_dimension = q->quantized_dimension();
        if (q->details_type() != tflite::QuantizationDetails_NONE && q->details() == nullptr) {
            warn(label + " names quantization details but stores none");
        } else if (q->details_type() != tflite::QuantizationDetails_NONE) {
            quant.details.type = q->details_type();
            quant.details.value = tflite::QuantizationDetailsUnion::UnPack(q->details(), q->details_type(), nullptr);
        }
        if (!quant.scale.empty() && !quant.zero_point.empty() && quant.scale.size() != quant.zero_point.size())
            warn(label + " has " + std::to_string(quant.scale.size()) + " scales but " +
                 std::to_string(quant.zero_point.size()) + " zero points");
        if (quant.scale.size() > 1) {
            const auto axis = quant.quantized_dimension;
            if (axis < 0 || static_cast<size_t>(axis) >= dst.shape.size())
                warn(label + " is quantized per axis along dimension " + std::to_string(axis) + ", but has rank " +
                     std::to_string(dst.shape.size()));
            else if (static_cast<size_t>(dst.shape[static_cast<size_t>(axis)]) != quant.scale.size())
                warn(label + " has " + std::to_string(quant.scale.size()) + " scales for dimension " +
                     std::to_string(axis) + " of size " + std::to_string(dst.shape[static_cast<size_t>(axis)]));
        }
        dst.quantization = std::move(quant);
    }
    return Status::success();
}

Status Converter::convert_operator(const tflite::Operator& src, const std::string& where, size_t tensor_count,
                                   Operator& dst) {
    dst.opcode_index = src.opcode_index();
    if (dst.opcode_index >= out_.model.operator_codes.size())
        return invalid(where + " uses operator code " + std::to_string(dst.opcode_index) + ", but the model has " +
                       std::to_string(out_.model.operator_codes.size()));
    const std::string label = where + " " + out_.model.operator_codes[dst.opcode_index].name();

    auto check_tensors = [&](const flatbuffers::Vector<int32_t>* list, const char* what, bool optional_allowed,
                             std::vector<int32_t>& out) -> Status {
        out = to_vector(list);
        for (int32_t t : out) {
            if (optional_allowed && t == -1) continue;
            if (t < 0 || static_cast<size_t>(t) >= tensor_count)
                return invalid(label + " " + what + " T#" + std::to_string(t) + " is out of range (" +
                               std::to_string(tensor_count) + " tensors)");
        }
        return Status::success();
    };
    LITELAB_TRY(check_tensors(src.inputs(), "input", true, dst.inputs));
    LITELAB_TRY(check_tensors(src.outputs(), "output", true, dst.outputs));
    LITELAB_TRY(check_tensors(src.intermediates(), "intermediate", true, dst.intermediates));

    unpack_options(dst.builtin_options, src.builtin_options_type(), src.builtin_options(),
                   tflite::EnumNameBuiltinOptions(src.builtin_options_type()), label + " builtin options");
    unpack_options(dst.builtin_options_2, src.builtin_options_2_type(), src.builtin_options_2(),
                   tflite::EnumNameBuiltinOptions2(src.builtin_options_2_type()), label + " builtin options (2)");
    dst.custom_options = to_vector(src.custom_options());
    dst.custom_options_format = src.custom_options_format();
    if (const auto* mutating = src.mutating_variable_inputs())
        for (auto flag : *mutating) dst.mutating_variable_inputs.push_back(flag != 0);
    // Custom options stored outside the flatbuffer are brought inline: the Model has one place
    // for them, and the writer decides the layout of what it writes.
    if (src.large_custom_options_offset() > 1) {
        LITELAB_TRY(check_external_range(src.large_custom_options_offset(), src.large_custom_options_size(),
                                         label + " custom options"));
        const auto bytes = file_.subspan(src.large_custom_options_offset(), src.large_custom_options_size());
        dst.custom_options.assign(bytes.begin(), bytes.end());
    }
    dst.debug_metadata_index = src.debug_metadata_index();
    return Status::success();
}

// Control-flow operators name other subgraphs; an index out of range would send an interpreter
// off the end of the subgraph list.
Status Converter::check_subgraph_references(size_t subgraph_index) {
    const auto& subgraph = out_.model.subgraphs[subgraph_index];
    const size_t count = out_.model.subgraphs.size();
    for (size_t i = 0; i < subgraph.operators.size(); ++i) {
        const auto& op = subgraph.operators[i];
        std::vector<int32_t> targets;
        if (const auto* w = op.builtin_options.AsWhileOptions())
            targets = {w->cond_subgraph_index, w->body_subgraph_index};
        else if (const auto* f = op.builtin_options.AsIfOptions())
            targets = {f->then_subgraph_index, f->else_subgraph_index};
        else if (const auto* c = op.builtin_options.AsCallOnceOptions())
            targets = {c->init_subgraph_index};
        for (int32_t target : targets)
            if (target < 0 || static_cast<size_t>(target) >= count)
                return invalid("Subgraph#" + std::to_string(subgraph_index) + " Op#" + std::to_string(i) + " " +
                               out_.model.opcode(op).name() + " calls subgraph " + std::to_string(target) +
                               ", but the model has " + std::to_string(count));
    }
    return Status::success();
}

Status Converter::convert_metadata_and_signatures(const tflite::Model& src) {
    Model& model = out_.model;
    const size_t buffer_count = model.buffers.size();
    model.metadata_buffer = to_vector(src.metadata_buffer());
    for (int32_t b : model.metadata_buffer)
        if (b < 0 || static_cast<size_t>(b) >= buffer_count)
            return invalid("metadata_buffer refers to buffer " + std::to_string(b) + ", but the model has " +
                           std::to_string(buffer_count));
    if (const auto* metadata = src.metadata()) {
        for (const auto* entry : *metadata) {
            Metadata m{to_string(entry->name()), entry->buffer()};
            if (m.buffer >= buffer_count)
                return invalid("metadata '" + m.name + "' refers to buffer " + std::to_string(m.buffer) +
                               ", but the model has " + std::to_string(buffer_count));
            model.metadata.push_back(std::move(m));
        }
    }
    if (const auto* groups = src.external_buffer_groups())
        for (const auto* group : *groups) group->UnPackTo(&model.external_buffer_groups.emplace_back());
    if (const auto* externals = src.external_buffers()) {
        for (const auto* external : *externals) {
            tflite::ExternalBufferT e;
            external->UnPackTo(&e);
            if (e.group >= model.external_buffer_groups.size())
                warn("external buffer " + std::to_string(e.id) + " names group " + std::to_string(e.group) +
                     ", but the model has " + std::to_string(model.external_buffer_groups.size()));
            model.external_buffers.push_back(std::move(e));
        }
    }
    if (const auto* signatures = src.signature_defs()) {
        for (const auto* sig : *signatures) {
            SignatureDef def;
            def.signature_key = to_string(sig->signature_key());
            def.subgraph_index = sig->subgraph_index();
            const std::string label = "signature '" + def.signature_key + "'";
            if (def.subgraph_index >= model.subgraphs.size())
                return invalid(label + " refers to subgraph " + std::to_string(def.subgraph_index) +
                               ", but the model has " + std::to_string(model.subgraphs.size()));
            const size_t tensor_count = model.subgraphs[def.subgraph_index].tensors.size();
            auto convert_maps = [&](const auto* maps, std::vector<TensorMap>& out) -> Status {
                if (maps == nullptr) return Status::success();
                for (const auto* map : *maps) {
                    TensorMap m{to_string(map->name()), map->tensor_index()};
                    if (m.tensor_index >= tensor_count)
                        return invalid(label + " maps '" + m.name + "' to T#" + std::to_string(m.tensor_index) +
                                       ", but the subgraph has " + std::to_string(tensor_count) + " tensors");
                    out.push_back(std::move(m));
                }
                return Status::success();
            };
            LITELAB_TRY(convert_maps(sig->inputs(), def.inputs));
            LITELAB_TRY(convert_maps(sig->outputs(), def.outputs));
            model.signature_defs.push_back(std::move(def));
        }
    }
    return Status::success();
}

std::string printable_identifier(std::span<const uint8_t> id) {
    std::string text;
    for (uint8_t c : id) text += (c >= 0x20 && c < 0x7f) ? static_cast<char>(c) : '?';
    return text;
}

}  // namespace

Result<ReadModel> read_tflite_bytes(std::span<const uint8_t> bytes, std::shared_ptr<const void> owner,
                                    const std::string& name) {
    auto fail = [&](ErrorCode code, const std::string& text) { return make_error(code, name + ": " + text); };
    if (bytes.size() < 8)
        return fail(ErrorCode::kFormat, "too small to be a TFLite model (" + std::to_string(bytes.size()) + " bytes)");
    if (!flatbuffers::BufferHasIdentifier(bytes.data(), tflite::ModelIdentifier()))
        return fail(ErrorCode::kFormat, "not a TFLite model (file identifier '" +
                                            printable_identifier(bytes.subspan(4, 4)) + "', expected 'TFL3')");

    // The flatbuffer itself lives in the first 2 GiB; larger files keep buffers after it.
    const size_t verify_size = std::min<size_t>(bytes.size(), FLATBUFFERS_MAX_BUFFER_SIZE - 1);
    // Flatbuffers lets many offsets share one table, so a few kilobytes could describe millions
    // of tensors. A table takes at least 4 bytes of its own: more tables than that means sharing.
    const auto max_tables = static_cast<flatbuffers::uoffset_t>(std::min<size_t>(50'000'000, verify_size / 4 + 64));
    flatbuffers::Verifier verifier(bytes.data(), verify_size, /*max_depth=*/64, max_tables);
    if (!tflite::VerifyModelBuffer(verifier))
        return fail(ErrorCode::kFormat, "corrupt TFLite flatbuffer (truncated, or offsets point outside the file)");

    ReadModel result;
    result.file_size = bytes.size();
    Converter converter(bytes, std::move(owner), result);
    if (auto status = converter.convert(*tflite::GetModel(bytes.data())); !status)
        return Error{status.error().code, one_line(name + ": " + status.error().message)};
    for (auto& warning : result.warnings) warning = one_line(warning);
    return result;
}

Result<ReadModel> read_tflite_file(const std::string& path) {
    auto file = MappedFile::open(path);
    if (!file) return file.error();
    const auto bytes = (*file)->bytes();
    return read_tflite_bytes(bytes, *file, path);
}

}  // namespace litelab
