#include "batch/zip_writer.h"

#include <zlib.h>

#include <limits>

namespace parting::batch {
namespace {

constexpr std::uint16_t kStored = 0;
constexpr std::uint16_t kDeflated = 8;
constexpr std::uint16_t kVersionNeeded = 20;  // 2.0: deflate
constexpr std::uint16_t kVersionMadeBy = (3 << 8) | 20;  // Unix, 2.0: mode bits below
constexpr std::uint32_t kFileMode = 0100644u << 16;     // regular file, rw-r--r--
constexpr std::uint64_t kMaxOffset = std::numeric_limits<std::uint32_t>::max();
constexpr std::size_t kMaxEntries = std::numeric_limits<std::uint16_t>::max();

void Put16(std::string& out, std::uint16_t v) {
  out += static_cast<char>(v & 0xFF);
  out += static_cast<char>(v >> 8);
}

void Put32(std::string& out, std::uint32_t v) {
  for (int shift = 0; shift < 32; shift += 8) out += static_cast<char>((v >> shift) & 0xFF);
}

// Raw deflate (no zlib header), as ZIP's method 8 wants; empty on failure.
std::string Deflate(std::string_view bytes) {
  z_stream stream{};
  if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8,
                   Z_DEFAULT_STRATEGY) != Z_OK)
    return {};
  std::string out(deflateBound(&stream, static_cast<uLong>(bytes.size())), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int result = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return result == Z_STREAM_END ? out : std::string();
}

}  // namespace

Status ZipWriter::Add(std::string_view name, std::string_view bytes, Date date) {
  if (finished_) return Status::Internal("zip: entry added after Finish()");
  if (entries_.size() >= kMaxEntries) return Status::Internal("zip: too many entries");
  if (bytes.size() > kMaxOffset || name.size() > 0xFFFF)
    return Status::Internal("zip: entry too large");
  if (date.year < 1980 || date.year > 2107) date = Date{1980, 1, 1};

  Entry entry;
  entry.name = std::string(name);
  entry.dos_time = 0;
  entry.dos_date = static_cast<std::uint16_t>(((date.year - 1980) << 9) | (date.month << 5) | date.day);
  entry.crc = static_cast<std::uint32_t>(
      crc32(0, reinterpret_cast<const Bytef*>(bytes.data()), static_cast<uInt>(bytes.size())));
  entry.size = static_cast<std::uint32_t>(bytes.size());
  entry.offset = static_cast<std::uint32_t>(offset_);
  const std::string deflated = bytes.empty() ? std::string() : Deflate(bytes);
  const bool deflate = !deflated.empty() && deflated.size() < bytes.size();
  entry.method = deflate ? kDeflated : kStored;
  const std::string_view data = deflate ? std::string_view(deflated) : bytes;
  entry.compressed_size = static_cast<std::uint32_t>(data.size());

  std::string header;
  Put32(header, 0x04034b50);
  Put16(header, kVersionNeeded);
  Put16(header, 0);  // flags
  Put16(header, entry.method);
  Put16(header, entry.dos_time);
  Put16(header, entry.dos_date);
  Put32(header, entry.crc);
  Put32(header, entry.compressed_size);
  Put32(header, entry.size);
  Put16(header, static_cast<std::uint16_t>(name.size()));
  Put16(header, 0);  // extra field length
  header += name;
  if (offset_ + header.size() + data.size() > kMaxOffset)
    return Status::Internal("zip: archive larger than 4 GiB");
  Status status = Write(header);
  if (status.ok()) status = Write(data);
  if (status.ok()) entries_.push_back(std::move(entry));
  return status;
}

Status ZipWriter::Finish() {
  if (finished_) return Status::Ok();
  std::string directory;
  for (const Entry& e : entries_) {
    Put32(directory, 0x02014b50);
    Put16(directory, kVersionMadeBy);
    Put16(directory, kVersionNeeded);
    Put16(directory, 0);  // flags
    Put16(directory, e.method);
    Put16(directory, e.dos_time);
    Put16(directory, e.dos_date);
    Put32(directory, e.crc);
    Put32(directory, e.compressed_size);
    Put32(directory, e.size);
    Put16(directory, static_cast<std::uint16_t>(e.name.size()));
    Put16(directory, 0);  // extra field length
    Put16(directory, 0);  // comment length
    Put16(directory, 0);  // disk number
    Put16(directory, 0);  // internal attributes
    Put32(directory, kFileMode);
    Put32(directory, e.offset);
    directory += e.name;
  }
  if (offset_ + directory.size() > kMaxOffset)
    return Status::Internal("zip: archive larger than 4 GiB");
  const auto directory_offset = static_cast<std::uint32_t>(offset_);
  std::string end;
  Put32(end, 0x06054b50);
  Put16(end, 0);  // this disk
  Put16(end, 0);  // disk of the directory
  Put16(end, static_cast<std::uint16_t>(entries_.size()));
  Put16(end, static_cast<std::uint16_t>(entries_.size()));
  Put32(end, static_cast<std::uint32_t>(directory.size()));
  Put32(end, directory_offset);
  Put16(end, 0);  // comment length
  Status status = Write(directory);
  if (status.ok()) status = Write(end);
  if (status.ok()) {
    out_.flush();
    if (!out_) status = Status::Internal("zip: the output stream failed");
  }
  finished_ = status.ok();
  return status;
}

Status ZipWriter::Write(std::string_view bytes) {
  out_.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out_) return Status::Internal("zip: the output stream failed");
  offset_ += bytes.size();
  return Status::Ok();
}

}  // namespace parting::batch
