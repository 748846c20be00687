// The Qt-free part of the inspector: decoding every stored type, statistics, histogram bins and
// the .npy/CSV writers. Expected values are worked out by hand in the comments.
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

#include "npy/npy.h"
#include "tensor_test_support.h"
#include "tests.h"
#include "viewers/tensor/tensor_export.h"
#include "viewers/tensor/tensor_stats.h"

namespace litelab::test {

using viewers::compute_histogram;
using viewers::compute_stats;
using viewers::format_element;

QString read_text_file(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    return QString::fromUtf8(file.readAll());
}

class TensorDataTest : public QObject {
    Q_OBJECT

private slots:
    void float_statistics() {
        // [1, -2, 0, 3, 0, 4]: mean 6/6 = 1; squared deviations 0,9,1,4,1,9 sum to 24, so std = sqrt(4) = 2.
        const auto values = values_of(model_with(DType::kFloat32, {2, 3}, bytes_of<float>({1, -2, 0, 3, 0, 4})));
        const auto stats = compute_stats(values);
        QCOMPARE(stats.stored.count, uint64_t{6});
        QCOMPARE(stats.stored.min, -2.0);
        QCOMPARE(stats.stored.max, 4.0);
        QCOMPARE(stats.stored.mean, 1.0);
        QCOMPARE(stats.stored.std, 2.0);
        QCOMPARE(stats.stored.zeros, uint64_t{2});
        QCOMPARE(stats.stored.sparsity(), 2.0 / 6.0);
        QVERIFY(!stats.real.has_value());
    }

    void non_finite_values_are_counted_apart() {
        const float inf = std::numeric_limits<float>::infinity();
        const auto values = values_of(
            model_with(DType::kFloat32, {4}, bytes_of<float>({2, std::numeric_limits<float>::quiet_NaN(), -inf, 4})));
        const auto stats = compute_stats(values);
        QCOMPARE(stats.stored.non_finite, uint64_t{2});
        QCOMPARE(stats.stored.min, 2.0);
        QCOMPARE(stats.stored.max, 4.0);
        QCOMPARE(stats.stored.mean, 3.0);
        QCOMPARE(stats.stored.std, 1.0);
    }

    void float16_bit_patterns() {
        // 1.0, -2.0, the half nearest 1/3 (0x3555 = 1365/4096 = 0.333251953125), the smallest
        // subnormal 2^-24, the largest half 65504, -inf, and a NaN.
        const auto values = values_of(model_with(
            DType::kFloat16, {7}, bytes_of<uint16_t>({0x3C00, 0xC000, 0x3555, 0x0001, 0x7BFF, 0xFC00, 0x7E00})));
        QCOMPARE(values.element(0).f, 1.0);
        QCOMPARE(values.element(1).f, -2.0);
        QCOMPARE(values.element(2).f, 0.333251953125);
        QCOMPARE(values.element(3).f, std::ldexp(1.0, -24));
        QCOMPARE(values.element(4).f, 65504.0);
        QVERIFY(std::isinf(values.element(5).f) && values.element(5).f < 0);
        QVERIFY(std::isnan(values.element(6).f));
        QCOMPARE(format_element(values.element(2), DType::kFloat16), std::string("0.33325195"));
    }

    void bfloat16_and_float8() {
        // bfloat16 is the top half of a float: 0x3F80 -> 1.0, 0xC0A0 -> -5.0.
        const auto bf = values_of(model_with(DType::kBFloat16, {2}, bytes_of<uint16_t>({0x3F80, 0xC0A0})));
        QCOMPARE(bf.element(0).f, 1.0);
        QCOMPARE(bf.element(1).f, -5.0);
        // E4M3FN: 0x38 = 0.0111.000 -> 2^(7-7) = 1; 0xC4 = 1.1000.100 -> -(1 + 4/8) * 2 = -3;
        // 0x01 -> smallest subnormal 2^-9; 0x7F -> NaN.
        const auto e4 = values_of(model_with(DType::kFloat8E4M3FN, {4}, {0x38, 0xC4, 0x01, 0x7F}));
        QCOMPARE(e4.element(0).f, 1.0);
        QCOMPARE(e4.element(1).f, -3.0);
        QCOMPARE(e4.element(2).f, std::ldexp(1.0, -9));
        QVERIFY(std::isnan(e4.element(3).f));
        // E5M2 is a half's top byte: 0x3C -> 1.0, 0xC2 -> -3.0.
        const auto e5 = values_of(model_with(DType::kFloat8E5M2, {2}, {0x3C, 0xC2}));
        QCOMPARE(e5.element(0).f, 1.0);
        QCOMPARE(e5.element(1).f, -3.0);
    }

