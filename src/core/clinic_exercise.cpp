// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/clinic_exercise.h"

#include <algorithm>
#include <array>

namespace hiprx::core {

namespace {

constexpr std::array<std::uint8_t, 8> kPngSignature{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
constexpr std::array<std::uint8_t, 3> kJpegSignature{0xFF, 0xD8, 0xFF};

template <std::size_t N>
bool startsWith(const std::vector<std::uint8_t>& bytes, const std::array<std::uint8_t, N>& signature)
{
    return bytes.size() >= N && std::equal(signature.begin(), signature.end(), bytes.begin());
}

/// A QR code at the size the card prints stays readable up to a few hundred characters.
constexpr std::size_t kMaxVideoUrlLength = 500;

} // namespace

std::string_view mediaType(PictureType type) noexcept
{
    return type == PictureType::Png ? "image/png" : "image/jpeg";
}

std::optional<PictureType> pictureTypeOf(std::string_view media) noexcept
{
    if (media == "image/png")
        return PictureType::Png;
    if (media == "image/jpeg")
        return PictureType::Jpeg;
    return std::nullopt;
}

std::vector<FieldProblem> validatePicture(const ExercisePicture& picture, const std::string& path)
{
    std::vector<FieldProblem> problems;
    const auto add = [&](const std::string& field, const std::string& message) {
        const std::string at = path + "." + field;
        problems.push_back({at, at + ": " + message});
    };
    const std::string limit = "1–" + std::to_string(PictureLimits::kMaxSide);
    if (picture.width < 1 || picture.width > PictureLimits::kMaxSide)
        add("width", std::to_string(picture.width) + " pixels is outside " + limit);
    if (picture.height < 1 || picture.height > PictureLimits::kMaxSide)
        add("height", std::to_string(picture.height) + " pixels is outside " + limit);
    if (picture.bytes.empty())
        add("data", "the picture is empty");
    else if (picture.bytes.size() > PictureLimits::kMaxStoredBytes)
        add("data", "the picture takes " + std::to_string(picture.bytes.size() / (1024 * 1024)) +
                        " MB, more than the " + std::to_string(PictureLimits::kMaxStoredBytes / (1024 * 1024)) +
                        " MB allowed");
    else if (picture.type == PictureType::Png ? !startsWith(picture.bytes, kPngSignature)
                                              : !startsWith(picture.bytes, kJpegSignature))
        add("data", "the data is not a " + std::string(picture.type == PictureType::Png ? "PNG" : "JPEG") +
                        " file as its type says");
    return problems;
}

std::vector<FieldProblem> validateClinicExercise(const ClinicExercise& clinic, const std::string& prefix)
{
    std::vector<FieldProblem> problems = validateExercise(clinic.exercise, prefix);
    const std::string& url = clinic.exercise.videoUrl;
    if (!url.empty()) {
        const std::string at = prefix + ".video_url";
        const bool web = url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
        const bool oneWord = url.find_first_of(" \t\r\n") == std::string::npos;
        if (!web || !oneWord)
            problems.push_back({at, at + ": a video link is a web address starting with https:// (no spaces)"});
        else if (url.size() > kMaxVideoUrlLength)
            problems.push_back({at, at + ": " + std::to_string(url.size()) + " characters is longer than the " +
                                        std::to_string(kMaxVideoUrlLength) +
                                        " a printed QR code can carry; use a shorter link"});
    }
    if (clinic.picture)
        for (FieldProblem& p : validatePicture(*clinic.picture, prefix + ".picture"))
            problems.push_back(std::move(p));
    if (clinic.figure) {
        const std::string at = prefix + ".own_figure";
        if (clinic.picture)
            problems.push_back({at, at + ": an exercise shows either a picture or a figure of its own, not both"});
        for (const FieldProblem& p : checkFigure(*clinic.figure))
            problems.push_back({at + "." + p.path, at + "." + p.message});
    }
    return problems;
}

} // namespace hiprx::core
