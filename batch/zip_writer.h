// ZipWriter: a ZIP archive written front to back onto any output stream,
// through Poco::Zip::Compress.
//
// Made for answers that stream (a chunked HTTP body cannot seek): each
// entry is deflated and written whole as soon as it is added, its CRC and
// sizes in a data descriptor after its data, and Finish() writes the central
// directory, so only the list of entries stays in memory, never their bytes.
// The output depends only on the entries, their order and their dates: no
// clock, no owner, no random bits, so the same entries give the same archive
// bytes. Poco switches to ZIP64 by itself beyond 65535 entries or 4 GiB.
// Not thread-safe.
//
//   ZipWriter zip(out);
//   zip.Add("0001-letter.pdf", pdf_bytes, Date{2026, 11, 22});
//   zip.Add("manifest.json", manifest, Date{2026, 11, 22});
//   Status done = zip.Finish();
#pragma once

#include <Poco/Zip/Compress.h>

#include <cstdint>
#include <ostream>
#include <streambuf>
#include <string_view>

#include "parting/date.h"
#include "parting/status.h"

namespace parting::batch {

class ZipWriter {
 public:
  explicit ZipWriter(std::ostream& out);

  /// Writes one entry dated `date` at midnight (dates before 1980, which ZIP
  /// cannot hold, become 1980-01-01). `name` is a relative path with '/'
  /// separators. Internal when the stream fails; the archive is then
  /// incomplete (no central directory).
  Status Add(std::string_view name, std::string_view bytes, Date date);

  /// Writes the central directory; the archive is complete afterwards.
  Status Finish();

  /// Bytes the stream has accepted so far.
  std::uint64_t size() const { return counter_.count(); }

 private:
  // Forwards to the real stream, counting what it accepts and failing as
  // soon as it fails (Poco's CountingOutputStream hides that).
  class Counter : public std::streambuf {
   public:
    explicit Counter(std::ostream& out) : out_(out) {}
    std::uint64_t count() const { return count_; }

   protected:
    int_type overflow(int_type c) override;
    std::streamsize xsputn(const char* bytes, std::streamsize n) override;
    int sync() override;

   private:
    std::ostream& out_;
    std::uint64_t count_ = 0;
  };

  Counter counter_;
  std::ostream counted_;
  Poco::Zip::Compress zip_;
  bool finished_ = false;
  bool failed_ = false;
};

}  // namespace parting::batch
