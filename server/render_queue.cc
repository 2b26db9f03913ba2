#include "server/render_queue.h"

namespace parting::server {

RenderQueue::RenderQueue(int workers, std::size_t capacity) : capacity_(capacity) {
  if (workers < 1) workers = 1;
  threads_.reserve(static_cast<std::size_t>(workers));
  for (int i = 0; i < workers; ++i) threads_.emplace_back([this] { Work(); });
}

RenderQueue::~RenderQueue() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (std::thread& thread : threads_) thread.join();
}

bool RenderQueue::TrySubmit(std::function<void()> job) {
  {
    std::lock_guard lock(mutex_);
    // Jobs an idle worker is about to take never count as waiting.
    if (jobs_.size() >= capacity_ + Idle()) return false;
    jobs_.push_back(std::move(job));
  }
  wake_.notify_one();
  return true;
}

void RenderQueue::Work() {
  std::unique_lock lock(mutex_);
  while (true) {
    wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
    if (jobs_.empty()) return;  // stopping, and nothing left to run
    std::function<void()> job = std::move(jobs_.front());
    jobs_.pop_front();
    ++busy_;
    lock.unlock();
    job();
    lock.lock();
    --busy_;
  }
}

std::size_t RenderQueue::Idle() const {
  return threads_.size() - static_cast<std::size_t>(busy_);
}

std::size_t RenderQueue::depth() const {
  std::lock_guard lock(mutex_);
  const std::size_t idle = Idle();
  return jobs_.size() > idle ? jobs_.size() - idle : 0;
}

int RenderQueue::busy() const {
  std::lock_guard lock(mutex_);
  return busy_;
}

}  // namespace parting::server
