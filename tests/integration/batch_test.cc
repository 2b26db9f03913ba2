// POST /v1/letters/batch and `parting batch` against the real binary: ZIPs
// and folders read back, PDFs checked with qpdf and pdftotext, e-mails parsed
// with Poco's MailMessage.
#include <Poco/DigestEngine.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/Net/MailMessage.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/SHA2Engine.h>
#include <Poco/StreamCopier.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>
#include <doctest/doctest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <future>
#include <optional>
#include <sstream>
#include <thread>
#include <utility>

#include "pdf_tools.h"
#include "service_harness.h"

namespace parting::testing {
namespace {

using Poco::JSON::Object;

Object::Ptr ParseObject(const std::string& json) {
  Poco::JSON::Parser parser;
  return parser.parse(json).extract<Object::Ptr>();
}

std::string Compact(const Object::Ptr& object) {
  std::ostringstream out;
  Poco::JSON::Stringifier::condense(object, out);
  return out.str();
}

// A sample as one line, optionally asking for an e-mail.
std::string Item(const std::string& language, bool email = false) {
  Object::Ptr request = ParseObject(SampleRequest(language));
  if (email) {
    Object::Ptr delivery = new Object;
    Object::Ptr mail = new Object;
    mail->set("to", "client@example.com");
    delivery->set("email", mail);
    request->set("delivery", delivery);
  }
  return Compact(request);
}

std::string BadUnitItem() {
  Object::Ptr request = ParseObject(Item("en"));
  request->getObject("contract")->getObject("notice_period")->set("unit", "fortnights");
  return Compact(request);
}

std::string Sha256(const std::string& bytes) {
  Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
  sha.update(bytes);
  return Poco::DigestEngine::digestToHex(sha.digest());
}

struct ZipFile {
  std::vector<std::string> names;  // in archive order
  std::map<std::string, std::string> files;
};

ZipFile Unzip(const std::string& bytes) {
  std::istringstream in(bytes);
  Poco::Zip::ZipArchive archive(in);
  ZipFile zip;
  std::vector<std::pair<std::streamoff, std::string>> ordered;
  for (auto it = archive.headerBegin(); it != archive.headerEnd(); ++it) {
    std::istringstream again(bytes);
    Poco::Zip::ZipInputStream entry(again, it->second);
    std::ostringstream content;
    content << entry.rdbuf();
    zip.files[it->first] = content.str();
    ordered.emplace_back(it->second.getStartPos(), it->first);
  }
  std::sort(ordered.begin(), ordered.end());
  for (auto& [offset, name] : ordered) zip.names.push_back(name);
  return zip;
}

void CheckPdf(const std::string& pdf, const std::string& expected_text) {
  const auto folder = TempDir("parting_batch_pdf_");
  const auto path = folder / "letter.pdf";
  WriteFile(path, pdf);
  int status = -1;
  RunCommand("qpdf --check '" + path.string() + "' >/dev/null 2>&1", &status);
  CHECK(status == 0);
  const std::string text = FoldedText(RunCommand("pdftotext '" + path.string() + "' -"));
  CHECK_MESSAGE(text.find(expected_text) != std::string::npos, expected_text);
  std::filesystem::remove_all(folder);
}

// The parts of an e-mail, decoded.
class Parts : public Poco::Net::PartHandler {
 public:
  void handlePart(const Poco::Net::MessageHeader& header, std::istream& stream) override {
    std::string bytes;
    Poco::StreamCopier::copyToString(stream, bytes);
    parts.emplace_back(header.get("Content-Type", ""), bytes);
  }
  std::vector<std::pair<std::string, std::string>> parts;
};

Poco::JSON::Array::Ptr ManifestItems(const ZipFile& zip) {
  REQUIRE(zip.files.count("manifest.json") == 1);
  return ParseObject(zip.files.at("manifest.json"))->getArray("items");
}

HttpResult PostBatch(std::uint16_t port, const std::string& body,
                     const std::string& type = "application/json") {
  return Send(port, {"POST", "/v1/letters/batch", body, type, false});
}

}  // namespace

TEST_CASE("batch: a JSON array with good and bad items gives a ZIP with a manifest") {
  ServerProcess server;
  REQUIRE_MESSAGE(server.running(), server.Log());
  const std::string body = "[\n" + Item("de", true) + ",\n" + BadUnitItem() +
                           ",\n{\"language\": \"en\", oops},\n" + Item("en") + "\n]";
  const HttpResult result = PostBatch(server.port(), body);
  REQUIRE_MESSAGE(result.status == 200, result.body);
  CHECK(result.content_type == "application/zip");
  CHECK(result.response.getChunkedTransferEncoding());
  CHECK(result.response.get("Parting-Batch-Items", "") == "4");
  CHECK(result.response.get("Parting-Batch-Accepted", "") == "2");
  CHECK(result.response.get("Parting-Batch-Rejected", "") == "2");
  const ZipFile zip = Unzip(result.body);
  REQUIRE(zip.names.size() == 4);
  CHECK(zip.names[0] == "0001-mueller-soehne-ag-2026-11-22.pdf");
  CHECK(zip.names[1] == "0001-mueller-soehne-ag-2026-11-22.eml");
  CHECK(zip.names[2] == "0004-cedar-stone-retail-inc-2026-11-22.pdf");
  CHECK(zip.names[3] == "manifest.json");

  const auto items = ManifestItems(zip);
  REQUIRE(items->size() == 4);
  const auto first = items->getObject(0);
  CHECK(first->getValue<std::string>("status") == "ok");
  CHECK(first->getValue<int>("line") == 2);
  CHECK(first->getValue<std::string>("file") == zip.names[0]);
  CHECK(first->getValue<std::string>("email_file") == zip.names[1]);
  CHECK(first->getValue<std::string>("effective_end_date") == "2027-02-28");
  CHECK(first->getValue<std::string>("route") == "ordinary_notice");
  CHECK(first->getValue<std::string>("fingerprint").size() == 64);
  CHECK(first->getValue<std::string>("sha256") == Sha256(zip.files.at(zip.names[0])));
  const auto bad_unit = items->getObject(1);
  CHECK(bad_unit->getValue<std::string>("status") == "rejected");
  CHECK(bad_unit->isNull("file"));
  CHECK(bad_unit->getArray("errors")->getObject(0)->getValue<std::string>("pointer") ==
        "/contract/notice_period/unit");
  const auto unparseable = items->getObject(2);
  CHECK(unparseable->getValue<std::string>("status") == "rejected");
  CHECK(unparseable->getValue<int>("index") == 2);
  CHECK(unparseable->getValue<int>("line") == 4);
  CHECK(unparseable->getArray("errors")->size() == 1);
  CHECK(items->getObject(3)->getValue<std::string>("sha256") == Sha256(zip.files.at(zip.names[2])));
  const auto totals = ParseObject(zip.files.at("manifest.json"))->getObject("totals");
  CHECK(totals->getValue<int>("ok") == 2);
  CHECK(totals->getValue<int>("rejected") == 2);

  CheckPdf(zip.files.at(zip.names[0]), "Müller");
  CheckPdf(zip.files.at(zip.names[2]), "Cedar & Stone");

  SUBCASE("the e-mail parses and carries the PDF") {
    std::istringstream in(zip.files.at(zip.names[1]));
    Poco::Net::MailMessage message;
    Parts parts;
    message.read(in, parts);
    CHECK(message.getSender().find("jana.petersen@nordlicht.example") != std::string::npos);
    CHECK(message.get("To") == "<client@example.com>");
    CHECK(message.get("Message-ID") ==
          "<" + first->getValue<std::string>("fingerprint") + "@parting.invalid>");
    CHECK(message.get("Date") == "Sun, 22 Nov 2026 09:00:00 GMT");
    REQUIRE(parts.parts.size() == 2);
    CHECK(parts.parts[0].first.starts_with("text/plain"));
    CHECK(parts.parts[0].second.starts_with("Sehr geehrter Herr Müller,\n\nanbei"));
    CHECK(parts.parts[0].second.find("Lena Vogt (lena.vogt@nordlicht.example)") !=
          std::string::npos);
    CHECK(parts.parts[1].first.starts_with("application/pdf"));
    CHECK(parts.parts[1].second == zip.files.at(zip.names[0]));
  }

  SUBCASE("the same batch gives the same bytes") {
    CHECK(PostBatch(server.port(), body).body == result.body);
  }
}

TEST_CASE("batch: a batch whose items are all rejected says so in its headers") {
  ServerProcess server;
  REQUIRE_MESSAGE(server.running(), server.Log());
  const std::string body = BadUnitItem() + "\n{\"language\": \"en\", oops}\n";
  const HttpResult result = PostBatch(server.port(), body, "application/x-ndjson");
  REQUIRE_MESSAGE(result.status == 200, result.body);
  CHECK(result.response.get("Parting-Batch-Items", "") == "2");
  CHECK(result.response.get("Parting-Batch-Accepted", "") == "0");
  CHECK(result.response.get("Parting-Batch-Rejected", "") == "2");
  // The headers agree with the manifest, which is all the archive holds.
  const ZipFile zip = Unzip(result.body);
  REQUIRE(zip.names == std::vector<std::string>{"manifest.json"});
  const auto totals = ParseObject(zip.files.at("manifest.json"))->getObject("totals");
  CHECK(totals->getValue<int>("rejected") == 2);
  CHECK(totals->getValue<int>("ok") == 0);
  const auto items = ManifestItems(zip);
  CHECK(items->getObject(0)->getArray("errors")->getObject(0)->getValue<std::string>("pointer") ==
        "/contract/notice_period/unit");

  // A batch of good items only: every one accepted, none rejected.
  const HttpResult good =
      PostBatch(server.port(), Item("en") + "\n" + Item("pt") + "\n", "application/x-ndjson");
  REQUIRE(good.status == 200);
  CHECK(good.response.get("Parting-Batch-Items", "") == "2");
  CHECK(good.response.get("Parting-Batch-Accepted", "") == "2");
  CHECK(good.response.get("Parting-Batch-Rejected", "") == "0");
  CHECK(Unzip(good.body).names.size() == 3);
}

TEST_CASE("batch: JSON Lines, with line numbers and an e-mail without a sender address") {
  ServerProcess server;
  REQUIRE_MESSAGE(server.running(), server.Log());
  Object::Ptr no_sender_mail = ParseObject(Item("pl", true));
  no_sender_mail->getObject("sender")->remove("email");
  const std::string body =
      Item("th") + "\n\n" + Compact(no_sender_mail) + "\n" + Item("pt", true) + "\r\n[1,2]\n";
  const HttpResult result = PostBatch(server.port(), body, "application/x-ndjson");
  REQUIRE_MESSAGE(result.status == 200, result.body);
  const ZipFile zip = Unzip(result.body);
  const auto items = ManifestItems(zip);
  REQUIRE(items->size() == 4);
  CHECK(items->getObject(0)->getValue<std::string>("status") == "ok");
  CHECK(items->getObject(1)->getValue<int>("line") == 3);
  CHECK(items->getObject(1)->getValue<std::string>("status") == "rejected");
  CHECK(items->getObject(1)->getArray("errors")->getObject(0)->getValue<std::string>("pointer") ==
        "/sender/email");
  CHECK(items->getObject(2)->getValue<std::string>("status") == "ok");
  CHECK_FALSE(items->getObject(2)->isNull("email_file"));
  CHECK(items->getObject(3)->getValue<int>("line") == 5);
  CHECK(items->getObject(3)->getValue<std::string>("status") == "rejected");
  CHECK(zip.names.size() == 4);  // th pdf, pt pdf + eml, manifest
  CheckPdf(zip.files.at(items->getObject(0)->getValue<std::string>("file")), "ปู่ปั้น");
}

TEST_CASE("batch: bodies refused as a whole") {
  ServerProcess server({"--max-batch-items", "3", "--max-batch-body-bytes", "200000"});
  REQUIRE_MESSAGE(server.running(), server.Log());
  const std::string item = Item("en");
  SUBCASE("not an array") {
    const HttpResult result = PostBatch(server.port(), item);
    CHECK(result.status == 400);
    CHECK(result.content_type == "application/problem+json");
  }
  SUBCASE("trailing text") { CHECK(PostBatch(server.port(), "[" + item + "] x").status == 400); }
  SUBCASE("no items") { CHECK(PostBatch(server.port(), "[]").status == 422); }
  SUBCASE("over the item limit") {
    const HttpResult result =
        PostBatch(server.port(), "[" + item + "," + item + "," + item + "," + item + "]");
    CHECK(result.status == 413);
    CHECK(result.body.find("the limit is 3") != std::string::npos);
    CHECK(PostBatch(server.port(), "[" + item + "," + item + "," + item + "]").status == 200);
  }
  SUBCASE("over the body limit") {
    CHECK(PostBatch(server.port(), "[" + item + std::string(200000, ' ') + "]").status == 413);
  }
  SUBCASE("another content type") {
    CHECK(PostBatch(server.port(), "[" + item + "]", "text/plain").status == 415);
  }
  SUBCASE("the single-letter route keeps its own limit") {
    CHECK(PostJson(server.port(), "/v1/letters", item + std::string(1100000, ' ')).status == 413);
  }
}

TEST_CASE("batch: 200 letters in one request") {
  ServerProcess server;
  REQUIRE_MESSAGE(server.running(), server.Log());
  const char* languages[] = {"en", "de", "pt", "pl", "th"};
  std::string body;
  for (int i = 0; i < 200; ++i) body += Item(languages[i % 5], i % 10 == 0) + "\n";
  const auto start = std::chrono::steady_clock::now();
  const HttpResult result = PostBatch(server.port(), body, "application/x-ndjson");
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  REQUIRE_MESSAGE(result.status == 200, result.body);
  const ZipFile zip = Unzip(result.body);
  CHECK(zip.names.size() == 200 + 20 + 1);
  const auto totals = ParseObject(zip.files.at("manifest.json"))->getObject("totals");
  CHECK(totals->getValue<int>("ok") == 200);
  MESSAGE("200-letter batch: " << elapsed.count() << " s, " << 200 / elapsed.count()
                               << " letters/s, " << result.body.size() << " bytes");
}

}  // namespace parting::testing

