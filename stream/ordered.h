// A parallel map that keeps order: items come from one reader, are worked on by several threads
// and come out in the order they went in. This is how `kg extract` and `kg ingest` use every core
// while writing one ordered output (stdout, or the store through one writer).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace kg::stream {

// Calls, until `source` returns false or `sink` returns false:
//   source(Item*) -> bool    on a reader thread: fills the next item; false at the end
//   work(Item&) -> Result    on one of `threads` worker threads, concurrently
//   sink(Result&) -> bool    on the calling thread, in source order; false stops the run
// At most `window` items are between source and sink at any time, so memory stays bounded.
// With threads <= 1 everything runs on the calling thread, one item at a time. When sink stops
// the run, items already read are dropped without being worked on where possible; source is not
// called again. Returns once every thread has finished.
template <class Item, class Result, class Source, class Work, class Sink>
void RunOrdered(size_t threads, size_t window, Source&& source, Work&& work, Sink&& sink) {
  if (threads <= 1) {
    Item item;
    while (source(&item)) {
      Result r = work(item);
      if (!sink(r)) return;
      item = Item();
    }
    return;
  }
  if (window < threads) window = threads;

  std::mutex mu;
  std::condition_variable work_ready;    // an item is queued, or reading is over
  std::condition_variable result_ready;  // a result is in its slot, or reading is over
  std::condition_variable space_free;    // the sink took a result, or the run stops
  std::deque<std::pair<size_t, Item>> queue;
  std::vector<std::optional<Result>> slots(window);
  size_t read = 0;  // items read so far
  size_t sunk = 0;  // items handed to the sink so far
  bool reading_done = false;
  bool stop = false;

  std::thread reader([&] {
    for (;;) {
      {
        std::unique_lock lock(mu);
        space_free.wait(lock, [&] { return stop || read - sunk < window; });
        if (stop) break;
      }
      Item item;
      if (!source(&item)) break;
      std::lock_guard lock(mu);
      queue.emplace_back(read++, std::move(item));
      work_ready.notify_one();
    }
    std::lock_guard lock(mu);
    reading_done = true;
    work_ready.notify_all();
    result_ready.notify_all();
  });

  std::vector<std::thread> workers;
  workers.reserve(threads);
  for (size_t t = 0; t < threads; ++t) {
    workers.emplace_back([&] {
      for (;;) {
        std::pair<size_t, Item> job;
        {
          std::unique_lock lock(mu);
          work_ready.wait(lock, [&] { return stop || !queue.empty() || reading_done; });
          if (stop || queue.empty()) return;
          job = std::move(queue.front());
          queue.pop_front();
        }
        Result r = work(job.second);
        std::lock_guard lock(mu);
        slots[job.first % window].emplace(std::move(r));
        if (job.first == sunk) result_ready.notify_one();
      }
    });
  }

  for (;;) {
    Result r;
    {
      std::unique_lock lock(mu);
      result_ready.wait(
          lock, [&] { return slots[sunk % window].has_value() || (reading_done && sunk == read); });
      if (!slots[sunk % window].has_value()) break;  // everything read was sunk
      r = std::move(*slots[sunk % window]);
      slots[sunk % window].reset();
    }
    const bool more = sink(r);
    std::lock_guard lock(mu);
    ++sunk;
    space_free.notify_one();
    if (!more) {
      stop = true;
      space_free.notify_all();
      work_ready.notify_all();
      break;
    }
  }
  reader.join();
  for (auto& w : workers) w.join();
}

}  // namespace kg::stream
