#include "server/render_queue.h"

namespace parting::server {

RenderQueue::RenderQueue(int workers, std::size_t capacity,
                         std::chrono::milliseconds admission_wait)
    : capacity_(capacity), admission_wait_(admission_wait) {
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
  room_.notify_all();
  for (std::thread& thread : threads_) thread.join();
}

bool RenderQueue::HasRoom() const {
  // Jobs an idle worker is about to take never count as waiting.
  return jobs_.size() < capacity_ + Idle();
}

void RenderQueue::ShedUnwanted(std::vector<Entry>& shed) {
  for (auto it = jobs_.begin(); it != jobs_.end();) {
    if (it->wanted && !it->wanted()) {
      shed.push_back(std::move(*it));
      it = jobs_.erase(it);
    } else {
      ++it;
    }
  }
}

bool RenderQueue::TrySubmit(Entry entry) {
  std::vector<Entry> shed;
  bool queued = false;
  {
    std::unique_lock lock(mutex_);
    const auto deadline = std::chrono::steady_clock::now() + admission_wait_;
    while (true) {
      // Full: first make room by shedding jobs nobody waits for any more.
      if (!HasRoom()) ShedUnwanted(shed);
      if (HasRoom()) {
        jobs_.push_back(std::move(entry));
        queued = true;
        break;
      }
      if (stopping_ || room_.wait_until(lock, deadline) == std::cv_status::timeout) {
        if (!stopping_ && HasRoom()) continue;
        break;
      }
    }
  }
  for (Entry& dropped : shed) dropped.drop();
  if (queued) wake_.notify_one();
  return queued;
}

void RenderQueue::Work() {
  std::unique_lock lock(mutex_);
  while (true) {
    wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
    if (jobs_.empty()) return;  // stopping, and nothing left to run
    Entry entry = std::move(jobs_.front());
    jobs_.pop_front();
    ++busy_;
    lock.unlock();
    room_.notify_one();
    // Checked when a worker is free for it: a job whose caller's client has
    // gone is dropped instead of run.
    if (entry.wanted && !entry.wanted()) {
      entry.drop();
    } else {
      entry.run();  // never throws: the job's exceptions go to its caller
    }
    lock.lock();
    --busy_;
    room_.notify_one();  // an idle worker is room as well
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