namespace parting::testing {

TEST_CASE("batch: a batch beyond --max-concurrent-batches gets 503 at once, not a hang") {
  ServerProcess server({"--max-concurrent-batches", "1"});
  REQUIRE_MESSAGE(server.running(), server.Log());
  std::string big;
  for (int i = 0; i < 150; ++i) big += Item(i % 2 ? "de" : "en") + "\n";
  // The first batch starts streaming; its reader then pauses, so the server
  // keeps rendering (and holds the batch slot) while the second one arrives.
  Poco::Net::HTTPClientSession first("127.0.0.1", server.port());
  first.setTimeout(Poco::Timespan(120, 0));
  Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, "/v1/letters/batch",
                                 Poco::Net::HTTPMessage::HTTP_1_1);
  request.setContentType("application/x-ndjson");
  request.setContentLength(static_cast<std::streamsize>(big.size()));
  first.sendRequest(request) << big;
  Poco::Net::HTTPResponse first_response;
  std::istream& first_body = first.receiveResponse(first_response);
  REQUIRE(first_response.getStatus() == 200);

  const auto start = std::chrono::steady_clock::now();
  const HttpResult second = PostBatch(server.port(), Item("en") + "\n", "application/x-ndjson");
  const std::chrono::duration<double> waited = std::chrono::steady_clock::now() - start;
  CHECK(second.status == 503);
  CHECK(second.response.get("Retry-After", "") == "5");
  CHECK(waited.count() < 5);

