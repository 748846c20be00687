#include "ui/job_runner.h"

namespace litelab::ui {

JobRunner::JobRunner(QObject* parent) : QObject(parent) {}

JobRunner::~JobRunner() {
    pool_.clear();
    pool_.waitForDone();
}

}  // namespace litelab::ui
