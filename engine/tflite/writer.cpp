#include "tflite/writer.h"

#include <flatbuffers/flatbuffers.h>

#include "core/atomic_file.h"

namespace litelab {
namespace {

constexpr size_t kBufferAlignment = 16;
// Leave room under the 2 GiB flatbuffer limit for everything that is not weights.
constexpr uint64_t kInlineBufferLimit = (uint64_t{1} << 31) - (uint64_t{256} << 20);
// Marks an external buffer's offset before the real one is known (TFLite's converter uses 1 too).
constexpr uint64_t kOffsetPlaceholder = 1;

namespace fb = flatbuffers;

template <class T>
fb::Offset<fb::Vector<T>> vector_or_null(fb::FlatBufferBuilder& fbb, const std::vector<T>& v) {
    return v.empty() ? 0 : fbb.CreateVector(v);
}

fb::Offset<fb::String> string_or_null(fb::FlatBufferBuilder& fbb, const std::string& s) {
    return s.empty() ? 0 : fbb.CreateString(s);
}

fb::Offset<tflite::QuantizationParameters> pack_quantization(fb::FlatBufferBuilder& fbb, const Quantization& q) {
    const auto min = vector_or_null(fbb, q.min);
    const auto max = vector_or_null(fbb, q.max);
    const auto scale = vector_or_null(fbb, q.scale);
    const auto zero_point = vector_or_null(fbb, q.zero_point);
    const auto details = q.details.Pack(fbb);
    tflite::QuantizationParametersBuilder b(fbb);
    b.add_min(min);
    b.add_max(max);
    b.add_scale(scale);
    b.add_zero_point(zero_point);
    b.add_details_type(q.details.value != nullptr ? q.details.type : tflite::QuantizationDetails_NONE);
    b.add_details(details);
    b.add_quantized_dimension(q.quantized_dimension);
    return b.Finish();
}

fb::Offset<tflite::Tensor> pack_tensor(fb::FlatBufferBuilder& fbb, const Tensor& t) {
    // The shape vector is written even when empty: a scalar has shape [] and TFLite reads a
    // missing shape the same way, but keeping it makes round trips exact.
    const auto shape = fbb.CreateVector(t.shape);
    const auto signature = t.shape_signature ? fbb.CreateVector(*t.shape_signature) : 0;
    const auto name = fbb.CreateString(t.name);
    const auto quantization = t.quantization ? pack_quantization(fbb, *t.quantization) : 0;
    const auto sparsity = t.sparsity ? tflite::SparsityParameters::Pack(fbb, &*t.sparsity) : 0;
    fb::Offset<fb::Vector<fb::Offset<tflite::VariantSubType>>> variants = 0;
    if (!t.variant_tensors.empty()) {
        std::vector<fb::Offset<tflite::VariantSubType>> items;
        for (const auto& v : t.variant_tensors) items.push_back(tflite::VariantSubType::Pack(fbb, &v));
        variants = fbb.CreateVector(items);
    }
    tflite::TensorBuilder b(fbb);
    b.add_shape(shape);
    b.add_type(static_cast<tflite::TensorType>(t.type));
    b.add_buffer(t.buffer);
    b.add_name(name);
    b.add_quantization(quantization);
    b.add_is_variable(t.is_variable);
    b.add_sparsity(sparsity);
    b.add_shape_signature(signature);
    b.add_has_rank(t.has_rank);
    b.add_variant_tensors(variants);
    b.add_external_buffer(t.external_buffer);
    return b.Finish();
}

fb::Offset<tflite::Operator> pack_operator(fb::FlatBufferBuilder& fbb, const Operator& op) {
    const auto inputs = fbb.CreateVector(op.inputs);
    const auto outputs = fbb.CreateVector(op.outputs);
    const auto intermediates = vector_or_null(fbb, op.intermediates);
    const auto options = op.builtin_options.Pack(fbb);
    const auto options_2 = op.builtin_options_2.Pack(fbb);
    const auto custom = vector_or_null(fbb, op.custom_options);
    fb::Offset<fb::Vector<uint8_t>> mutating = 0;
    if (!op.mutating_variable_inputs.empty()) {
        std::vector<uint8_t> flags(op.mutating_variable_inputs.begin(), op.mutating_variable_inputs.end());
        mutating = fbb.CreateVector(flags);
    }
    tflite::OperatorBuilder b(fbb);
    b.add_opcode_index(op.opcode_index);
    b.add_inputs(inputs);
    b.add_outputs(outputs);
    b.add_builtin_options_type(op.builtin_options.value != nullptr ? op.builtin_options.type
                                                                   : tflite::BuiltinOptions_NONE);
    b.add_builtin_options(options);
    b.add_custom_options(custom);
    b.add_custom_options_format(op.custom_options_format);
    b.add_mutating_variable_inputs(mutating);
    b.add_intermediates(intermediates);
    b.add_builtin_options_2_type(op.builtin_options_2.value != nullptr ? op.builtin_options_2.type
                                                                       : tflite::BuiltinOptions2_NONE);
    b.add_builtin_options_2(options_2);
    b.add_debug_metadata_index(op.debug_metadata_index);
    return b.Finish();
}

fb::Offset<tflite::SubGraph> pack_subgraph(fb::FlatBufferBuilder& fbb, const Subgraph& s) {
    std::vector<fb::Offset<tflite::Tensor>> tensors;
    tensors.reserve(s.tensors.size());
    for (const auto& t : s.tensors) tensors.push_back(pack_tensor(fbb, t));
    std::vector<fb::Offset<tflite::Operator>> operators;
    operators.reserve(s.operators.size());
    for (const auto& op : s.operators) operators.push_back(pack_operator(fbb, op));
    const auto tensors_vec = fbb.CreateVector(tensors);
    const auto inputs = fbb.CreateVector(s.inputs);
    const auto outputs = fbb.CreateVector(s.outputs);
    const auto operators_vec = fbb.CreateVector(operators);
    const auto name = string_or_null(fbb, s.name);
    tflite::SubGraphBuilder b(fbb);
    b.add_tensors(tensors_vec);
    b.add_inputs(inputs);
    b.add_outputs(outputs);
    b.add_operators(operators_vec);
    b.add_name(name);
    b.add_debug_metadata_index(s.debug_metadata_index);
    return b.Finish();
}

fb::Offset<fb::Vector<fb::Offset<tflite::TensorMap>>> pack_tensor_maps(fb::FlatBufferBuilder& fbb,
                                                                      const std::vector<TensorMap>& maps) {
    std::vector<fb::Offset<tflite::TensorMap>> items;
    for (const auto& m : maps) {
        const auto name = fbb.CreateString(m.name);
        items.push_back(tflite::CreateTensorMap(fbb, name, m.tensor_index));
    }
    return fbb.CreateVector(items);
}

bool wants_external_buffers(const Model& model, const WriteOptions& options) {
    if (options.external_buffers) return true;
    uint64_t total = 0;
    for (const auto& buffer : model.buffers) total += buffer.data.size() + kBufferAlignment;
    return total > kInlineBufferLimit;
}

uint64_t align_up(uint64_t value, uint64_t alignment) { return (value + alignment - 1) / alignment * alignment; }

// Builds the flatbuffer. With external buffers, each non-empty buffer gets a placeholder
// offset and its size; place_external_buffers() fills in the offsets once the size is known.
void build_flatbuffer(fb::FlatBufferBuilder& fbb, const Model& model, bool external) {
    std::vector<fb::Offset<tflite::Buffer>> buffers;
    buffers.reserve(model.buffers.size());
    for (const auto& buffer : model.buffers) {
        if (buffer.data.empty()) {
            buffers.push_back(tflite::CreateBuffer(fbb));
        } else if (external) {
            buffers.push_back(tflite::CreateBuffer(fbb, 0, kOffsetPlaceholder, buffer.data.size()));
        } else {
            fbb.ForceVectorAlignment(buffer.data.size(), sizeof(uint8_t), kBufferAlignment);
            const auto data = fbb.CreateVector(buffer.data.data(), buffer.data.size());
            buffers.push_back(tflite::CreateBuffer(fbb, data));
        }
    }
    const auto buffers_vec = fbb.CreateVector(buffers);

    std::vector<fb::Offset<tflite::OperatorCode>> codes;
    for (const auto& code : model.operator_codes) {
        const auto custom = string_or_null(fbb, code.custom_code);
        tflite::OperatorCodeBuilder b(fbb);
        // Old readers only know deprecated_builtin_code; it saturates at the placeholder 127
        // for operators numbered past int8's range, as TFLite's writer does. A stored value
        // left unset (0) by the file's writer is kept, so rewriting a file changes nothing.
        const int32_t code_value = static_cast<int32_t>(code.builtin_code);
        const auto saturated = static_cast<int8_t>(std::min(code_value, 127));
        b.add_deprecated_builtin_code(code.deprecated_builtin_code == 0 ? int8_t{0} : saturated);
        b.add_custom_code(custom);
        b.add_version(code.version);
        b.add_builtin_code(code.builtin_code);
        codes.push_back(b.Finish());
    }
    const auto codes_vec = fbb.CreateVector(codes);

    std::vector<fb::Offset<tflite::SubGraph>> subgraphs;
    for (const auto& s : model.subgraphs) subgraphs.push_back(pack_subgraph(fbb, s));
    const auto subgraphs_vec = fbb.CreateVector(subgraphs);
    const auto description = string_or_null(fbb, model.description);
    const auto metadata_buffer = vector_or_null(fbb, model.metadata_buffer);

    std::vector<fb::Offset<tflite::Metadata>> metadata;
    for (const auto& m : model.metadata) {
        const auto name = fbb.CreateString(m.name);
        metadata.push_back(tflite::CreateMetadata(fbb, name, m.buffer));
    }
    const auto metadata_vec = metadata.empty() ? 0 : fbb.CreateVector(metadata);

    std::vector<fb::Offset<tflite::SignatureDef>> signatures;
    for (const auto& sig : model.signature_defs) {
        const auto inputs = pack_tensor_maps(fbb, sig.inputs);
        const auto outputs = pack_tensor_maps(fbb, sig.outputs);
        const auto key = fbb.CreateString(sig.signature_key);
        tflite::SignatureDefBuilder b(fbb);
        b.add_inputs(inputs);
        b.add_outputs(outputs);
        b.add_signature_key(key);
        b.add_subgraph_index(sig.subgraph_index);
        signatures.push_back(b.Finish());
    }
    const auto signatures_vec = signatures.empty() ? 0 : fbb.CreateVector(signatures);

    std::vector<fb::Offset<tflite::ExternalBufferGroup>> groups;
    for (const auto& g : model.external_buffer_groups) groups.push_back(tflite::ExternalBufferGroup::Pack(fbb, &g));
    const auto groups_vec = groups.empty() ? 0 : fbb.CreateVector(groups);
    std::vector<fb::Offset<tflite::ExternalBuffer>> externals;
    for (const auto& e : model.external_buffers) externals.push_back(tflite::ExternalBuffer::Pack(fbb, &e));
    const auto externals_vec = externals.empty() ? 0 : fbb.CreateVector(externals);

    tflite::ModelBuilder b(fbb);
    b.add_version(model.version);
    b.add_operator_codes(codes_vec);
    b.add_subgraphs(subgraphs_vec);
    b.add_description(description);
    b.add_buffers(buffers_vec);
    b.add_metadata_buffer(metadata_buffer);
    b.add_metadata(metadata_vec);
    b.add_signature_defs(signatures_vec);
    b.add_external_buffer_groups(groups_vec);
    b.add_external_buffers(externals_vec);
    tflite::FinishModelBuffer(fbb, b.Finish());
}

// Assigns each external buffer its offset in the file (after the flatbuffer, 16-byte
// aligned) by patching the placeholders in place. Returns the offsets, one per buffer.
std::vector<uint64_t> place_external_buffers(uint8_t* flatbuffer, size_t flatbuffer_size, const Model& model) {
    std::vector<uint64_t> offsets(model.buffers.size(), 0);
    auto* buffers = tflite::GetMutableModel(flatbuffer)->mutable_buffers();
    uint64_t position = align_up(flatbuffer_size, kBufferAlignment);
    for (size_t i = 0; i < model.buffers.size(); ++i) {
        if (model.buffers[i].data.empty()) continue;
        offsets[i] = position;
        buffers->GetMutableObject(static_cast<fb::uoffset_t>(i))->mutate_offset(position);
        position = align_up(position + model.buffers[i].data.size(), kBufferAlignment);
    }
    return offsets;
}

Status check_model_is_writable(const Model& model) {
    for (size_t i = 0; i < model.subgraphs.size(); ++i)
        for (const auto& t : model.subgraphs[i].tensors)
            if (t.buffer >= model.buffers.size())
                return make_error(ErrorCode::kInvalid, "tensor '" + t.name + "' refers to buffer " +
                                                           std::to_string(t.buffer) + " of " +
                                                           std::to_string(model.buffers.size()));
    return Status::success();
}

// The flatbuffer, and where each external buffer's data goes after it (offsets[i] == 0: the
// buffer is empty or inline). The detached buffer is ours to patch in place.
struct FileLayout {
    fb::DetachedBuffer head;
    std::vector<uint64_t> offsets;
};

Result<FileLayout> lay_out(const Model& model, const WriteOptions& options) {
    LITELAB_TRY(check_model_is_writable(model));
    const bool external = wants_external_buffers(model, options);
    fb::FlatBufferBuilder fbb(1 << 16);
    build_flatbuffer(fbb, model, external);
    FileLayout layout{fbb.Release(), std::vector<uint64_t>(model.buffers.size(), 0)};
    if (external) layout.offsets = place_external_buffers(layout.head.data(), layout.head.size(), model);
    return layout;
}

}  // namespace

Result<std::vector<uint8_t>> serialize_tflite(const Model& model, const WriteOptions& options) {
    auto layout = lay_out(model, options);
    if (!layout) return layout.error();
    std::vector<uint8_t> bytes(layout->head.data(), layout->head.data() + layout->head.size());
    for (size_t i = 0; i < layout->offsets.size(); ++i) {
        if (layout->offsets[i] == 0) continue;
        bytes.resize(layout->offsets[i], 0);
        const auto data = model.buffers[i].data.span();
        bytes.insert(bytes.end(), data.begin(), data.end());
    }
    return bytes;
}

Status write_tflite_file(const Model& model, const std::string& path, const WriteOptions& options) {
    auto layout = lay_out(model, options);
    if (!layout) return Error{layout.error().code, path + ": " + layout.error().message};
    auto file = AtomicFile::create(path);
    if (!file) return file.error();
    LITELAB_TRY(file->write({layout->head.data(), layout->head.size()}));
    for (size_t i = 0; i < layout->offsets.size(); ++i) {
        if (layout->offsets[i] == 0) continue;
        LITELAB_TRY(file->write_sparse(std::vector<uint8_t>(layout->offsets[i] - file->position(), 0)));
        LITELAB_TRY(file->write_sparse(model.buffers[i].data.span()));
    }
    return file->commit();
}

}  // namespace litelab
