// Runs both panel test classes in one process (one QApplication); fails if either fails.
#include <QApplication>

#include "tests.h"

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    int failures = litelab::test::run_properties_panel_tests(argc, argv);
    failures += litelab::test::run_model_summary_panel_tests(argc, argv);
    return failures;
}
