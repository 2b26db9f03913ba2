#include "jobs/batch_seam.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <sstream>

#include "batch/archive.h"
#include "batch/entry.h"
#include "batch/items.h"
#include "batch/manifest.h"
#include "batch/zip_writer.h"
#include "core/sha256.h"
#include "jobs/mail_sender.h"
#include "server/access_log.h"
#include "server/problem.h"

namespace parting::jobs {
namespace {

using batch::BatchEntry;

std::string_view StoredStatus(BatchEntry::Outcome outcome) {
  switch (outcome) {
    case BatchEntry::Outcome::kOk:
    case BatchEntry::Outcome::kSkipped:
      return kOk;
    case BatchEntry::Outcome::kRejected:
      return kRejected;
    case BatchEntry::Outcome::kFailed:
      return kFailed;
  }
  return kFailed;
}

// The manifest facts of an entry, as stored in the item's row.
std::string EntryJson(const BatchEntry& entry) {
  Poco::JSON::Object object;
  object.set("file", entry.file);
  object.set("email_file", entry.email_file);
  object.set("sha256", entry.sha256);
  object.set("effective_end_date", entry.effective_end_date);
  object.set("route", entry.route);
  object.set("fingerprint", entry.fingerprint);
  object.set("letter_date", entry.letter_date.ToIso());
  Poco::JSON::Array errors;
  for (const FieldError& error : entry.errors) {
    Poco::JSON::Object one;
    one.set("pointer", error.pointer);
    one.set("message", error.message);
    errors.add(one);
  }
  object.set("errors", errors);
  std::ostringstream out;
  object.stringify(out);
  return out.str();
}

// The batch's own entry back from a stored item (no bytes).
BatchEntry EntryFromStored(const ItemSummary& item) {
  BatchEntry entry;
  entry.index = static_cast<std::size_t>(item.index);
  entry.line = static_cast<std::size_t>(item.line);
  entry.outcome = item.status == kOk         ? BatchEntry::Outcome::kOk
                  : item.status == kRejected ? BatchEntry::Outcome::kRejected
                                             : BatchEntry::Outcome::kFailed;
  if (item.entry.empty()) return entry;
  const auto object = Poco::JSON::Parser().parse(item.entry).extract<Poco::JSON::Object::Ptr>();
  entry.file = object->getValue<std::string>("file");
  entry.email_file = object->getValue<std::string>("email_file");
  entry.sha256 = object->getValue<std::string>("sha256");
  entry.effective_end_date = object->getValue<std::string>("effective_end_date");
  entry.route = object->getValue<std::string>("route");
  entry.fingerprint = object->getValue<std::string>("fingerprint");
  if (auto date = Date::FromIso(object->getValue<std::string>("letter_date")))
    entry.letter_date = *date;
  const auto errors = object->getArray("errors");
  for (std::size_t i = 0; errors && i < errors->size(); ++i) {
    const auto error = errors->getObject(static_cast<unsigned>(i));
    entry.errors.push_back(
        {error->getValue<std::string>("pointer"), error->getValue<std::string>("message")});
  }
  return entry;
}

void Field(std::string& out, std::string_view key, std::string_view value) {
  out += ',';
  server::AppendJsonString(out, key);
  out += ':';
  if (value.empty()) {
    out += "null";
  } else {
    server::AppendJsonString(out, value);
  }
}

}  // namespace

Result<std::vector<ItemText>> SplitBatchBody(std::string_view body, bool json_lines) {
  std::vector<batch::BatchItemText> split;
  if (json_lines) {
    split = batch::SplitJsonLines(body);
  } else {
    auto array = batch::SplitJsonArray(body);
    if (!array.ok()) return array.status();
    split = std::move(*array);
  }
  std::vector<ItemText> items;
  items.reserve(split.size());
  for (const batch::BatchItemText& item : split) items.push_back({item.text, item.line});
  return items;
}

bool IsJsonLinesType(std::string_view content_type) {
  return batch::IsJsonLinesContentType(content_type);
}

NewItem ValidateItem(const Engine& engine, const batch::CoverNotes& notes, const ItemText& item,
                     std::size_t index) {
  // The batch's own checks, stopped before rendering: the "already written"
  // hook is called once an item has passed every check that needs no render.
  BatchEntry entry = batch::ProduceBatchEntry(engine, notes, {item.text, item.line}, index,
                                               [](BatchEntry&) { return true; });
  NewItem stored;
  stored.line = static_cast<std::int64_t>(item.line);
  stored.request = std::string(item.text);
  if (entry.outcome == BatchEntry::Outcome::kSkipped) {
    stored.status = kPending;  // email_status is the worker's to set
  } else {
    stored.status = StoredStatus(entry.outcome);
    stored.entry = EntryJson(entry);
  }
  return stored;
}

ItemResult ProduceItem(const Engine& engine, const batch::CoverNotes& notes,
                       const ClaimedItem& item, std::chrono::milliseconds limit, bool send_email) {
  const batch::BatchItemText text{item.request, static_cast<std::size_t>(item.line)};
  const auto index = static_cast<std::size_t>(item.index);
  const auto begun = std::chrono::steady_clock::now();
  BatchEntry entry = batch::ProduceBatchEntry(engine, notes, text, index);
  // The render has ended either way (a thread cannot be stopped midway, as
  // in the synchronous batch, whose timed-out render also runs to its end);
  // what took too long is not kept and not sent.
  if (std::chrono::steady_clock::now() - begun > limit)
    entry = batch::TimedOutEntry(text, index, limit);
  // As the synchronous batch does: the manifest says the letter could not be
  // produced, the log says why.
  if (!entry.failure.empty())
    server::LogServerMessage("jobs: item " + std::to_string(item.index) + " of job " + item.job_id +
                                 " failed: " + entry.failure,
                             "error");
  ItemResult result;
  result.status = StoredStatus(entry.outcome);
  result.entry = EntryJson(entry);
  result.pdf = std::move(entry.pdf);
  result.eml = std::move(entry.eml);
  result.email_status = "not_requested";
  result.language = std::move(entry.language);
  if (send_email && entry.ok() && !entry.email_file.empty()) {
    // The request parsed a moment ago; its addresses make the envelope.
    auto request = engine.ParseRequest(item.request);
    if (request.ok() && request->delivery && request->delivery->email) {
      Envelope envelope;
      envelope.from = request->sender.email;
      envelope.recipients.push_back(request->delivery->email->to);
      for (const std::string& copy : request->delivery->email->cc)
        envelope.recipients.push_back(copy);
      result.email_envelope = envelope.Encode();
      result.email_status = "pending";
    }
  }
  return result;
}

ItemResult UnstorableItem(const ClaimedItem& item, std::string_view why) {
  BatchEntry entry;
  entry.index = static_cast<std::size_t>(item.index);
  entry.line = static_cast<std::size_t>(item.line);
  entry.outcome = BatchEntry::Outcome::kFailed;
  entry.errors = {{"", std::string(why)}};
  ItemResult result;
  result.status = kFailed;
  result.entry = EntryJson(entry);
  return result;
}

std::string Sha256(std::string_view bytes) { return Sha256Hex(bytes); }

std::string ItemFileName(const ItemSummary& item) {
  return item.status == kOk ? EntryFromStored(item).file : std::string();
}

std::vector<FieldError> ItemErrors(const ItemSummary& item) {
  if (item.status != kRejected && item.status != kFailed) return {};
  return EntryFromStored(item).errors;
}

std::string JobManifestJson(const std::vector<ItemSummary>& items) {
  Totals totals;
  std::string out = "{\"items\":[";
  for (const ItemSummary& item : items) {
    const bool ended = item.status == kOk || item.status == kRejected || item.status == kFailed;
    const BatchEntry entry = ended ? EntryFromStored(item) : BatchEntry{};
    const std::string status(item.status == kClaimed ? kPending : item.status);
    if (status == kOk)
      ++totals.ok;
    else if (status == kRejected)
      ++totals.rejected;
    else if (status == kFailed)
      ++totals.failed;
    else if (status == kCancelled)
      ++totals.cancelled;
    else
      ++totals.pending;
    if (out.back() != '[') out += ',';
    out += "{\"index\":" + std::to_string(item.index) + ",\"line\":" + std::to_string(item.line);
    Field(out, "status", status);
    const bool written = status == kOk;
    Field(out, "file", written ? entry.file : "");
    Field(out, "email_file", written ? entry.email_file : "");
    Field(out, "sha256", entry.sha256);
    Field(out, "effective_end_date", entry.effective_end_date);
    Field(out, "route", entry.route);
    Field(out, "fingerprint", entry.fingerprint);
    out += ",\"errors\":[";
    for (const FieldError& error : entry.errors) {
      if (out.back() != '[') out += ',';
      out += "{\"pointer\":";
      server::AppendJsonString(out, error.pointer);
      out += ",\"message\":";
      server::AppendJsonString(out, error.message);
      out += '}';
    }
    out += ']';
    Field(out, "email_status", item.email_status);
    Field(out, "email_reply", item.email_reply);
    out += '}';
  }
  out += "],\"totals\":{\"items\":" + std::to_string(items.size()) +
         ",\"ok\":" + std::to_string(totals.ok) +
         ",\"rejected\":" + std::to_string(totals.rejected) +
         ",\"failed\":" + std::to_string(totals.failed) +
         ",\"pending\":" + std::to_string(totals.pending) +
         ",\"cancelled\":" + std::to_string(totals.cancelled) + "}}\n";
  return out;
}

Status WriteJobArchive(const ItemVisitor& visit_items, std::ostream& out) {
  // The synchronous batch's own writer: the same bytes for the same items.
  batch::ArchiveWriter archive(out);
  Status status = visit_items([&](ItemBytes& item) -> Status {
    BatchEntry entry = EntryFromStored(item.summary);
    if (entry.ok()) {
      entry.pdf = std::move(item.pdf);
      if (!entry.email_file.empty()) entry.eml = std::move(item.eml);
    }
    return archive.Add(std::move(entry));
  });
  if (!status.ok()) return status;
  return archive.Finish();
}

}  // namespace parting::jobs
