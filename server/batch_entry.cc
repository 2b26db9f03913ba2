#include "server/batch_entry.h"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include <cstdio>

#include "parting/fingerprint.h"
#include "server/download_name.h"
#include "server/problem.h"

namespace parting::server {
namespace {

constexpr std::string_view kDownloadPrefix = "letter";
constexpr std::string_view kPdfExtension = ".pdf";

void Reject(BatchEntry& entry, const Status& status) {
  entry.outcome = status.code() == StatusCode::kInternal || status.code() == StatusCode::kNotFound
                      ? BatchEntry::Outcome::kFailed
                      : BatchEntry::Outcome::kRejected;
  entry.errors = status.errors();
  if (entry.outcome == BatchEntry::Outcome::kFailed)
    entry.errors = {{"", "the letter could not be produced; the service log has details"}};
  else if (entry.errors.empty())
    entry.errors = {{"", status.message()}};
  entry.pdf.clear();
  entry.eml.clear();
}

void Field(std::string& out, std::string_view key, std::string_view value) {
  out += ',';
  AppendJsonString(out, key);
  out += ':';
  if (value.empty()) {
    out += "null";
  } else {
    AppendJsonString(out, value);
  }
}

}  // namespace

std::string_view OutcomeName(BatchEntry::Outcome outcome) {
  switch (outcome) {
    case BatchEntry::Outcome::kOk: return "ok";
    case BatchEntry::Outcome::kSkipped: return "skipped";
    case BatchEntry::Outcome::kRejected: return "rejected";
    case BatchEntry::Outcome::kFailed: return "failed";
  }
  return "failed";
}

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

std::string Sha256Hex(std::string_view bytes) {
  Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
  sha.update(bytes.data(), static_cast<unsigned>(bytes.size()));
  return Poco::DigestEngine::digestToHex(sha.digest());
}

BatchEntry ProduceBatchEntry(const Engine& engine, const CoverNotes& notes,
                             const BatchItemText& item, std::size_t index,
                             const AlreadyWritten& already_written) {
  BatchEntry entry;
  entry.index = index;
  entry.line = item.line;
  Result<LetterRequest> request = engine.ParseRequest(item.text);
  if (!request.ok()) {
    Reject(entry, request.status());
    return entry;
  }
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
  Result<RenderedLetter> letter = engine.RenderWithPlan(*request);
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

std::string ManifestJson(const std::vector<BatchEntry>& entries) {
  std::size_t counts[4] = {0, 0, 0, 0};
  std::string out = "{\"items\":[";
  for (const BatchEntry& e : entries) {
    ++counts[static_cast<int>(e.outcome)];
    if (out.back() != '[') out += ',';
    out += "{\"index\":" + std::to_string(e.index) + ",\"line\":" + std::to_string(e.line);
    Field(out, "status", OutcomeName(e.outcome));
    const bool written = e.ok();
    Field(out, "file", written ? e.file : "");
    Field(out, "email_file", written ? e.email_file : "");
    Field(out, "sha256", e.sha256);
    Field(out, "effective_end_date", e.effective_end_date);
    Field(out, "route", e.route);
    Field(out, "fingerprint", e.fingerprint);
    out += ",\"errors\":[";
    for (const FieldError& error : e.errors) {
      if (out.back() != '[') out += ',';
      out += "{\"pointer\":";
      AppendJsonString(out, error.pointer);
      out += ",\"message\":";
      AppendJsonString(out, error.message);
      out += '}';
    }
    out += "]}";
  }
  out += "],\"totals\":{\"items\":" + std::to_string(entries.size()) +
         ",\"ok\":" + std::to_string(counts[0]) + ",\"skipped\":" + std::to_string(counts[1]) +
         ",\"rejected\":" + std::to_string(counts[2]) + ",\"failed\":" + std::to_string(counts[3]) +
         "}}\n";
  return out;
}

}  // namespace parting::server
