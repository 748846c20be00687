#include "core/dtype.h"

#include <gtest/gtest.h>

#include "tflite/schema/tflite_generated.h"

namespace litelab {
namespace {

TEST(DType, NamesFollowTfliteTensorType) {
    EXPECT_EQ(dtype_name(DType::kFloat32), "FLOAT32");
    EXPECT_EQ(dtype_name(DType::kInt8), "INT8");
    EXPECT_EQ(dtype_name(DType::kFloat8E5M2), "FLOAT8_E5M2");
    EXPECT_EQ(dtype_name(static_cast<DType>(99)), "UNKNOWN");
    EXPECT_EQ(static_cast<int>(DType::kInt8), static_cast<int>(tflite::TensorType_INT8));
    EXPECT_EQ(static_cast<int>(DType::kFloat8E5M2), static_cast<int>(tflite::TensorType_MAX));
}

TEST(DType, ParsesNamesCaseInsensitively) {
    EXPECT_EQ(dtype_from_name("int16"), DType::kInt16);
    EXPECT_EQ(dtype_from_name("BFloat16"), DType::kBFloat16);
    EXPECT_FALSE(dtype_from_name("int17"));
}

TEST(DType, StorageBytesPackSubByteTypes) {
    EXPECT_EQ(dtype_storage_bytes(DType::kFloat32, 10), 40u);
    EXPECT_EQ(dtype_storage_bytes(DType::kInt4, 5), 3u);
    EXPECT_EQ(dtype_storage_bytes(DType::kInt2, 5), 2u);
    EXPECT_EQ(dtype_storage_bytes(DType::kComplex128, 2), 32u);
    EXPECT_FALSE(dtype_storage_bytes(DType::kString, 3));
    EXPECT_FALSE(dtype_storage_bytes(DType::kFloat32, UINT64_MAX / 4));
}

}  // namespace
}  // namespace litelab
