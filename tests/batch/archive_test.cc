// The batch library end to end without a server: items → entries → ZIP
// (batch/archive.h), the manifest (batch/manifest.h), and what happens when
// the stream fails, a stop is asked for, or a producer throws.
#include "batch/archive.h"
#include "core/sha256.h"

#include <doctest/doctest.h>

#include <map>
#include <sstream>
#include <stdexcept>
#include <streambuf>
#include <string>

#include "test_support.h"
#include "unzip.h"

namespace parting::batch {
namespace {

using testing::ReadFile;
using testing::SourceDir;

const Engine& TestEngine() {
  static const std::shared_ptr<const Engine> engine = [] {
    auto created = Engine::Create(Resources::FromRoot(SourceDir()));
    REQUIRE_MESSAGE(created.ok(), created.status().message());
    return *created;
  }();
  return *engine;
}

const CoverNotes& TestNotes() {
  static const CoverNotes notes = [] {
    auto loaded = CoverNotes::Load(SourceDir() / "letter_templates");
    REQUIRE_MESSAGE(loaded.ok(), loaded.status().message());
    return *loaded;
  }();
  return notes;
}

// One line per sample: the samples are pretty-printed, a batch item need not be.
std::string Sample(const std::string& language) {
  return ReadFile(SourceDir() / "letter_templates" / language / "samples" / "full.json");
}

// A stream that takes `limit` bytes and then fails, like a client that
// resets the connection.
class FailingBuf : public std::streambuf {
 public:
  explicit FailingBuf(std::size_t limit) : limit_(limit) {}
  std::size_t taken() const { return taken_; }

 protected:
  int_type overflow(int_type c) override {
    if (c == traits_type::eof()) return traits_type::not_eof(c);
    char ch = static_cast<char>(c);
    return xsputn(&ch, 1) == 1 ? c : traits_type::eof();
  }
  std::streamsize xsputn(const char*, std::streamsize n) override {
    if (taken_ + static_cast<std::size_t>(n) > limit_) return 0;
    taken_ += static_cast<std::size_t>(n);
    return n;
  }

