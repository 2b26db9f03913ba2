#include "batch/zip_writer.h"

#include <Poco/DateTime.h>
#include <Poco/Exception.h>
#include <Poco/MemoryStream.h>
#include <Poco/Path.h>

#include <string>

namespace parting::batch {
namespace {

constexpr int kFirstZipYear = 1980;

Status Failed(const std::string& what) { return Status::Internal("zip: " + what); }

}  // namespace

ZipWriter::Counter::int_type ZipWriter::Counter::overflow(int_type c) {
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  const char byte = traits_type::to_char_type(c);
  return xsputn(&byte, 1) == 1 ? c : traits_type::eof();
}

std::streamsize ZipWriter::Counter::xsputn(const char* bytes, std::streamsize n) {
  if (!out_.write(bytes, n)) return 0;
  count_ += static_cast<std::uint64_t>(n);
  return n;
}

int ZipWriter::Counter::sync() { return out_.flush() ? 0 : -1; }

ZipWriter::ZipWriter(std::ostream& out)
    : counter_(out), counted_(&counter_), zip_(counted_, /*seekableOut=*/false) {}

Status ZipWriter::Add(std::string_view name, std::string_view bytes, Date date) {
  if (finished_) return Failed("entry added after Finish()");
  if (failed_ || !counted_) return Failed("the output stream failed");
  if (date.year < kFirstZipYear) date = Date{kFirstZipYear, 1, 1};
  try {
    Poco::MemoryInputStream in(bytes.data(), bytes.size());
    zip_.addFile(in, Poco::DateTime(date.year, date.month, date.day),
                 Poco::Path(std::string(name), Poco::Path::PATH_UNIX),
                 Poco::Zip::ZipCommon::CM_DEFLATE, Poco::Zip::ZipCommon::CL_NORMAL);
  } catch (const Poco::Exception& e) {
    failed_ = true;
    return Failed(counted_ ? e.displayText() : "the output stream failed");
  }
  if (!counted_) {
    failed_ = true;
    return Failed("the output stream failed");
  }
  return Status::Ok();
}

Status ZipWriter::Finish() {
  if (finished_) return Status::Ok();
  if (failed_ || !counted_) return Failed("the output stream failed");
  try {
    zip_.close();
  } catch (const Poco::Exception& e) {
    failed_ = true;
    return Failed(counted_ ? e.displayText() : "the output stream failed");
  }
  if (!counted_.flush()) return Failed("the output stream failed");
  finished_ = true;
  return Status::Ok();
}

}  // namespace parting::batch
