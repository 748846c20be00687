// JobRunner: LiteLab's one way to run work off the GUI thread. start() runs `work` on the
// runner's own thread pool and calls `done` with its result on the GUI thread. Starting a job
// makes the results of earlier ones stale: they are dropped, never delivered. Results travel
// through the application object to a guarded pointer, so a runner that is gone receives
// nothing; destroying a runner drops its queued jobs and waits for the running ones.
//
// `work` runs on a worker and must only touch what it owns (capture by value); `done` runs on
// the GUI thread. Both must be copyable (QThreadPool stores a std::function).
// It lives below ui/ and viewers/ (Qt Core only) so that both use this one mechanism.
#pragma once

#include <QCoreApplication>
#include <QObject>
#include <QPointer>
#include <QThreadPool>

#include <memory>
#include <type_traits>
#include <utility>

namespace litelab {

class JobRunner : public QObject {
public:
    explicit JobRunner(QObject* parent = nullptr);
    ~JobRunner() override;

    // Returns the job's id; ids grow with every start().
    template <class Work, class Done>
    quint64 start(Work work, Done done);
    // Makes every job started so far stale: their results are dropped.
    void drop_pending() { ++current_job_; }

private:
    QThreadPool pool_;
    quint64 current_job_ = 0;
};

template <class Work, class Done>
quint64 JobRunner::start(Work work, Done done) {
    using Output = std::invoke_result_t<Work&>;
    const quint64 id = ++current_job_;
    QPointer<JobRunner> self(this);
    pool_.start([self, id, work = std::move(work), done = std::move(done)]() mutable {
        // Shared so the queued call stays copyable whatever Output is.
        auto output = std::make_shared<Output>(work());
        // Only copies of `self` are made here; it is dereferenced on the GUI thread alone.
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, id, done, output]() mutable {
                const JobRunner* runner = self.data();
                if (runner != nullptr && runner->current_job_ == id) done(std::move(*output));
            },
            Qt::QueuedConnection);
    });
    return id;
}

}  // namespace litelab
