// Interop cases for the layout kernels: one model per operator x type x interesting option.
// Output shapes are filled in by compiling each model once (the peers recompute them anyway).
#include "op_case.h"

namespace litelab::test {

namespace {

using Op = tflite::BuiltinOperator;

constexpr DType kFloat32 = DType::kFloat32, kInt8 = DType::kInt8, kUInt8 = DType::kUInt8, kInt16 = DType::kInt16,
                kInt32 = DType::kInt32, kInt64 = DType::kInt64, kBool = DType::kBool;

void add_transpose(std::vector<OpCase>& cases) {
    for (DType type : {kFloat32, kInt8, kUInt8, kInt16, kInt32, kInt64, kBool}) {
        CaseModel m("TRANSPOSE_" + type_label(type) + "_nhwc_to_nchw");
        const int32_t in = m.input(type, {2, 3, 4, 5});
        m.output(type);
        m.op(Op::BuiltinOperator_TRANSPOSE, {in, m.ints({4}, {0, 3, 1, 2})});
        cases.push_back(std::move(m).finish());
    }
    CaseModel m("TRANSPOSE_float32_rank6");
    const int32_t in = m.input(kFloat32, {2, 3, 1, 2, 2, 3});
    m.output(kFloat32);
    m.op(Op::BuiltinOperator_TRANSPOSE, {in, m.ints({6}, {5, 3, 0, 4, 2, 1})});
    cases.push_back(std::move(m).finish());
}

void add_concatenation(std::vector<OpCase>& cases) {
    for (DType type : {kFloat32, kInt8, kUInt8, kInt16, kInt32, kInt64}) {
        CaseModel m("CONCATENATION_" + type_label(type) + "_axis1_three_inputs");
        const int32_t a = m.input(type, {2, 3, 4}), b = m.input(type, {2, 1, 4}), c = m.input(type, {2, 2, 4});
        m.output(type);
        tflite::ConcatenationOptionsT options;
        options.axis = 1;
        m.op(Op::BuiltinOperator_CONCATENATION, {a, b, c}, options_of(options));
        cases.push_back(std::move(m).finish());
    }
    {
        CaseModel m("CONCATENATION_float32_negative_axis");
        const int32_t a = m.input(kFloat32, {2, 3, 2}), b = m.input(kFloat32, {2, 3, 5});
        m.output(kFloat32);
        tflite::ConcatenationOptionsT options;
        options.axis = -1;
        m.op(Op::BuiltinOperator_CONCATENATION, {a, b}, options_of(options));
        cases.push_back(std::move(m).finish());
    }
    {
        // UINT8 inputs with their own scales and zero points: rescaled to the output's.
        CaseModel m("CONCATENATION_uint8_rescaled_inputs");
        const int32_t a = m.input(kUInt8, {1, 4, 3}, quant(0.03f, 100));
        const int32_t b = m.input(kUInt8, {1, 4, 2}, quant(0.01f, 5));
        const int32_t c = m.input(kUInt8, {1, 4, 1}, quant(0.02f, 128));
        m.output(kUInt8, quant(0.02f, 128));
        tflite::ConcatenationOptionsT options;
        options.axis = 2;
        m.op(Op::BuiltinOperator_CONCATENATION, {a, b, c}, options_of(options));
        OpCase rescaled = std::move(m).finish();
        rescaled.unreliable_peers = {
            {"armnn", "rescales in its own arithmetic (about 4% of the values differ by one)"},
            {"tfweb", "copies the inputs' bytes without rescaling them"}};
        cases.push_back(std::move(rescaled));
    }
}

void add_pack_unpack(std::vector<OpCase>& cases) {
    for (DType type : {kFloat32, kInt8, kUInt8, kInt16, kInt32, kInt64}) {
        CaseModel m("PACK_" + type_label(type) + "_axis1");
        const int32_t a = m.input(type, {3, 4}), b = m.input(type, {3, 4});
        m.output(type);
        tflite::PackOptionsT options;
        options.values_count = 2;
        options.axis = 1;
        m.op(Op::BuiltinOperator_PACK, {a, b}, options_of(options));
        cases.push_back(std::move(m).finish());

        if (type == kInt64) continue;  // no peer unpacks INT64 (TFLite refuses it)
        CaseModel u("UNPACK_" + type_label(type) + "_axis_minus1");
        const int32_t in = u.input(type, {2, 3, 3});
        for (int o = 0; o < 3; ++o) u.output(type);
        tflite::UnpackOptionsT unpack;
        unpack.num = 3;
        unpack.axis = -1;
        u.op(Op::BuiltinOperator_UNPACK, {in}, options_of(unpack));
        cases.push_back(std::move(u).finish());
    }
}

void add_split(std::vector<OpCase>& cases) {
    for (DType type : {kFloat32, kInt8, kUInt8, kInt16, kInt32}) {
        CaseModel m("SPLIT_" + type_label(type) + "_three_ways");
        const int32_t axis = m.ints({}, {1});
        const int32_t in = m.input(type, {2, 6, 3});
        for (int o = 0; o < 3; ++o) m.output(type);
        tflite::SplitOptionsT options;
        options.num_splits = 3;
        m.op(Op::BuiltinOperator_SPLIT, {axis, in}, options_of(options));
        cases.push_back(std::move(m).finish());
    }
    for (DType type : {kFloat32, kInt8, kInt32}) {
        CaseModel m("SPLIT_V_" + type_label(type) + "_inferred_part");
        const int32_t in = m.input(type, {3, 7});
        for (int o = 0; o < 3; ++o) m.output(type);
        tflite::SplitVOptionsT options;
        options.num_splits = 3;
        m.op(Op::BuiltinOperator_SPLIT_V, {in, m.ints({3}, {2, -1, 1}), m.ints({}, {-1})}, options_of(options));
        cases.push_back(std::move(m).finish());
    }
}

void add_slices(std::vector<OpCase>& cases) {
    for (DType type : {kFloat32, kInt8, kUInt8, kInt16, kInt32, kInt64, kBool}) {
        CaseModel m("SLICE_" + type_label(type));
        const int32_t in = m.input(type, {3, 4, 5});
        m.output(type);
        m.op(Op::BuiltinOperator_SLICE, {in, m.ints({3}, {1, 0, 2}), m.ints({3}, {2, -1, 2})});
        cases.push_back(std::move(m).finish());

        CaseModel s("STRIDED_SLICE_" + type_label(type) + "_strided");
        const int32_t x = s.input(type, {3, 4, 5});
        s.output(type);
        s.op(Op::BuiltinOperator_STRIDED_SLICE, {x, s.ints({3}, {0, 1, 0}), s.ints({3}, {3, 4, 5}), s.ints({3}, {2, 2, 1})},
             options_of(tflite::StridedSliceOptionsT{}));
        cases.push_back(std::move(s).finish());
    }
    struct Variant {
        const char* name;
        std::vector<int32_t> begin, end, strides;
        int begin_mask, end_mask, shrink, ellipsis, new_axis;
        bool offset;
    };
    const Variant variants[] = {
        {"reversed", {-1, 3, 0}, {0, 0, 5}, {-1, -2, 1}, 1, 0, 0, 0, 0, false},
        {"masks_and_clamping", {-100, 1, 2}, {100, 0, -1}, {1, 1, 1}, 0, 2, 0, 0, 0, false},
        {"shrink", {1, 0, -1}, {2, 4, 0}, {1, 1, 1}, 0, 0, 5, 0, 0, false},
        {"ellipsis", {0, 1}, {0, 3}, {1, 1}, 0, 0, 0, 1, 0, false},
        {"new_axis", {0, 0, 1}, {0, 0, 3}, {1, 1, 1}, 1, 1, 0, 0, 2, false},
        {"offset", {1, 1, 1}, {2, 2, 3}, {1, 1, 1}, 0, 0, 0, 0, 0, true},
    };
    for (const Variant& v : variants) {
        CaseModel s(std::string("STRIDED_SLICE_float32_") + v.name);
        const int32_t x = s.input(kFloat32, {3, 4, 5});
        s.output(kFloat32);
        tflite::StridedSliceOptionsT options;
        options.begin_mask = v.begin_mask;
        options.end_mask = v.end_mask;
        options.shrink_axis_mask = v.shrink;
        options.ellipsis_mask = v.ellipsis;
        options.new_axis_mask = v.new_axis;
        options.offset = v.offset;
        const auto n = static_cast<int32_t>(v.begin.size());
        s.op(Op::BuiltinOperator_STRIDED_SLICE, {x, s.ints({n}, v.begin), s.ints({n}, v.end), s.ints({n}, v.strides)},
             options_of(options));
        OpCase c = std::move(s).finish();
        if (v.offset) c.unreliable_peers.push_back({"tfweb", "predates the offset option and ignores it"});
        cases.push_back(std::move(c));
    }
}

void add_gather(std::vector<OpCase>& cases) {
    for (DType type : {kFloat32, kInt8, kUInt8, kInt16, kInt32, kInt64, kBool}) {
        CaseModel m("GATHER_" + type_label(type) + "_axis1");
        const int32_t params = m.input(type, {2, 5, 3});
        m.output(type);
        tflite::GatherOptionsT options;
        options.axis = 1;
        m.op(Op::BuiltinOperator_GATHER, {params, m.ints({2, 3}, {4, 0, 2, 2, 1, 3})}, options_of(options));
        cases.push_back(std::move(m).finish());
    }
    {
        CaseModel m("GATHER_float32_int64_indices_axis0");
        const int32_t params = m.input(kFloat32, {4, 3});
        m.output(kFloat32);
        m.op(Op::BuiltinOperator_GATHER, {params, m.constant(kInt64, {5}, std::vector<int64_t>{3, 3, 0, 1, 2})},
             options_of(tflite::GatherOptionsT{}));
        cases.push_back(std::move(m).finish());
    }
    {
        CaseModel m("GATHER_float32_batch_dims1");
        const int32_t params = m.input(kFloat32, {2, 4, 3});
        m.output(kFloat32);
        tflite::GatherOptionsT options;
        options.axis = 1;
        options.batch_dims = 1;
        m.op(Op::BuiltinOperator_GATHER, {params, m.ints({2, 3}, {3, 0, 1, 2, 2, 0})}, options_of(options));
        cases.push_back(std::move(m).finish());
    }
    {
        // Indices fed at run time, drawn inside the axis.
        CaseModel m("GATHER_int32_runtime_indices");
        const int32_t params = m.input(kInt32, {6, 2});
        const int32_t indices = m.input(kInt32, {4});
        m.output(kInt32);
        m.op(Op::BuiltinOperator_GATHER, {params, indices}, options_of(tflite::GatherOptionsT{}));
        OpCase c = std::move(m).finish();
        c.int_low = 0;
        c.int_high = 5;
        cases.push_back(std::move(c));
    }
}

void add_pads(std::vector<OpCase>& cases) {
    for (DType type : {kFloat32, kInt8, kUInt8, kInt16, kInt32, kInt64}) {
        CaseModel m("PAD_" + type_label(type));
        const int32_t in = m.input(type, {1, 3, 4, 2});
        m.output(type);
        m.op(Op::BuiltinOperator_PAD, {in, m.ints({4, 2}, {0, 0, 1, 2, 2, 0, 0, 1})});
        OpCase c = std::move(m).finish();
        if (type == kInt8 || type == kUInt8)
            c.unreliable_peers.push_back({"armnn", "pads quantized tensors with 0, not the zero point"});
        cases.push_back(std::move(c));
    }
    {
        CaseModel m("PADV2_float32_constant_value");
        const int32_t in = m.input(kFloat32, {2, 3});
        m.output(kFloat32);
        m.op(Op::BuiltinOperator_PADV2, {in, m.ints({2, 2}, {1, 1, 0, 2}), m.constant(kFloat32, {}, std::vector<float>{0.75f})});
        cases.push_back(std::move(m).finish());
    }
    {
        CaseModel m("PADV2_int8_constant_value");
        const int32_t in = m.input(kInt8, {1, 2, 3, 1});
        m.output(kInt8);
        m.op(Op::BuiltinOperator_PADV2,
             {in, m.ints({4, 2}, {0, 0, 1, 1, 2, 0, 0, 0}), m.constant(kInt8, {}, std::vector<int8_t>{42})});
        cases.push_back(std::move(m).finish());
    }
    for (auto mode : {tflite::MirrorPadMode_REFLECT, tflite::MirrorPadMode_SYMMETRIC}) {
        const std::string mode_name = mode == tflite::MirrorPadMode_REFLECT ? "reflect" : "symmetric";
        for (DType type : {kFloat32, kInt8, kUInt8, kInt16, kInt32, kInt64}) {
            if (mode == tflite::MirrorPadMode_SYMMETRIC && type != kFloat32 && type != kInt8) continue;
            CaseModel m("MIRROR_PAD_" + type_label(type) + "_" + mode_name);
            const int32_t in = m.input(type, {1, 3, 4, 2});
            m.output(type);
            tflite::MirrorPadOptionsT options;
            options.mode = mode;
            m.op(Op::BuiltinOperator_MIRROR_PAD, {in, m.ints({4, 2}, {0, 0, 2, 1, 1, 2, 0, 0})}, options_of(options));
            cases.push_back(std::move(m).finish());
        }
    }
}

// Where Arm NN 20.08 (CpuRef) is known to compute resizes differently from LiteRT and TFLite.
const char* armnn_resize_problem(bool bilinear, DType type, bool align_corners, bool half_pixel_centers) {
    if (half_pixel_centers) return "ignores half_pixel_centers";
    if (!bilinear && align_corners) return "ignores align_corners when resizing to the nearest neighbour";
    if (bilinear && type == kInt16) return "resizes INT16 tensors wrongly (differences in the hundreds)";
    if (bilinear && type != kFloat32 && !align_corners)
        return "rounds 8-bit bilinear resizes its own way (3-5% of the values differ by one from LiteRT's)";
    return nullptr;
}

void add_resizes(std::vector<OpCase>& cases) {
    struct Mode {
        const char* name;
        bool align_corners, half_pixel_centers;
    };
    for (Mode mode : {Mode{"default", false, false}, Mode{"align_corners", true, false}, Mode{"half_pixel", false, true}}) {
        for (DType type : {kFloat32, kInt8, kUInt8, kInt16}) {
            for (bool bilinear : {true, false}) {
                // Up in height, down in width (odd sizes exercise the rounding of the scales).
                CaseModel m(std::string(bilinear ? "RESIZE_BILINEAR_" : "RESIZE_NEAREST_NEIGHBOR_") + type_label(type) +
                            "_" + mode.name);
                const int32_t in = m.input(type, {1, 5, 7, 3});
                m.output(type);
                tflite::BuiltinOptionsUnion options;
                if (bilinear) {
                    tflite::ResizeBilinearOptionsT o;
                    o.align_corners = mode.align_corners;
                    o.half_pixel_centers = mode.half_pixel_centers;
                    options.Set(o);
                } else {
                    tflite::ResizeNearestNeighborOptionsT o;
                    o.align_corners = mode.align_corners;
                    o.half_pixel_centers = mode.half_pixel_centers;
                    options.Set(o);
                }
                m.op(bilinear ? Op::BuiltinOperator_RESIZE_BILINEAR : Op::BuiltinOperator_RESIZE_NEAREST_NEIGHBOR,
                     {in, m.ints({2}, {12, 4})}, std::move(options));
                OpCase c = std::move(m).finish();
                if (const char* why = armnn_resize_problem(bilinear, type, mode.align_corners, mode.half_pixel_centers))
                    c.unreliable_peers.push_back({"armnn", why});
                cases.push_back(std::move(c));
            }
        }
    }
}

}  // namespace

std::vector<OpCase> layout_op_cases() {
    std::vector<OpCase> cases;
    add_transpose(cases);
    add_concatenation(cases);
    add_pack_unpack(cases);
    add_split(cases);
    add_slices(cases);
    add_gather(cases);
    add_pads(cases);
    add_resizes(cases);
    return cases;
}

}  // namespace litelab::test
