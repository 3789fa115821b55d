// SPDX-License-Identifier: GPL-3.0-or-later
//
// A clinic's own exercise as the clinic keeps it: the exercise itself, whether it is retired (no
// longer offered, still readable wherever it was used), and what its handout card shows when it is
// not a built-in figure: a picture (a photo or a drawing) or a figure of its own (a built-in figure
// or base posture with its joint angles adjusted, drawn by the same code as every figure). Pictures
// are kept as the encoded file (PNG or JPEG), so an export and an import give back the same bytes.
#pragma once

#include "core/error.h"
#include "core/exercise.h"
#include "core/figure.h"

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
    /// The exercise's own figure (at most one of picture and figure); its id is the exercise's id.
    std::optional<FigureSpec> figure;

    friend bool operator==(const ClinicExercise&, const ClinicExercise&) = default;
};

/// Problems with a picture's record (type matches the bytes' signature, size within the limits).
/// Whether the bytes really decode is checked by the render layer, which can decode them.
std::vector<FieldProblem> validatePicture(const ExercisePicture& picture, const std::string& path);

/// validateExercise, plus the video link (http or https, one line, short enough for a QR code),
/// the picture and the own figure (core::checkFigure, at `prefix.own_figure.start.pose.right_hip`),
/// and that it has not both. Paths start with `prefix` ("exercises[2]").
std::vector<FieldProblem> validateClinicExercise(const ClinicExercise& clinic, const std::string& prefix);

/// The figure id that shows a clinic exercise's own picture: its exercise id (a clinic id never
/// equals a built-in one, so it never shadows a built-in figure).
/// An exercise's own figure is drawn under the same id.
inline const std::string& pictureFigureId(const Exercise& exercise) { return exercise.id; }

} // namespace hiprx::core