  // The first batch completes; then the slot is free again.
  std::string archive;
  Poco::StreamCopier::copyToString(first_body, archive);
  CHECK(ParseObject(Unzip(archive).files.at("manifest.json"))
            ->getObject("totals")
            ->getValue<int>("ok") == 150);
  CHECK(PostBatch(server.port(), Item("en") + "\n", "application/x-ndjson").status == 200);

  // The access log counts the streamed archives' bytes as they went out.
  std::istringstream log(server.Log());
  int streamed = 0;
  for (std::string line; std::getline(log, line);) {
    if (line.find("\"route\":\"/v1/letters/batch\"") == std::string::npos ||
        line.find("\"status\":200") == std::string::npos)
      continue;
    const auto entry = ParseObject(line);
    CHECK(entry->getValue<std::size_t>("bytes_out") > 1000);
    ++streamed;
  }
  CHECK(streamed == 2);
}

}  // namespace parting::testing

namespace parting::testing {
namespace {

// A batch sent over a bare socket, so that the test decides how (and
// whether) the answer is read and how the connection ends.
class RawBatchClient {
 public:
  RawBatchClient(std::uint16_t port, const std::string& body)
      : socket_(Poco::Net::SocketAddress("127.0.0.1", port)) {
    // A small receive buffer, so that the server's writes block soon when
    // nothing is read (the kernel would otherwise take megabytes).
    socket_.setReceiveBufferSize(16 * 1024);
    socket_.setReceiveTimeout(Poco::Timespan(30, 0));
    const std::string head =
        "POST /v1/letters/batch HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Content-Type: application/x-ndjson\r\nContent-Length: " +
        std::to_string(body.size()) + "\r\n\r\n";
    SendAll(head);
    SendAll(body);
  }

