// Reading a ZIP back in the batch tests: name → bytes, through Poco's reader.
#pragma once

#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include <map>
#include <sstream>
#include <string>

namespace parting::batch {

inline std::map<std::string, std::string> Unzip(const std::string& bytes) {
  std::istringstream in(bytes);
  Poco::Zip::ZipArchive archive(in);
  std::map<std::string, std::string> files;
  for (auto it = archive.headerBegin(); it != archive.headerEnd(); ++it) {
    std::istringstream again(bytes);
    Poco::Zip::ZipInputStream entry(again, it->second);
    std::ostringstream content;
    content << entry.rdbuf();
    files[it->first] = content.str();
  }
  return files;
}

}  // namespace parting::batch
