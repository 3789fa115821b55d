// SPDX-License-Identifier: GPL-3.0-or-later
#include "delivery/email_message.h"

#include "core/error.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <ctime>
#include <random>

namespace hiprx::delivery {

namespace {

constexpr std::size_t kLineLimit = 76;
constexpr std::string_view kBase64Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

bool isAscii(std::string_view text)
{
    for (unsigned char c : text)
        if (c >= 0x80)
            return false;
    return true;
}

std::string base64(std::string_view bytes)
{
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const auto n = (static_cast<unsigned>(static_cast<unsigned char>(bytes[i])) << 16) |
                       (static_cast<unsigned>(static_cast<unsigned char>(bytes[i + 1])) << 8) |
                       static_cast<unsigned char>(bytes[i + 2]);
        out += kBase64Alphabet[(n >> 18) & 63];
        out += kBase64Alphabet[(n >> 12) & 63];
        out += kBase64Alphabet[(n >> 6) & 63];
        out += kBase64Alphabet[n & 63];
    }
    if (i < bytes.size()) {
        unsigned n = static_cast<unsigned>(static_cast<unsigned char>(bytes[i])) << 16;
        if (i + 1 < bytes.size())
            n |= static_cast<unsigned>(static_cast<unsigned char>(bytes[i + 1])) << 8;
        out += kBase64Alphabet[(n >> 18) & 63];
        out += kBase64Alphabet[(n >> 12) & 63];
        out += i + 1 < bytes.size() ? kBase64Alphabet[(n >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

/// Splits UTF-8 text into pieces of at most `maxBytes` bytes without cutting a character, so each
/// encoded word decodes on its own (RFC 2047 §5).
std::vector<std::string_view> utf8Chunks(std::string_view text, std::size_t maxBytes)
{
    std::vector<std::string_view> chunks;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = std::min(text.size(), start + maxBytes);
        while (end < text.size() && end > start && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
            --end;
        if (end == start)
            end = std::min(text.size(), start + maxBytes);
        chunks.push_back(text.substr(start, end - start));
        start = end;
    }
    return chunks;
}

void requireSingleLine(std::string_view text, const char* field)
{
    if (text.find_first_of("\r\n") != std::string_view::npos)
        throw InputError(field, std::string(field) + ": must be a single line");
}

/// `"Name" <address>` with the name encoded when needed, or just the address.
std::string mailbox(const std::string& name, const std::string& address, const char* field)
{
    requireSingleLine(name, field);
    if (!isValidAddress(address))
        throw InputError(field, std::string(field) + ": not an email address (expected name@example.org)");
    if (name.empty())
        return address;
    std::string shown;
    if (isAscii(name)) {
        shown = "\"";
        for (char c : name) {
            if (c == '"' || c == '\\')
                shown += '\\';
            shown += c;
        }
        shown += '"';
    } else {
        shown = encodeHeaderText(name);
    }
    return shown + " <" + address + ">";
}

std::string randomHex(std::size_t length)
{
    static thread_local std::mt19937_64 engine{std::random_device{}()};
    std::string out;
    std::uniform_int_distribution<int> digit(0, 15);
    for (std::size_t i = 0; i < length; ++i)
        out += "0123456789abcdef"[digit(engine)];
    return out;
}

} // namespace

std::string newMessageId(std::string_view senderAddress)
{
    const auto at = senderAddress.rfind('@');
    std::string domain = at == std::string_view::npos ? std::string() : std::string(senderAddress.substr(at + 1));
    if (domain.empty())
        domain = "hiprx.invalid";
    const auto ticks = std::chrono::duration_cast<std::chrono::microseconds>(
                           std::chrono::system_clock::now().time_since_epoch())
                           .count();
    return "hiprx." + std::to_string(ticks) + "." + randomHex(16) + "@" + domain;
}

std::string rfc5322Date(std::chrono::system_clock::time_point when)
{
    const std::time_t t = std::chrono::system_clock::to_time_t(when);
    std::tm local{};
    localtime_r(&t, &local);
    // Names are fixed English tokens (RFC 5322 §3.3), never the user's locale.
    static constexpr std::array<const char*, 7> kDays{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr std::array<const char*, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const long offsetMinutes = local.tm_gmtoff / 60;
    const long absMinutes = offsetMinutes < 0 ? -offsetMinutes : offsetMinutes;
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%s, %02d %s %04d %02d:%02d:%02d %c%02ld%02ld",
                  kDays[static_cast<std::size_t>(local.tm_wday)], local.tm_mday,
                  kMonths[static_cast<std::size_t>(local.tm_mon)], local.tm_year + 1900, local.tm_hour,
                  local.tm_min, local.tm_sec, offsetMinutes < 0 ? '-' : '+', absMinutes / 60, absMinutes % 60);
    return buffer;
}

bool isValidAddress(std::string_view address)
{
    if (address.empty() || address.size() > 254)
        return false;
    const auto at = address.find('@');
    if (at == std::string_view::npos || at == 0 || address.find('@', at + 1) != std::string_view::npos)
        return false;
    for (unsigned char c : address)
        if (c <= 0x20 || c == 0x7F || c == '<' || c == '>' || c == '(' || c == ')' || c == ',' || c == ';' ||
            c == ':' || c == '"' || c == '\\' || c == '[' || c == ']')
            return false;
    const auto domain = address.substr(at + 1);
    const auto dot = domain.find('.');
    return dot != std::string_view::npos && dot != 0 && domain.back() != '.' &&
           domain.find("..") == std::string_view::npos && address.substr(0, at).back() != '.';
}

std::string encodeHeaderText(std::string_view utf8)
{
    if (isAscii(utf8))
        return std::string(utf8);
    // 45 bytes become 60 base64 characters: with "=?UTF-8?B?" and "?=" a word stays under 75.
    std::string out;
    for (auto chunk : utf8Chunks(utf8, 45)) {
        if (!out.empty())
            out += "\r\n ";
        out += "=?UTF-8?B?" + base64(chunk) + "?=";
    }
    return out;
}

std::string encodeQuotedPrintable(std::string_view text)
{
    std::string out;
    std::size_t lineLength = 0;
    auto emit = [&](std::string_view piece) {
        // A soft break ("=" CRLF) keeps each encoded line within 76 characters.
        if (lineLength + piece.size() > kLineLimit - 1) {
            out += "=\r\n";
            lineLength = 0;
        }
        out += piece;
        lineLength += piece.size();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
            continue; // the \n that follows ends the line
        if (c == '\n') {
            // Trailing white space would be lost in transit: encode it.
            if (!out.empty() && (out.back() == ' ' || out.back() == '\t') && lineLength > 0) {
                const char last = out.back();
                out.pop_back();
                --lineLength;
                emit(last == ' ' ? "=20" : "=09");
            }
            out += "\r\n";
            lineLength = 0;
            continue;
        }
        const bool literal = (c >= 33 && c <= 126 && c != '=') || c == ' ' || c == '\t';
        // A "." opening a line is left to the SMTP client's dot-stuffing; "F" of "From " is safe in MIME.
        if (literal) {
            const char ch = static_cast<char>(c);
            emit(std::string_view(&ch, 1));
        } else {
            char hex[4];
            std::snprintf(hex, sizeof hex, "=%02X", c);
            emit(hex);
        }
    }
    if (!out.empty() && (out.back() == ' ' || out.back() == '\t')) {
        const char last = out.back();
        out.pop_back();
        --lineLength;
        emit(last == ' ' ? "=20" : "=09");
    }
    return out;
}

std::string encodeBase64(const std::vector<std::uint8_t>& bytes)
{
    const std::string encoded =
        base64(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
    std::string out;
    out.reserve(encoded.size() + encoded.size() / kLineLimit * 2 + 2);
    for (std::size_t i = 0; i < encoded.size(); i += kLineLimit) {
        out.append(encoded, i, kLineLimit);
        out += "\r\n";
    }
    return out;
}

std::string buildMime(const EmailMessage& message)
{
    const std::string from = mailbox(message.fromName, message.fromAddress, "from");
    const std::string to = mailbox(message.toName, message.toAddress, "to");
    requireSingleLine(message.subject, "subject");
    requireSingleLine(message.attachmentName, "attachment");
    const std::string messageId = message.messageId.empty() ? newMessageId(message.fromAddress) : message.messageId;
    const std::string boundary = "=_hiprx_" + randomHex(24);
    const std::string fileName = message.attachmentName.empty() ? "home-program.pdf" : message.attachmentName;
    // A non-ASCII file name uses the RFC 2231 form, which mail programs decode.
    std::string fileParam;
    if (isAscii(fileName)) {
        fileParam = "filename=\"" + fileName + "\"";
    } else {
        fileParam = "filename*=UTF-8''";
        for (unsigned char c : fileName) {
            if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
                fileParam += static_cast<char>(c);
            } else {
                char hex[4];
                std::snprintf(hex, sizeof hex, "%%%02X", c);
                fileParam += hex;
            }
        }
    }

    std::string out;
    out += "Date: " + rfc5322Date(message.date) + "\r\n";
    out += "Message-ID: <" + messageId + ">\r\n";
    out += "From: " + from + "\r\n";
    out += "To: " + to + "\r\n";
    out += "Subject: " + encodeHeaderText(message.subject) + "\r\n";
    out += "MIME-Version: 1.0\r\n";
    if (message.attachment.empty() && message.attachmentName.empty()) {
        // Nothing to attach (the settings' test message): a single text part.
        out += "Content-Type: text/plain; charset=UTF-8\r\n";
        out += "Content-Transfer-Encoding: quoted-printable\r\n\r\n";
        out += encodeQuotedPrintable(message.body);
        return out;
    }
    out += "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n";
    out += "\r\n";
    out += "This is a message in MIME format.\r\n";
    out += "\r\n--" + boundary + "\r\n";
    out += "Content-Type: text/plain; charset=UTF-8\r\n";
    out += "Content-Transfer-Encoding: quoted-printable\r\n\r\n";
    out += encodeQuotedPrintable(message.body);
    out += "\r\n--" + boundary + "\r\n";
    out += "Content-Type: application/pdf; name=\"" + (isAscii(fileName) ? fileName : std::string("home-program.pdf")) +
           "\"\r\n";
    out += "Content-Transfer-Encoding: base64\r\n";
    out += "Content-Disposition: attachment; " + fileParam + "\r\n\r\n";
    out += encodeBase64(message.attachment);
    out += "\r\n--" + boundary + "--\r\n";
    return out;
}

} // namespace hiprx::delivery
