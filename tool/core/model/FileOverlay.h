//===- FileOverlay.h - Texts read instead of files --------------*- C++ -*-===//

#ifndef PII_CORE_MODEL_FILEOVERLAY_H
#define PII_CORE_MODEL_FILEOVERLAY_H

#include <map>
#include <string>

namespace pii {

/// Unsaved editor buffers: their texts by absolute path, read instead of
/// the files on disk.
using FileOverlay = std::map<std::string, std::string>;

} // namespace pii

#endif // PII_CORE_MODEL_FILEOVERLAY_H
