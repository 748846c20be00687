#include "viewers/jobs/job_runner.h"

namespace litelab {

JobRunner::JobRunner(QObject* parent) : QObject(parent) {}

JobRunner::~JobRunner() {
    pool_.clear();
    pool_.waitForDone();
}

}  // namespace litelab
