// The test classes of gui_tensor_inspector; each returns its number of failures.
#pragma once

namespace litelab::test {
int run_tensor_data_tests(int argc, char** argv);
int run_tensor_inspector_tests(int argc, char** argv);
}  // namespace litelab::test
