// SPDX-License-Identifier: GPL-3.0-or-later
//
// `hiprx-cli figures --out F.pdf [--png F.png]`: a contact sheet of every exercise figure, so the
// figures can be checked by eye at the size a patient sees them.
#include "cli/commands.h"

#include "core/error.h"
#include "exchange/figure_json.h"
#include "render/figure_drawer.h"
#include "render/home_program.h"
#include "store/app_paths.h"

#include <CLI/CLI.hpp>

#include <cstdlib>
#include <fstream>
#include <iostream>

namespace hiprx::cli {
namespace {

struct FiguresArgs {
    std::string out;
    std::string png;
};

void runFigures(const FiguresArgs& args)
{
    const auto library = loadBuiltinLibrary();
    const auto figures = loadFigureLibrary("#1F6F8B");
    std::vector<std::pair<std::string, std::string>> items;
    std::vector<FieldProblem> missing;
    for (const auto& e : library.all()) {
        const std::string id = e.figureId.empty() ? e.id : e.figureId;
        if (!figures->has(id))
            missing.push_back({"figure", "exercise " + e.id + ": no figure (expected assets/figures/" + id + ".json)"});
        items.emplace_back(id, e.name);
    }
    if (!missing.empty())
        throw InputError(missing);
    const auto pdf = render::renderFigureSheet(*figures, items, render::defaultResources({}).fontRegular);
    render::writeFile(pdf, args.out);
    std::cout << "Wrote " << items.size() << " figures to " << args.out << ".\n";
    if (args.png.empty())
        return;
    // PNG pages come from poppler's pdftoppm (poppler-utils), one file per page: F-1.png, F-2.png…
    std::string stem = args.png;
    if (stem.size() > 4 && stem.substr(stem.size() - 4) == ".png")
        stem.resize(stem.size() - 4);
    const std::string command = "pdftoppm -r 110 -png '" + args.out + "' '" + stem + "'";
    if (args.out.find('\'') != std::string::npos || stem.find('\'') != std::string::npos ||
        std::system(command.c_str()) != 0)
        throw Error("--png: could not run pdftoppm (install poppler-utils) to make " + args.png);
    std::cout << "Wrote the pages as " << stem << "-N.png.\n";
}

} // namespace

std::unique_ptr<render::FigureLibrary> loadFigureLibrary(const std::string& accent)
{
    render::FigureStyle style;
    if (const auto c = render::Rgb::parse(accent))
        style.accent = *c;
    return std::make_unique<render::FigureLibrary>(
        exchange::readFigureDir(store::AppPaths().assetsDir() / "figures"), style);
}

void addFigureCommands(CLI::App& app, CommonOptions& /*common*/)
{
    auto args = std::make_shared<FiguresArgs>();
    auto* cmd = app.add_subcommand("figures", "Draw every exercise figure on a contact sheet (PDF, optional PNG)");
    cmd->add_option("--out", args->out, "PDF file to write")->required();
    cmd->add_option("--png", args->png, "also write PNG pages (F-1.png, F-2.png, …) with pdftoppm");
    cmd->callback([args] { runFigures(*args); });
}

} // namespace hiprx::cli
