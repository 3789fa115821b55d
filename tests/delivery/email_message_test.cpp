// SPDX-License-Identifier: GPL-3.0-or-later
#include "delivery/email_message.h"

#include "core/error.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>
#include <sstream>

using namespace hiprx;
using namespace hiprx::delivery;
using ::testing::HasSubstr;
using ::testing::StartsWith;

namespace {

EmailMessage sample()
{
    EmailMessage m;
    m.fromName = "Clínica Sol";
    m.fromAddress = "frontdesk@clinic.example";
    m.toName = "Tomás Álvarez";
    m.toAddress = "t.alvarez@example.org";
    m.subject = "Your exercises";
    m.body = "Hello Tomás,\nsee the PDF.\n";
    m.attachmentName = "home-program.pdf";
    m.attachment = {'%', 'P', 'D', 'F', '-', '1', '.', '4', '\n', 0, 0xFF};
    m.messageId = "abc.123@clinic.example";
    return m;
}

std::vector<std::string> lines(const std::string& text)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        const auto end = text.find("\r\n", start);
        out.push_back(text.substr(start, end - start));
        if (end == std::string::npos)
            break;
        start = end + 2;
    }
    return out;
}

} // namespace

TEST(EmailMessage, Base64MatchesRfc4648Vectors)
{
    EXPECT_EQ(encodeBase64({}), "");
    EXPECT_EQ(encodeBase64({'f'}), "Zg==\r\n");
    EXPECT_EQ(encodeBase64({'f', 'o'}), "Zm8=\r\n");
    EXPECT_EQ(encodeBase64({'f', 'o', 'o', 'b', 'a', 'r'}), "Zm9vYmFy\r\n");
}

TEST(EmailMessage, Base64LinesAreAtMost76Characters)
{
    const std::vector<std::uint8_t> bytes(1000, 0xAB);
    for (const auto& line : lines(encodeBase64(bytes)))
        EXPECT_LE(line.size(), 76u);
}

TEST(EmailMessage, QuotedPrintableEncodesUtf8AndEquals)
{
    EXPECT_EQ(encodeQuotedPrintable("Tomás = 1"), "Tom=C3=A1s =3D 1");
    EXPECT_EQ(encodeQuotedPrintable("a\nb"), "a\r\nb");
    EXPECT_EQ(encodeQuotedPrintable("a\r\nb"), "a\r\nb");
}

TEST(EmailMessage, QuotedPrintableKeepsTrailingSpaceAndShortLines)
{
    EXPECT_EQ(encodeQuotedPrintable("end \nnext"), "end=20\r\nnext");
    const std::string longLine(200, 'x');
    const auto encoded = encodeQuotedPrintable(longLine + "é");
    for (const auto& line : lines(encoded))
        EXPECT_LE(line.size(), 76u);
    std::string joined;
    for (auto line : lines(encoded)) {
        if (!line.empty() && line.back() == '=')
            line.pop_back();
        joined += line;
    }
    EXPECT_EQ(joined, longLine + "=C3=A9");
}

TEST(EmailMessage, HeaderTextIsEncodedOnlyWhenNotAscii)
{
    EXPECT_EQ(encodeHeaderText("Your exercises"), "Your exercises");
    EXPECT_EQ(encodeHeaderText("é"), "=?UTF-8?B?w6k=?=");
    // Long text splits into several words, never inside a character.
    const std::string longText(40, 'a');
    const auto encoded = encodeHeaderText(longText + "ééééé");
    EXPECT_THAT(encoded, HasSubstr("?=\r\n =?UTF-8?B?"));
}

TEST(EmailMessage, AddressCheckCatchesTypos)
{
    EXPECT_TRUE(isValidAddress("t.alvarez@example.org"));
    EXPECT_TRUE(isValidAddress("a+b@mail.example.co.uk"));
    EXPECT_FALSE(isValidAddress(""));
    EXPECT_FALSE(isValidAddress("t.alvarez.example.org"));
    EXPECT_FALSE(isValidAddress("t alvarez@example.org"));
    EXPECT_FALSE(isValidAddress("t@@example.org"));
    EXPECT_FALSE(isValidAddress("t@example"));
    EXPECT_FALSE(isValidAddress("t@example..org"));
    EXPECT_FALSE(isValidAddress("<t@example.org>"));
    EXPECT_FALSE(isValidAddress("t@example.org\r\nBcc: x@y.example"));
}

