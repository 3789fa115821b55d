// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

namespace hiprx::render {

/// The PDF could not be made: a libharu error, a missing or unreadable resource (font, logo,
/// template), or a template that does not parse. Messages name files and lines, never patient data.
class RenderError : public Error {
public:
    using Error::Error;
};

} // namespace hiprx::render
