#include "batch/entry.h"

#include <cstdio>
#include <exception>
#include <new>

#include "batch/download_name.h"
#include "core/sha256.h"
#include "parting/fingerprint.h"

namespace parting::batch {
namespace {

constexpr std::string_view kDownloadPrefix = "letter";
constexpr std::string_view kPdfExtension = ".pdf";

constexpr std::string_view kNotProduced = "the letter could not be produced; the log has details";

void Reject(BatchEntry& entry, const Status& status) {
  entry.outcome = status.code() == StatusCode::kInternal || status.code() == StatusCode::kNotFound
                      ? BatchEntry::Outcome::kFailed
                      : BatchEntry::Outcome::kRejected;
  entry.errors = status.errors();
  if (entry.outcome == BatchEntry::Outcome::kFailed) {
    entry.failure = status.message();
    entry.errors = {{"", std::string(kNotProduced)}};
  } else if (entry.errors.empty()) {
    entry.errors = {{"", status.message()}};
  }
  std::string().swap(entry.pdf);
  std::string().swap(entry.eml);
}

}  // namespace

std::string BatchFileName(std::size_t index, const LetterRequest& request,
                          std::string_view extension) {
  // "letter-muller-sohne-ag-2026-11-22.pdf" → "-muller-sohne-ag-2026-11-22"
  const std::string download = DownloadFileNameFor(request);
  const std::string stem = download.substr(
      kDownloadPrefix.size(), download.size() - kDownloadPrefix.size() - kPdfExtension.size());
  char number[24];
  std::snprintf(number, sizeof number, "%04zu", index + 1);
  return number + stem + std::string(extension);
}

// OpenSSL's SHA-256 (with the CPU's SHA extensions where it has them):
// several times Poco's portable one over every PDF of a batch.
BatchEntry FailedEntry(const BatchItemText& item, std::size_t index, std::string message) {
  BatchEntry entry;
  entry.index = index;
  entry.line = item.line;
  Reject(entry, Status::Internal(std::move(message)));
  return entry;
}

BatchEntry TimedOutEntry(const BatchItemText& item, std::size_t index,
                         std::chrono::milliseconds limit) {
  return FailedEntry(
      item, index,
      "the letter took longer than the time limit of " + std::to_string(limit.count()) + " ms");
}

namespace {

BatchEntry Produce(const Engine& engine, const CoverNotes& notes, const BatchItemText& item,
                   std::size_t index, const AlreadyWritten& already_written) {
  BatchEntry entry;
  entry.index = index;
  entry.line = item.line;
  Result<LetterRequest> request = engine.ParseRequest(item.text);
  if (!request.ok()) {
    Reject(entry, request.status());
    return entry;
  }
  entry.language = std::string(LanguageCode(request->language));
  entry.letter_date = request->letter_date;
  entry.file = BatchFileName(index, *request, ".pdf");
  if (request->delivery && request->delivery->email) {
    entry.email_file = BatchFileName(index, *request, ".eml");
    // Known before rendering: an e-mail cannot be sent without a From address.
    if (request->sender.email.empty()) {
      Reject(entry, Status::Invalid({{"/sender/email",
                                      "is required when delivery.email asks for an e-mail: it "
                                      "is the From address"}}));
      return entry;
    }
  }
  entry.fingerprint = Fingerprint(*request);
  if (already_written && already_written(entry)) {
    entry.outcome = BatchEntry::Outcome::kSkipped;
    return entry;
  }
  Result<RenderedLetter> letter = engine.RenderWithPlan(*request, entry.fingerprint);
  if (!letter.ok()) {
    Reject(entry, letter.status());
    return entry;
  }
  if (!entry.email_file.empty()) {
    Result<std::string> eml = LetterEmail(*request, *letter, entry.file, notes);
    if (!eml.ok()) {
      Reject(entry, eml.status());
      return entry;
    }
    entry.eml = std::move(*eml);
  }
  entry.outcome = BatchEntry::Outcome::kOk;
  entry.sha256 = Sha256Hex(letter->pdf);
  entry.effective_end_date = letter->plan.effective_end_date.ToIso();
  entry.route = std::string(RouteName(letter->plan.route));
  entry.pdf = std::move(letter->pdf);
  return entry;
}

}  // namespace

BatchEntry ProduceBatchEntry(const Engine& engine, const CoverNotes& notes,
                             const BatchItemText& item, std::size_t index,
                             const AlreadyWritten& already_written) noexcept {
  // An exception of the engine (or of memory) is this item's failure, never
  // the end of the process that renders the batch.
  std::string what;
  try {
    return Produce(engine, notes, item, index, already_written);
  } catch (const std::exception& e) {
    what = e.what();
  } catch (...) {
    what = "unknown exception";
  }
  try {
    return FailedEntry(item, index, "exception while rendering: " + what);
  } catch (...) {
    std::terminate();  // not even the failure can be recorded
  }
}

}  // namespace parting::batch