  /// Reads until `bytes` have arrived (or the server ends); returns them.
  std::string Read(std::size_t bytes) {
    std::string got;
    char buffer[8192];
    while (got.size() < bytes) {
      const int n = socket_.receiveBytes(buffer, sizeof buffer);
      if (n <= 0) break;
      got.append(buffer, static_cast<std::size_t>(n));
    }
    return got;
  }

  /// Ends the connection with a reset (SO_LINGER 0), as a crashed client does.
  void Reset() {
    socket_.setLinger(true, 0);
    socket_.close();
  }

 private:
  void SendAll(const std::string& bytes) {
    std::size_t sent = 0;
    while (sent < bytes.size())
      sent += static_cast<std::size_t>(
          socket_.sendBytes(bytes.data() + sent, static_cast<int>(bytes.size() - sent)));
  }

  Poco::Net::StreamSocket socket_;
};

// Waits up to `seconds` for `text` to appear in the server's log.
bool LogShows(const ServerProcess& server, const std::string& text, int seconds) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  while (std::chrono::steady_clock::now() < deadline) {
    if (server.Log().find(text) != std::string::npos) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

// "batch ended after N of M items and B bytes sent" → {N, B}.
std::pair<long, long> EndedAfter(const std::string& log) {
  const std::size_t at = log.find("batch ended after ");
  if (at == std::string::npos) return {-1, -1};
  long items = -1, total = -1, bytes = -1;
  std::sscanf(log.c_str() + at, "batch ended after %ld of %ld items and %ld bytes sent", &items,
              &total, &bytes);
  return {items, bytes};
}

std::string ManyLetters(int count) {
  std::string body;
  for (int i = 0; i < count; ++i) body += Item(i % 2 ? "pt" : "en") + "\n";
  return body;
}

}  // namespace

TEST_CASE(
    "batch: a client that resets mid-stream stops the rendering; the log has the bytes really "
    "sent") {
  ServerProcess server;
  REQUIRE_MESSAGE(server.running(), server.Log());
  {
    RawBatchClient client(server.port(), ManyLetters(2000));  // more than socket buffers hold
    const std::string first = client.Read(200 * 1024);
    REQUIRE(first.starts_with("HTTP/1.1 200"));
    client.Reset();
  }
  REQUIRE_MESSAGE(LogShows(server, "batch ended after", 30), server.Log());
  const auto [items, bytes] = EndedAfter(server.Log());
  CHECK_MESSAGE(items < 1000, server.Log());  // far from all 2,000
  // What went out (the kernel's loopback buffers take a few megabytes), not
  // what a whole batch of 2,000 letters would be (some 30 MB).
  CHECK(bytes < 12 * 1024 * 1024);
  CHECK(server.Log().find("the client went away") != std::string::npos);
  // The slot is free again: the next batch is served, not refused.
  CHECK(PostBatch(server.port(), Item("en") + "\n", "application/x-ndjson").status == 200);
}

TEST_CASE("batch: a client that reads nothing holds the batch at most --batch-stall-seconds") {
  ServerProcess server({"--batch-stall-seconds", "1"});
  REQUIRE_MESSAGE(server.running(), server.Log());
  RawBatchClient client(server.port(), ManyLetters(2000));  // more than socket buffers hold
  const auto start = std::chrono::steady_clock::now();
  REQUIRE_MESSAGE(LogShows(server, "batch ended after", 40), server.Log());
  const std::chrono::duration<double> held = std::chrono::steady_clock::now() - start;
  CHECK(EndedAfter(server.Log()).first < 2000);
  CHECK(held.count() < 30);
  CHECK(PostBatch(server.port(), Item("en") + "\n", "application/x-ndjson").status == 200);
}

TEST_CASE("batch: SIGTERM ends a batch whose client reads slowly, within seconds") {
  ServerProcess server;
  REQUIRE_MESSAGE(server.running(), server.Log());
  RawBatchClient client(server.port(), ManyLetters(400));
  REQUIRE(client.Read(1000).starts_with("HTTP/1.1 200"));  // streaming has begun
  const auto start = std::chrono::steady_clock::now();
  const std::optional<int> status = server.Stop();  // SIGKILL after 10 s
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  MESSAGE("SIGTERM to exit during a batch: " << took.count() << " s");
  CHECK(status == 0);  // a clean stop, not the harness's SIGKILL
  CHECK(took.count() < 8);
  CHECK_MESSAGE(server.Log().find("batch ended after") != std::string::npos, server.Log());
}

TEST_CASE("batch: --max-batch-seconds ends a batch that takes too long") {
  // Far more letters than one render worker sets in a second (about 1.5 ms
  // each on this project's machine), so the limit, not the end of the
  // batch, ends it.
  constexpr int kLetters = 8000;
  ServerProcess server({"--max-batch-seconds", "1", "--render-workers", "1", "--max-batch-items",
                        std::to_string(kLetters)});
  REQUIRE_MESSAGE(server.running(), server.Log());
  RawBatchClient client(server.port(), ManyLetters(kLetters));
  std::string answer = client.Read(256 * 1024 * 1024);  // everything, until the server ends it
  CHECK(answer.starts_with("HTTP/1.1 200"));
  CHECK(answer.find("0\r\n\r\n") == std::string::npos);  // no final chunk: visibly cut short
  REQUIRE_MESSAGE(LogShows(server, "batch ended after", 10), server.Log());
  CHECK(server.Log().find("(--max-batch-seconds)") != std::string::npos);
  CHECK(EndedAfter(server.Log()).first < kLetters);
}

}  // namespace parting::testing

namespace parting::testing {
namespace {

// A short letter (no projects, hand-over or goodwill), so that many are quick.
std::string SmallItem() {
  Object::Ptr request = ParseObject(SampleRequest("en"));
  for (const char* key : {"projects", "transition", "goodwill"}) request->remove(key);
  request->getObject("termination")->remove("documented_situations");
  return Compact(request);
}

std::string SmallLetters(int count) {
  std::string body;
  const std::string item = SmallItem();
  for (int i = 0; i < count; ++i) body += item + "\n";
  return body;
}

// A line of /proc/PID/status ("VmRSS", "VmHWM") in KiB.
long StatusKb(pid_t pid, const std::string& key) {
  const std::string status = ReadFile("/proc/" + std::to_string(pid) + "/status");
  const std::size_t at = status.find(key + ":");
  return at == std::string::npos ? -1 : std::stol(status.substr(at + key.size() + 1));
}

// Runs the command to its end; the child's peak resident set in KiB.
long PeakRssKb(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  const pid_t pid = fork();
  if (pid == 0) {
    if (!std::freopen("/dev/null", "w", stderr)) _exit(127);
    execv(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  struct rusage usage {};
  wait4(pid, &status, 0, &usage);
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
  return usage.ru_maxrss;
}

}  // namespace

TEST_CASE("batch memory: the command line's peak does not grow with the batch") {
  const auto folder = TempDir("parting_batch_memory_");
  WriteFile(folder / "150.jsonl", SmallLetters(150));
  WriteFile(folder / "600.jsonl", SmallLetters(600));
  const auto run = [&](const std::string& name) {
    return PeakRssKb({PartingBinary().string(), "batch", "--jobs", "2", "--root",
                      ResourceRoot().string(), (folder / (name + ".jsonl")).string(), "--out",
                      (folder / name).string()});
  };
  const long small = run("150");
  const long large = run("600");
  MESSAGE("parting batch peak RSS: 150 letters " << small << " KiB, 600 letters " << large
                                                 << " KiB");
  // Holding each letter's bytes to the end costs ~30 KiB a letter (13 MiB
  // for the 450 more); the input and the manifest grow by well under 2 MiB.
  CHECK(large - small < 6 * 1024);
  std::filesystem::remove_all(folder);
}

TEST_CASE("batch memory: the server's stays flat over batches and batch sizes") {
  ServerProcess server;
  REQUIRE_MESSAGE(server.running(), server.Log());
  const auto batch = [&](int letters) {
    const HttpResult result =
        PostBatch(server.port(), SmallLetters(letters), "application/x-ndjson");
    REQUIRE(result.status == 200);
  };
  batch(100);
  const long first_peak = StatusKb(server.pid(), "VmHWM");
  const long first_rss = StatusKb(server.pid(), "VmRSS");
  batch(400);
  const long large_peak = StatusKb(server.pid(), "VmHWM");
  for (int i = 0; i < 6; ++i) batch(50);
  const long last_rss = StatusKb(server.pid(), "VmRSS");
  MESSAGE("server: peak after 100 letters " << first_peak << " KiB, after 400 more " << large_peak
                                            << " KiB; RSS after the first batch " << first_rss
                                            << " KiB, after the eighth " << last_rss << " KiB");
  CHECK(large_peak - first_peak < 6 * 1024);
  CHECK(last_rss < first_rss * 1.2);
}

}  // namespace parting::testing

namespace parting::testing {

TEST_CASE("batch: letters of a batch share the render queue with single letters") {
  // One render worker and no waiting room: while a batch renders, a single
  // letter finds the worker busy and gets 503 (before, batches rendered on
  // threads of their own and the queue stayed empty).
  // A letter that finds no place is refused at once (where the service can
  // be told to wait for a place, PARTING_QUEUE_WAIT_MS=0 says not to).
  setenv("PARTING_QUEUE_WAIT_MS", "0", 1);
  ServerProcess server({"--render-workers", "1", "--queue-depth", "0"});
  unsetenv("PARTING_QUEUE_WAIT_MS");
  REQUIRE_MESSAGE(server.running(), server.Log());
  // Distinct full letters: the worker is busy for most of the batch (the
  // same small letter again comes from the layout caches in a fraction of a
  // millisecond, and a single letter then found the worker free between
  // two items every time).
  std::string letters;
  const std::string item = Item("en");
  for (int i = 0; i < 300; ++i) {
    std::string line = item;
    line.replace(line.find("Margaret Collins"), 16, "Margaret Collins " + std::to_string(i));
    letters += line + "\n";
  }
  auto batch = std::async(std::launch::async, [&] {
    return PostBatch(server.port(), letters, "application/x-ndjson");
  });
  // Letters until one is refused or the batch is done.
  int refused = 0;
  int served = 0;
  while (refused == 0 &&
         batch.wait_for(std::chrono::milliseconds(20)) != std::future_status::ready) {
    const HttpResult letter = PostJson(server.port(), "/v1/letters", SampleRequest("en"));
    (letter.status == 503 ? refused : served) += 1;
  }
  MESSAGE("letters served while the batch rendered: " << served << ", refused: " << refused);
  CHECK(refused == 1);
  const HttpResult result = batch.get();
  REQUIRE(result.status == 200);
  CHECK(ParseObject(Unzip(result.body).files.at("manifest.json"))
            ->getObject("totals")
            ->getValue<int>("ok") == 300);  // the batch itself waits for the worker, never fails
}

}  // namespace parting::testing
