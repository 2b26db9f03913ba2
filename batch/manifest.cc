#include "batch/manifest.h"

#include <nlohmann/json.hpp>

namespace parting::batch {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kOutcomeNames[] = {"ok", "skipped", "rejected", "failed"};

// A fact that may be absent: null in the manifest.
Json Text(const std::string& value) { return value.empty() ? Json(nullptr) : Json(value); }

std::string TextOf(const Json& item, const char* key) {
  const auto it = item.find(key);
  return it != item.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

std::string_view OutcomeName(ManifestItem::Outcome outcome) {
  return kOutcomeNames[static_cast<int>(outcome)];
}

ManifestTotals Totals(const std::vector<ManifestItem>& items) {
  ManifestTotals totals;
  for (const ManifestItem& item : items) totals.Count(item.outcome);
  return totals;
}

std::string ManifestJson(const std::vector<ManifestItem>& items) {
  Json list = Json::array();
  for (const ManifestItem& e : items) {
    const bool written = e.ok();
    Json errors = Json::array();
    for (const FieldError& error : e.errors)
      errors.push_back(Json{{"pointer", error.pointer}, {"message", error.message}});
    list.push_back(Json{{"index", e.index},
                        {"line", e.line},
                        {"status", OutcomeName(e.outcome)},
                        {"file", Text(written ? e.file : "")},
                        {"email_file", Text(written ? e.email_file : "")},
                        {"sha256", Text(e.sha256)},
                        {"effective_end_date", Text(e.effective_end_date)},
                        {"route", Text(e.route)},
                        {"fingerprint", Text(e.fingerprint)},
                        {"errors", std::move(errors)}});
  }
  const ManifestTotals totals = Totals(items);
  const Json manifest{{"items", std::move(list)},
                      {"totals",
                       {{"items", items.size()},
                        {"ok", totals.ok()},
                        {"skipped", totals.skipped()},
                        {"rejected", totals.rejected()},
                        {"failed", totals.failed()}}}};
  return manifest.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
}

Result<std::vector<ManifestItem>> ParseManifest(std::string_view json) {
  const Json manifest = Json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (manifest.is_discarded() || !manifest.is_object() || !manifest.contains("items") ||
      !manifest["items"].is_array())
    return Status::Unparseable("not a batch manifest: it needs an \"items\" array");
  std::vector<ManifestItem> items;
  for (const Json& entry : manifest["items"]) {
    if (!entry.is_object())
      return Status::Unparseable("not a batch manifest: an item is no object");
    ManifestItem item;
    const auto number = [&](const char* key, std::size_t& out) {
      const auto it = entry.find(key);
      if (it != entry.end() && it->is_number_unsigned()) out = it->get<std::size_t>();
    };
    number("index", item.index);
    number("line", item.line);
    const std::string status = TextOf(entry, "status");
    bool known = false;
    for (int i = 0; i < 4; ++i)
      if (status == kOutcomeNames[i]) {
        item.outcome = static_cast<ManifestItem::Outcome>(i);
        known = true;
      }
    if (!known)
      return Status::Unparseable("not a batch manifest: item status \"" + status + "\" is unknown");
    item.file = TextOf(entry, "file");
    item.email_file = TextOf(entry, "email_file");
    item.sha256 = TextOf(entry, "sha256");
    item.effective_end_date = TextOf(entry, "effective_end_date");
    item.route = TextOf(entry, "route");
    item.fingerprint = TextOf(entry, "fingerprint");
    if (const auto errors = entry.find("errors"); errors != entry.end() && errors->is_array())
      for (const Json& error : *errors)
        if (error.is_object())
          item.errors.push_back({TextOf(error, "pointer"), TextOf(error, "message")});
    items.push_back(std::move(item));
  }
  return items;
}

}  // namespace parting::batch
