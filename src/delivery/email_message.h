// SPDX-License-Identifier: GPL-3.0-or-later
//
// One outgoing email as HipRx sends it, and its exact bytes on the wire (RFC 5322 with MIME): we
// build the whole message ourselves rather than through curl_mime because libcurl adds neither
// Date nor Message-ID, and a message we built can be tested byte for byte without a server.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hiprx::delivery {

/// An email with one PDF attached. Text fields are UTF-8.
struct EmailMessage {
    std::string fromName;
    std::string fromAddress;
    std::string toName; ///< may be empty
    std::string toAddress;
    std::string subject;
    std::string body; ///< plain text; line ends may be \n or \r\n
    std::string attachmentName; ///< e.g. "home-program.pdf"
    std::vector<std::uint8_t> attachment; ///< the PDF bytes, sent unchanged
    std::string messageId; ///< without angle brackets; newMessageId() when empty at build time
    std::chrono::system_clock::time_point date = std::chrono::system_clock::now();
};

/// A fresh globally unique Message-ID (random part @ the sender's domain), without angle brackets.
std::string newMessageId(std::string_view senderAddress);

/// `Sat, 21 Nov 2026 17:04:05 +0100`: `when` in the local time zone with its offset (RFC 5322 §3.3).
std::string rfc5322Date(std::chrono::system_clock::time_point when);

/// True for a plain mailbox address `local@domain.tld`: no spaces, no angle brackets, no control
/// characters, one @, a dot in the domain. Deliberately stricter than RFC 5321: a typo is caught
/// before a server is contacted.
bool isValidAddress(std::string_view address);

/// `=?UTF-8?B?…?=` words for a header text holding non-ASCII characters; ASCII text unchanged.
std::string encodeHeaderText(std::string_view utf8);
/// Quoted-printable (RFC 2045 §6.7) with CRLF line ends and lines of at most 76 characters.
std::string encodeQuotedPrintable(std::string_view text);
/// Base64 (RFC 2045 §6.8) in lines of 76 characters ending in CRLF.
std::string encodeBase64(const std::vector<std::uint8_t>& bytes);

/// The complete message: headers (Date, Message-ID, From, To, Subject, MIME-Version), a
/// multipart/mixed body with a text/plain UTF-8 quoted-printable part and the attachment as
/// application/pdf base64 (a single text/plain part when there is neither an attachment nor an
/// attachment name). CRLF line ends throughout. Throws InputError naming the field when an
/// address is invalid or a header text holds a line break.
std::string buildMime(const EmailMessage& message);

} // namespace hiprx::delivery