TEST(EmailMessage, DateFollowsRfc5322)
{
    const auto date = rfc5322Date(std::chrono::system_clock::now());
    EXPECT_TRUE(std::regex_match(date, std::regex(R"((Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d [+-]\d{4})")))
        << date;
}

TEST(EmailMessage, MessageIdUsesTheSenderDomainAndIsUnique)
{
    const auto a = newMessageId("frontdesk@clinic.example");
    const auto b = newMessageId("frontdesk@clinic.example");
    EXPECT_THAT(a, ::testing::EndsWith("@clinic.example"));
    EXPECT_NE(a, b);
}

TEST(EmailMessage, BuiltMessageHasEveryHeaderAndPart)
{
    const auto mime = buildMime(sample());
    EXPECT_THAT(mime, StartsWith("Date: "));
    EXPECT_THAT(mime, HasSubstr("\r\nMessage-ID: <abc.123@clinic.example>\r\n"));
    EXPECT_THAT(mime, HasSubstr("\r\nFrom: =?UTF-8?B?"));
    EXPECT_THAT(mime, HasSubstr("<frontdesk@clinic.example>\r\n"));
    EXPECT_THAT(mime, HasSubstr("<t.alvarez@example.org>\r\n"));
    EXPECT_THAT(mime, HasSubstr("\r\nSubject: Your exercises\r\n"));
    EXPECT_THAT(mime, HasSubstr("MIME-Version: 1.0\r\n"));
    EXPECT_THAT(mime, HasSubstr("Content-Type: text/plain; charset=UTF-8\r\n"));
    EXPECT_THAT(mime, HasSubstr("Content-Transfer-Encoding: quoted-printable\r\n\r\nHello Tom=C3=A1s,\r\n"));
    EXPECT_THAT(mime, HasSubstr("Content-Type: application/pdf"));
    EXPECT_THAT(mime, HasSubstr("filename=\"home-program.pdf\""));
    EXPECT_THAT(mime, HasSubstr(encodeBase64(sample().attachment)));
    // No bare LF anywhere: SMTP wants CRLF.
    for (std::size_t i = 0; i < mime.size(); ++i) {
        if (mime[i] == '\n') {
            ASSERT_TRUE(i > 0 && mime[i - 1] == '\r') << "bare LF at " << i;
        }
    }
}

TEST(EmailMessage, RefusesHeaderInjectionAndBadAddresses)
{
    auto m = sample();
    m.subject = "Hi\r\nBcc: someone@example.org";
    EXPECT_THROW(buildMime(m), InputError);
    m = sample();
    m.toAddress = "not-an-address";
    EXPECT_THROW(buildMime(m), InputError);
    m = sample();
    m.toName = "Eve\nBcc: x@y.example";
    EXPECT_THROW(buildMime(m), InputError);
}

TEST(EmailMessage, WithoutAttachmentIsASingleTextPart)
{
    EmailMessage m = sample();
    m.attachment.clear();
    m.attachmentName.clear();
    const std::string mime = buildMime(m);
    EXPECT_THAT(mime, HasSubstr("\r\nContent-Type: text/plain; charset=UTF-8\r\n"));
    EXPECT_THAT(mime, ::testing::Not(HasSubstr("multipart")));
    EXPECT_THAT(mime, ::testing::Not(HasSubstr("application/pdf")));
    EXPECT_THAT(mime, HasSubstr("Message-ID: <abc.123@clinic.example>\r\n"));
    EXPECT_THAT(mime, HasSubstr("Hello Tom=C3=A1s,\r\nsee the PDF.\r\n"));
    // An empty attachment that has a name is still attached: only "nothing at all" drops the part.
    m.attachmentName = "home-program.pdf";
    EXPECT_THAT(buildMime(m), HasSubstr("application/pdf"));
}
