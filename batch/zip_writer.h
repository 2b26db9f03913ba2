// ZipWriter: a ZIP archive written front to back onto any output stream.
//
// Made for answers that stream: each entry is written whole as soon as it is
// added (local header, data), and Finish() writes the central directory, so
// only the list of entries stays in memory, never their bytes. Entries are
// deflated (raw zlib) when that makes them smaller, stored otherwise. The
// output depends only on the entries and their dates: no clock, no owner, no
// random bits, so the same entries give the same archive bytes. Classic ZIP
// only (no ZIP64): up to 65535 entries and 4 GiB. Not thread-safe.
//
//   ZipWriter zip(out);
//   zip.Add("0001-letter.pdf", pdf_bytes, Date{2026, 11, 22});
//   zip.Add("manifest.json", manifest, Date{2026, 11, 22});
//   Status done = zip.Finish();
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "parting/date.h"
#include "parting/status.h"

namespace parting::batch {

class ZipWriter {
 public:
  explicit ZipWriter(std::ostream& out) : out_(out) {}

  /// Writes one entry dated `date` at midnight (dates outside the years ZIP
  /// can hold, 1980-2107, become 1980-01-01). `name` is a relative path with
  /// '/' separators. Internal when the stream fails or a ZIP limit is reached.
  Status Add(std::string_view name, std::string_view bytes, Date date);

  /// Writes the central directory; the archive is complete afterwards.
  Status Finish();

  /// Bytes written so far.
  std::uint64_t size() const { return offset_; }

 private:
  struct Entry {
    std::string name;
    std::uint16_t method;
    std::uint16_t dos_time;
    std::uint16_t dos_date;
    std::uint32_t crc;
    std::uint32_t compressed_size;
    std::uint32_t size;
    std::uint32_t offset;
  };
  Status Write(std::string_view bytes);

  std::ostream& out_;
  std::vector<Entry> entries_;
  std::uint64_t offset_ = 0;
  bool finished_ = false;
};

}  // namespace parting::batch
