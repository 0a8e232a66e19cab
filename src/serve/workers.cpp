#include "serve/parts.h"

namespace syzba::serve {

struct Workers::Task {
  std::function<void(render::TextEngine&)> job;
  std::mutex mutex;
  std::condition_variable finished;
  bool done = false;
  bool abandoned = false;  // the request stopped waiting: skip it if it has not started
};

Workers::Workers(unsigned count, std::size_t queue_capacity) : capacity_(queue_capacity) {
  for (unsigned i = 0; i < std::max(count, 1u); ++i) threads_.emplace_back([this] { work(); });
}

Workers::~Workers() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& t : threads_) t.join();
}

std::size_t Workers::queued() const {
  std::lock_guard lock(mutex_);
  return queue_.size();
}

Workers::Outcome Workers::run(std::function<void(render::TextEngine&)> job, std::chrono::milliseconds limit) {
  auto task = std::make_shared<Task>();
  task->job = std::move(job);
  {
    std::lock_guard lock(mutex_);
    if (queue_.size() >= capacity_) return Outcome::queue_full;
    queue_.push_back(task);
  }
  wake_.notify_one();
  std::unique_lock lock(task->mutex);
  if (task->finished.wait_for(lock, limit, [&] { return task->done; })) return Outcome::done;
  task->abandoned = true;
  return Outcome::timed_out;
}

void Workers::work() {
  render::TextEngine text;  // Pango is not shared between threads
  for (;;) {
    std::shared_ptr<Task> task;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing left
      task = std::move(queue_.front());
      queue_.pop_front();
    }
    {
      std::lock_guard lock(task->mutex);
      if (task->abandoned) continue;
    }
    ++busy_;
    try {
      task->job(text);
    } catch (...) {
      // A job reports its own failures; one that throws anyway must not take the worker down.
    }
    --busy_;
    {
      std::lock_guard lock(task->mutex);
      task->done = true;
    }
    task->finished.notify_all();
  }
}

}  // namespace syzba::serve
