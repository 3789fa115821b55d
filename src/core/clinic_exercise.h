// SPDX-License-Identifier: GPL-3.0-or-later
//
// A clinic's own exercise as the clinic keeps it: the exercise itself, whether it is retired (no
// longer offered, still readable wherever it was used), and an optional picture (a photo or a
// drawing shown on the handout card in place of a figure). Pictures are kept as the encoded file
// (PNG or JPEG), so an export and an import give back the same bytes.
#pragma once

#include "core/error.h"
#include "core/exercise.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hiprx::core {

enum class PictureType { Png, Jpeg };

/// "image/png" or "image/jpeg".
std::string_view mediaType(PictureType type) noexcept;
/// The type of a media type string; nothing for any other.
std::optional<PictureType> pictureTypeOf(std::string_view mediaType) noexcept;

/// Bounds of a stored picture. A card shows it about 3 inches wide: 1200 pixels is more than any
/// printer needs there, and keeps a database of a hundred pictures small.
struct PictureLimits {
    static constexpr int kMaxSide = 1200;
    static constexpr std::size_t kMaxStoredBytes = 8U * 1024U * 1024U;
};

/// An encoded picture (the file's bytes) with its size in pixels.
struct ExercisePicture {
    PictureType type = PictureType::Png;
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> bytes;

    friend bool operator==(const ExercisePicture&, const ExercisePicture&) = default;
};

/// A clinic exercise with what the clinic keeps beside it.
struct ClinicExercise {
    Exercise exercise; ///< builtin is false
    bool retired = false;
    std::optional<ExercisePicture> picture;

    friend bool operator==(const ClinicExercise&, const ClinicExercise&) = default;
};

/// Problems with a picture's record (type matches the bytes' signature, size within the limits).
/// Whether the bytes really decode is checked by the render layer, which can decode them.
std::vector<FieldProblem> validatePicture(const ExercisePicture& picture, const std::string& path);

/// validateExercise, plus the video link (http or https, one line, short enough for a QR code)
/// and the picture. Paths start with `prefix` ("exercises[2]").
std::vector<FieldProblem> validateClinicExercise(const ClinicExercise& clinic, const std::string& prefix);

/// The figure id that shows a clinic exercise's own picture: its exercise id (a clinic id never
/// equals a built-in one, so it never shadows a built-in figure).
inline const std::string& pictureFigureId(const Exercise& exercise) { return exercise.id; }

} // namespace hiprx::core