 private:
  std::size_t limit_;
  std::size_t taken_ = 0;
};

struct Batch {
  std::string body;
  std::vector<BatchItemText> items;
};

Batch ArrayOf(const std::vector<std::string>& requests) {
  Batch batch;
  batch.body = "[";
  for (const std::string& request : requests)
    batch.body += (batch.body.size() > 1 ? "," : "") + request;
  batch.body += "]";
  auto split = SplitJsonArray(batch.body);
  REQUIRE(split.ok());
  batch.items = std::move(*split);
  return batch;
}

}  // namespace

TEST_CASE("WriteBatchArchive: letters, a rejected item and the manifest, the same bytes twice") {
  const Batch batch = ArrayOf({Sample("en"), R"({"language":"xx"})", Sample("de")});
  ArchiveOptions options;
  options.jobs = 2;
  std::ostringstream first;
  const ArchiveResult result =
      WriteBatchArchive(TestEngine(), TestNotes(), batch.items, options, first);
  REQUIRE_MESSAGE(result.status.ok(), result.status.message());
  CHECK(result.totals.ok() == 2);
  CHECK(result.totals.rejected() == 1);
  CHECK(result.bytes_written == first.str().size());
  const auto files = Unzip(first.str());
  REQUIRE(files.count("manifest.json") == 1);
  int pdfs = 0;
  for (const auto& [name, bytes] : files)
    if (name.ends_with(".pdf")) pdfs += bytes.starts_with("%PDF-") ? 1 : 0;
  CHECK(pdfs == 2);

  auto manifest = ParseManifest(files.at("manifest.json"));
  REQUIRE(manifest.ok());
  REQUIRE(manifest->size() == 3);
  CHECK((*manifest)[0].outcome == ManifestItem::Outcome::kOk);
  CHECK((*manifest)[0].sha256 == Sha256Hex(files.at((*manifest)[0].file)));
  CHECK((*manifest)[1].outcome == ManifestItem::Outcome::kRejected);
  CHECK((*manifest)[1].file.empty());
  CHECK(!(*manifest)[1].errors.empty());
  // What ParseManifest reads, ManifestJson writes back byte for byte.
  CHECK(ManifestJson(*manifest) == files.at("manifest.json"));

  options.jobs = 1;
  std::ostringstream second;
  WriteBatchArchive(TestEngine(), TestNotes(), batch.items, options, second);
  CHECK(second.str() == first.str());
}

TEST_CASE("ArchiveWriter: a stream that fails stops the batch at once") {
  const Batch batch = ArrayOf({Sample("en"), Sample("de"), Sample("pl"), Sample("pt")});
  std::ostringstream whole;
  ArchiveOptions options;
  REQUIRE(WriteBatchArchive(TestEngine(), TestNotes(), batch.items, options, whole).status.ok());
  // The client takes a little more than the first letter, then goes away.
  FailingBuf buf(whole.str().size() / 6);
  std::ostream out(&buf);
  std::size_t produced = 0;
  options.produce = [&](std::size_t i) {
    ++produced;
    return ProduceBatchEntry(TestEngine(), TestNotes(), batch.items[i], i);
  };
  const ArchiveResult result =
      WriteBatchArchive(TestEngine(), TestNotes(), batch.items, options, out);
  CHECK_FALSE(result.status.ok());
  CHECK_FALSE(result.stopped);
  CHECK(result.bytes_written <= buf.taken());
  CHECK(result.totals.ok() <= 1);
  CHECK(produced < batch.items.size());  // the rest was never rendered
}

TEST_CASE("WriteBatchArchive: a stop reason ends the batch between items") {
  const Batch batch = ArrayOf({Sample("en"), Sample("de"), Sample("pl")});
  ArchiveOptions options;
  std::size_t asked = 0;
  options.stop_reason = [&]() -> std::string {
    return ++asked > 1 ? "the server is stopping" : "";
  };
  std::ostringstream out;
  const ArchiveResult result =
      WriteBatchArchive(TestEngine(), TestNotes(), batch.items, options, out);
  CHECK(result.stopped);
  CHECK(result.status.message() == "the server is stopping");
  CHECK(result.totals.ok() == 1);
}

TEST_CASE("WriteBatchArchive: a producer that throws fails the batch, not the process") {
  const Batch batch = ArrayOf({Sample("en"), Sample("de")});
  ArchiveOptions options;
  options.jobs = 2;
  options.produce = [&](std::size_t i) -> BatchEntry {
    if (i == 1) throw std::runtime_error("render thread exploded");
    return ProduceBatchEntry(TestEngine(), TestNotes(), batch.items[i], i);
  };
  std::ostringstream out;
  const ArchiveResult result =
      WriteBatchArchive(TestEngine(), TestNotes(), batch.items, options, out);
  CHECK_FALSE(result.status.ok());
  CHECK(result.status.message().find("render thread exploded") != std::string::npos);
}

TEST_CASE("ProduceBatchEntry: an exception inside becomes the item's failure") {
  const Batch batch = ArrayOf({Sample("en")});
  const BatchEntry entry =
      ProduceBatchEntry(TestEngine(), TestNotes(), batch.items[0], 0,
                        [](BatchEntry&) -> bool { throw std::runtime_error("disk on fire"); });
  CHECK(entry.outcome == ManifestItem::Outcome::kFailed);
  CHECK(entry.failure.find("disk on fire") != std::string::npos);
  CHECK(entry.errors.size() == 1);
  CHECK(entry.errors[0].message.find("disk on fire") == std::string::npos);  // not for clients
}

TEST_CASE("ParseManifest refuses what is no manifest") {
  CHECK_FALSE(ParseManifest("").ok());
  CHECK_FALSE(ParseManifest("[1,2]").ok());
  CHECK_FALSE(ParseManifest(R"({"items":[{"status":"maybe"}]})").ok());
  auto empty = ParseManifest(R"({"items":[]})");
  REQUIRE(empty.ok());
  CHECK(empty->empty());
}

TEST_CASE("ManifestJson: text that is not UTF-8 still gives JSON") {
  ManifestItem item;
  item.errors = {{"", std::string("bad \xC3 byte")}};
  const std::string json = ManifestJson({item});
  CHECK(json.find("\xEF\xBF\xBD") != std::string::npos);
  CHECK(ParseManifest(json).ok());
}

}  // namespace parting::batch