    void int4_unpacks_low_nibble_first() {
        // 0x21 -> 1, 2; 0xF8 -> 8 = -8 signed, F = -1; 0x07 -> 7 (the high nibble of the last byte is padding).
        const std::vector<uint8_t> packed = {0x21, 0xF8, 0x07};
        const auto s = values_of(model_with(DType::kInt4, {5}, packed));
        const std::vector<int64_t> expected_signed = {1, 2, -8, -1, 7};
        for (uint64_t i = 0; i < 5; ++i) QCOMPARE(s.element(i).i, expected_signed[i]);
        const auto u = values_of(model_with(DType::kUInt4, {5}, packed));
        const std::vector<uint64_t> expected_unsigned = {1, 2, 8, 15, 7};
        for (uint64_t i = 0; i < 5; ++i) QCOMPARE(u.element(i).u, expected_unsigned[i]);
        // The .npy holds them widened to int8.
        const NdArray array = viewers::to_nd_array(s);
        QCOMPARE(array.dtype, DType::kInt8);
        const auto ints = array.values<int8_t>();
        QCOMPARE(std::vector<int8_t>(ints.begin(), ints.end()), (std::vector<int8_t>{1, 2, -8, -1, 7}));
    }

    void integer_types_are_exact() {
        const auto u64 = values_of(model_with(DType::kUInt64, {1}, bytes_of<uint64_t>({18446744073709551615u})));
        QCOMPARE(format_element(u64.element(0), DType::kUInt64), std::string("18446744073709551615"));
        const auto i64 = values_of(model_with(DType::kInt64, {1}, bytes_of<int64_t>({-9007199254740993})));
        QCOMPARE(format_element(i64.element(0), DType::kInt64), std::string("-9007199254740993"));
        const auto b = values_of(model_with(DType::kBool, {3}, {0, 1, 2}));
        QCOMPARE(format_element(b.element(2), DType::kBool), std::string("true"));
        QCOMPARE(compute_stats(b).stored.zeros, uint64_t{1});
        QCOMPARE(format_element(values_of(model_with(DType::kFloat32, {1}, bytes_of<float>({0.1f}))).element(0),
                                DType::kFloat32),
                 std::string("0.1"));
    }

    void per_axis_real_values() {
        // Shape [2, 3], axis 0: row 0 has scale 0.5, zero point 0; row 1 scale 0.25, zero point -1.
        // Stored [-4, 0, 2 | 3, -1, 7] -> real [-2, 0, 1 | 1, 0, 2].
        const auto values = values_of(model_with(DType::kInt8, {2, 3}, bytes_of<int8_t>({-4, 0, 2, 3, -1, 7}),
                                                 quantization({0.5f, 0.25f}, {0, -1}, 0)));
        const std::vector<double> expected = {-2, 0, 1, 1, 0, 2};
        for (uint64_t i = 0; i < 6; ++i) QCOMPARE(values.real(i), expected[i]);
        std::vector<double> block(5);
        values.decode_real(1, block);  // a block that starts inside a channel
        for (size_t i = 0; i < 5; ++i) QCOMPARE(block[i], expected[i + 1]);
        // Stored: min -4, max 7, mean 7/6, one zero. Real: mean 2/6, two zeros; squared
        // deviations from 1/3 are 49,1,4,4,1,25 ninths = 84/9, so std = sqrt(84/54) = sqrt(14)/3.
        const auto stats = compute_stats(values);
        QCOMPARE(stats.stored.min, -4.0);
        QCOMPARE(stats.stored.max, 7.0);
        QVERIFY(std::abs(stats.stored.mean - 7.0 / 6.0) < 1e-12);
        QCOMPARE(stats.stored.zeros, uint64_t{1});
        QVERIFY(stats.real.has_value());
        QCOMPARE(stats.real->min, -2.0);
        QCOMPARE(stats.real->max, 2.0);
        QVERIFY(std::abs(stats.real->mean - 1.0 / 3.0) < 1e-12);
        QVERIFY(std::abs(stats.real->std - std::sqrt(14.0) / 3.0) < 1e-12);
        QCOMPARE(stats.real->zeros, uint64_t{2});
    }

    void per_axis_along_the_last_dimension() {
        // Axis 1 of [2, 3] with scales 1, 2, 4: [1, 2, 3, 4, 5, 6] -> [1, 4, 12, 4, 10, 24].
        const auto values = values_of(model_with(DType::kInt8, {2, 3}, bytes_of<int8_t>({1, 2, 3, 4, 5, 6}),
                                                 quantization({1, 2, 4}, {0, 0, 0}, 1)));
        const std::vector<double> expected = {1, 4, 12, 4, 10, 24};
        std::vector<double> all(6);
        values.decode_real(0, all);
        for (size_t i = 0; i < 6; ++i) QCOMPARE(all[i], expected[i]);
    }

    void inconsistent_quantization_is_refused() {
        const auto model = model_with(DType::kInt8, {2, 3}, bytes_of<int8_t>({1, 2, 3, 4, 5, 6}),
                                      quantization({1, 2}, {0, 0}, 1));  // dimension 1 has 3 channels
        const Tensor& t = model->subgraphs[0].tensors[0];
        auto values = viewers::TensorValues::create(t.type, {2, 3}, viewers::QuantParams{{1, 2}, {0, 0}, 1},
                                                    model->tensor_data(t), model);
        QVERIFY(!values.ok());
        auto short_buffer =
            viewers::TensorValues::create(DType::kFloat32, {4}, std::nullopt, model->tensor_data(t), model);
        QVERIFY(!short_buffer.ok());  // 6 bytes for 16
    }

