#include "pdf/object_stream.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <map>

#include "pdf/deflate.h"

namespace parting::pdf {
namespace {

Status Broken(const std::string& what) {
  return Status::Internal("PDF: cannot pack objects: " + what);
}

// Reads the decimal number at `at` (skipping spaces); false when none.
bool Number(std::string_view s, size_t& at, size_t& value) {
  while (at < s.size() && (s[at] == ' ' || s[at] == '\r' || s[at] == '\n')) ++at;
  auto [end, error] = std::from_chars(s.data() + at, s.data() + s.size(), value);
  if (error != std::errc() || end == s.data() + at) return false;
  at = static_cast<size_t>(end - s.data());
  return true;
}

void AppendNumber(std::string& out, size_t value) {
  char buf[24];
  const auto [end, error] = std::to_chars(buf, buf + sizeof buf, value);
  out.append(buf, end);
}

// More objects than any letter has by far (a cross-reference table that
// says otherwise is damaged).
constexpr size_t kMaxObjects = 1 << 20;

}  // namespace

Result<std::string> PackObjects(std::string_view pdf,
                                const std::map<int, std::string_view>& replace,
                                const std::function<ExtraObjects(int first_free)>& extra,
                                Effort effort) {
  // startxref -> the classic table: "xref", subsections "first count", entries.
  const size_t startxref = pdf.rfind("startxref");
  if (startxref == std::string_view::npos) return Broken("no startxref");
  size_t at = startxref + 9, xref_at = 0;
  if (!Number(pdf, at, xref_at) || xref_at >= pdf.size() || pdf.compare(xref_at, 4, "xref") != 0)
    return Broken("no cross-reference table");
  // Object numbers are dense (a letter has a few dozen): tables by number.
  std::vector<size_t> offset_of;  // object number -> offset, 0: not in use
  at = xref_at + 4;
  for (;;) {
    size_t probe = at, first = 0, count = 0;
    if (!Number(pdf, probe, first) || !Number(pdf, probe, count)) break;
    if (first + count > kMaxObjects) return Broken("too many objects");
    at = probe;
    while (at < pdf.size() && (pdf[at] == '\r' || pdf[at] == '\n' || pdf[at] == ' ')) ++at;
    if (offset_of.size() < first + count) offset_of.resize(first + count, 0);
    for (size_t k = 0; k < count; ++k, at += 20) {
      if (at + 20 > pdf.size()) return Broken("a short cross-reference table");
      size_t offset = 0, p = at;
      Number(pdf, p, offset);
      if (pdf[at + 17] != 'n') continue;
      if (offset == 0 || offset >= xref_at) return Broken("an object outside the body");
      offset_of[first + k] = offset;
    }
  }
  const size_t size = offset_of.size();
  const size_t trailer_at = pdf.find("trailer", at);
  if (trailer_at == std::string_view::npos || trailer_at > startxref) return Broken("no trailer");
  const size_t open = pdf.find("<<", trailer_at), close = pdf.rfind(">>", startxref);
  if (open == std::string_view::npos || close == std::string_view::npos || close < open)
    return Broken("no trailer dictionary");

  // Each object's bytes run to the next object (or the table): the objects
  // in use, in file order.
  std::vector<std::pair<size_t, size_t>> by_offset;  // offset, number
  for (size_t n = 1; n < size; ++n)
    if (offset_of[n]) by_offset.emplace_back(offset_of[n], n);
  std::sort(by_offset.begin(), by_offset.end());
  std::vector<size_t> end_of(size, 0);  // object number -> end
  for (size_t i = 0; i < by_offset.size(); ++i)
    end_of[by_offset[i].second] = i + 1 < by_offset.size() ? by_offset[i + 1].first : xref_at;

  const ExtraObjects more = extra ? extra(static_cast<int>(size)) : ExtraObjects{};
  const size_t total = size + more.ends.size();
  constexpr size_t kNotPacked = ~size_t{0};
  std::vector<size_t> packed_index(total, kNotPacked);  // object number -> index in the stream
  size_t packed = 0;
  std::string heads, bodies;
  bodies.reserve(pdf.size() / 2 + more.appended.size());
  auto add = [&](size_t number, std::string_view content) {
    packed_index[number] = packed++;
    AppendNumber(heads, number);
    heads += ' ';
    AppendNumber(heads, bodies.size());
    heads += ' ';
    bodies += content;
    bodies += '\n';
  };
  for (size_t number = 1; number < size; ++number) {
    if (!offset_of[number] || replace.count(static_cast<int>(number))) continue;
    const size_t offset = offset_of[number];
    std::string_view object = pdf.substr(offset, end_of[number] - offset);
    // "n 0 obj"
    size_t head_end = 0, parsed = 0;
    const bool headed = Number(object, head_end, parsed) && parsed == number &&
                        object.compare(head_end, 6, " 0 obj") == 0;
    const size_t body = object.find('\n');
    const size_t tail = object.rfind("endobj");
    if (!headed || body == std::string_view::npos || tail == std::string_view::npos || tail < body)
      return Broken("object " + std::to_string(number) + " is not where the table says");
    std::string_view content = object.substr(body + 1, tail - body - 1);
    if (auto it = more.replace.find(static_cast<int>(number)); it != more.replace.end())
      content = it->second;
    if (content.find("\nstream\r\n") != std::string_view::npos ||
        content.find("\nstream\n") != std::string_view::npos)
      continue;  // a stream stays where it is
    add(number, content);
  }
  for (size_t k = 0, from = 0; k < more.ends.size(); from = more.ends[k++]) {
    if (more.ends[k] < from || more.ends[k] > more.appended.size())
      return Broken("an extra object outside its text");
    add(size + k, std::string_view(more.appended).substr(from, more.ends[k] - from));
  }

  // The body without the packed objects, then the object stream.
  std::string out;
  out.reserve(pdf.size());
  const size_t stream_number = total, xref_number = stream_number + 1;
  std::vector<size_t> new_offset(xref_number + 1, 0);  // object number -> offset in `out`
  out.append(pdf.substr(0, by_offset.empty() ? xref_at : by_offset.front().first));
  for (const auto& [offset, n] : by_offset) {
    if (packed_index[n] != kNotPacked) continue;
    new_offset[n] = out.size();
    if (auto it = replace.find(static_cast<int>(n)); it != replace.end()) {
      AppendNumber(out, n);
      out += " 0 obj\n";
      out += it->second;
      out += "endobj\n";
      continue;
    }
    out.append(pdf.substr(offset, end_of[n] - offset));
  }
  if (packed > 0) {
    heads += bodies;
    const std::string data = Deflate(heads, effort);
    if (data.empty()) return Broken("deflate failed");
    new_offset[stream_number] = out.size();
    AppendNumber(out, stream_number);
    out += " 0 obj\n<</Type/ObjStm/N ";
    AppendNumber(out, packed);
    out += "/First ";
    AppendNumber(out, heads.size() - bodies.size());
    out += "/Filter/FlateDecode/Length ";
    AppendNumber(out, data.size());
    out += ">>\nstream\n";
    out += data;
    out += "\nendstream\nendobj\n";
  }

  // The cross-reference stream: type, offset or stream, generation or index.
  const size_t xref_offset = out.size();
  new_offset[xref_number] = xref_offset;
  const int width = xref_offset < (1u << 16) ? 2 : xref_offset < (1u << 24) ? 3 : 4;
  // The third field: the index in the object stream (or a generation, 0).
  const int width3 = packed <= 256 ? 1 : packed <= 65536 ? 2 : 3;
  const size_t row = 2 + width + width3;  // PNG filter byte, type, offset, third field
  std::string rows;
  rows.reserve(row * (xref_number + 1));
  unsigned char entry[16] = {}, previous[16] = {};
  for (size_t n = 0; n <= xref_number; ++n) {
    size_t field = 0, last = 0;
    entry[0] = 0;
    if (n < total && packed_index[n] != kNotPacked) {
      entry[0] = 2;
      field = stream_number;
      last = packed_index[n];
    } else if (new_offset[n]) {
      entry[0] = 1;
      field = new_offset[n];
    }
    for (int b = 0; b < width; ++b)
      entry[1 + b] = static_cast<unsigned char>(field >> (8 * (width - 1 - b)));
    for (int b = 0; b < width3; ++b)
      entry[1 + width + b] = static_cast<unsigned char>(last >> (8 * (width3 - 1 - b)));
    rows += '\2';  // PNG "up": each byte less the one above it
    for (size_t b = 0; b + 1 < row; ++b)
      rows += static_cast<char>(static_cast<unsigned char>(entry[b] - previous[b]));
    std::copy(entry, entry + row - 1, previous);
  }
  const std::string data = Deflate(rows, effort);
  if (data.empty()) return Broken("deflate failed");
  // The trailer's keys but /Size, in the stream's dictionary.
  std::string keys(pdf.substr(open + 2, close - open - 2));
  const size_t size_key = keys.find("/Size");
  if (size_key != std::string::npos) {
    size_t end = size_key + 5, ignored = 0;
    Number(keys, end, ignored);
    keys.erase(size_key, end - size_key);
  }
  while (!keys.empty() && (keys.back() == '\n' || keys.back() == '\r')) keys.pop_back();
  AppendNumber(out, xref_number);
  out += " 0 obj\n<<" + keys + "\n/Type/XRef/Size ";
  AppendNumber(out, xref_number + 1);
  out += "/W[1 ";
  AppendNumber(out, static_cast<size_t>(width));
  out += ' ';
  AppendNumber(out, static_cast<size_t>(width3));
  out += "]/Filter/FlateDecode/DecodeParms<</Predictor 12/Columns ";
  AppendNumber(out, row - 1);
  out += ">>/Length ";
  AppendNumber(out, data.size());
  out += ">>\nstream\n";
  out += data;
  out += "\nendstream\nendobj\nstartxref\n";
  AppendNumber(out, xref_offset);
  out += "\n%%EOF\n";
  return out;
}

}  // namespace parting::pdf
