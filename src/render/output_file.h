// SPDX-License-Identifier: GPL-3.0-or-later
//
// The one way HipRx writes a file the user named (a PDF, an export, a plan): the files hold
// patient data, so they are private, never half-written, never left behind as a temporary file,
// and a device or FIFO given by mistake as the output is refused, not replaced. It lives in the
// lowest layer that writes user files; the CLI's text output goes through it too.
#pragma once

#include <filesystem>
#include <string_view>

namespace hiprx::render {

/// Writes `bytes` to `target` atomically: a uniquely named temporary file beside it (created
/// exclusively with mode 0600, so concurrent writers never share one), flushed to disk, then
/// renamed over the target. A symbolic link is followed to the file it names. The result has mode
/// 0600 whatever the umask or the replaced file's mode.
/// Throws InputError (field "output") when the target cannot be used: a folder, a device, FIFO or
/// socket (refused before anything is written or changed), a missing folder, no permission. Throws
/// Error when writing fails part way (disk full). After any failure no temporary file remains and
/// the target is as it was.
void writeFileAtomically(const std::filesystem::path& target, std::string_view bytes);

} // namespace hiprx::render