    void integer_histogram_bins() {
        // [-3, -3, 0, 1, 5]: range 9 fits in one bin per value from -3.
        const auto values = values_of(model_with(DType::kInt8, {5}, bytes_of<int8_t>({-3, -3, 0, 1, 5})));
        const auto histogram = compute_histogram(values, compute_stats(values).stored);
        QVERIFY(histogram.integer_bins);
        QCOMPARE(histogram.low, -3.0);
        QCOMPARE(histogram.width, 1.0);
        QCOMPARE(histogram.counts, (std::vector<uint64_t>{2, 0, 0, 1, 1, 0, 0, 0, 1}));
        // [0, 9, 10, 999] with at most 10 bins: range 1000, width 100: 0, 9, 10 in bin 0, 999 in bin 9.
        const auto wide = values_of(model_with(DType::kInt16, {4}, bytes_of<int16_t>({0, 9, 10, 999})));
        const auto wide_histogram = compute_histogram(wide, compute_stats(wide).stored, 64, 10);
        QCOMPARE(wide_histogram.width, 100.0);
        QCOMPARE(wide_histogram.counts, (std::vector<uint64_t>{3, 0, 0, 0, 0, 0, 0, 0, 0, 1}));
        QCOMPARE(wide_histogram.bin_high(0), 99.0);
    }

    void float_histogram_bins() {
        // [0, 1, 2, 3, 4, 4] in 4 bins of width 1; the maximum belongs to the last bin.
        const auto values = values_of(model_with(DType::kFloat32, {6}, bytes_of<float>({0, 1, 2, 3, 4, 4})));
        const auto histogram = compute_histogram(values, compute_stats(values).stored, 4);
        QVERIFY(!histogram.integer_bins);
        QCOMPARE(histogram.width, 1.0);
        QCOMPARE(histogram.counts, (std::vector<uint64_t>{1, 1, 1, 3}));
        QCOMPARE(histogram.total(), uint64_t{6});
    }

    void csv_matches_the_table() {
        QTemporaryDir dir;
        const auto floats = values_of(model_with(DType::kFloat32, {2, 3}, bytes_of<float>({1, -2, 0, 3, 0.1f, 4})));
        const QString path = dir.filePath(QStringLiteral("f.csv"));
        QVERIFY(viewers::write_tensor_csv(floats, true, path.toStdString()).ok());
        QCOMPARE(read_text_file(path), QStringLiteral("1,-2,0\n3,0.1,4\n"));
        const auto quantized = values_of(model_with(DType::kInt8, {2, 3}, bytes_of<int8_t>({-4, 0, 2, 3, -1, 7}),
                                                    quantization({0.5f, 0.25f}, {0, -1}, 0)));
        QVERIFY(viewers::write_tensor_csv(quantized, true, path.toStdString()).ok());
        QCOMPARE(read_text_file(path), QStringLiteral("-2,0,1\n1,0,2\n"));
        QVERIFY(viewers::write_tensor_csv(quantized, false, path.toStdString()).ok());
        QCOMPARE(read_text_file(path), QStringLiteral("-4,0,2\n3,-1,7\n"));
    }

    void string_tensors_are_listed() {
        // TFLite's layout: count 2, offsets 16, 19, 23 (after the 16-byte header), then "abc" "d,e\"".
        std::vector<uint8_t> bytes = bytes_of<int32_t>({2, 16, 19, 23});
        for (const char c : std::string("abcd,e\"")) bytes.push_back(static_cast<uint8_t>(c));
        const auto values = values_of(model_with(DType::kString, {2}, bytes));
        QCOMPARE(values.strings(), (std::vector<std::string>{"abc", "d,e\""}));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.csv"));
        QVERIFY(viewers::write_tensor_csv(values, true, path.toStdString()).ok());
        QCOMPARE(read_text_file(path), QStringLiteral("abc\n\"d,e\"\"\"\n"));
        const auto read = read_npy_file(dir.filePath(QStringLiteral("s.npy")).toStdString());
        QVERIFY(!read.ok());
        QVERIFY(viewers::write_tensor_npy(values, dir.filePath(QStringLiteral("s.npy")).toStdString()).ok());
        const auto array = read_npy_file(dir.filePath(QStringLiteral("s.npy")).toStdString());
        QVERIFY(array.ok());
        QCOMPARE(array->strings, values.strings());
    }
};

int run_tensor_data_tests(int argc, char** argv) {
    TensorDataTest test;
    return QTest::qExec(&test, argc, argv);
}

}  // namespace litelab::test

#include "tensor_data_test.moc"
