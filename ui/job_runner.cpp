#include "ui/job_runner.h"

namespace litelab::ui {

JobRunner::JobRunner(QObject* parent) : QObject(parent) {}

JobRunner::~JobRunner() {
    pool_.clear();
    pool_.waitForDone();
}

bool JobRunner::accept(quint64 id) {
    if (id != current_job_) return false;
    delivered_job_ = id;
    return true;
}

}  // namespace litelab::ui
