// Runs the decoding tests and the widget tests in one process (one QApplication).
#include <QApplication>
#include <QtTest>

#include "tests.h"

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    int failures = litelab::test::run_tensor_data_tests(argc, argv);
    failures += litelab::test::run_tensor_inspector_tests(argc, argv);
    return failures;
}
