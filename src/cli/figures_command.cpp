// SPDX-License-Identifier: GPL-3.0-or-later
//
// `hiprx-cli figures --out F.pdf [--png F.png]`: a contact sheet of every exercise figure, so the
// figures can be checked by eye at the size a patient sees them. `--png-dir DIR` writes one PNG per
// exercise (both panels), named by the exercise id, for the clinic's own materials.
#include "cli/commands.h"

#include "core/error.h"
#include "exchange/figure_json.h"
#include "render/figure_drawer.h"
#include "render/home_program.h"
#include "store/app_paths.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace hiprx::cli {
namespace {

struct FiguresArgs {
    std::string out;
    std::string png;
    std::string pngDir;
};

/// Quoted for /bin/sh: the text between single quotes, each ' written as '\''.
std::string shellQuote(const std::string& text)
{
    std::string out = "'";
    for (char c : text)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

/// One PNG per exercise in `dir`, named `<exercise id>.png`. The pictures come from poppler's
/// pdftoppm (as the sheet's --png): one page per figure, rasterised in one run, then renamed.
void writeFigurePngs(const render::FigureLibrary& figures, const std::vector<std::pair<std::string, std::string>>& items,
                     const std::vector<std::string>& exerciseIds, const std::filesystem::path& dir)
{
    std::filesystem::create_directories(dir);
    std::vector<std::string> ids;
    for (const auto& item : items)
        ids.push_back(item.first);
    const auto tempPdf = dir / ".hiprx-figures.pdf";
    render::writeFile(render::renderFigurePages(figures, ids), tempPdf);
    const auto stem = dir / ".hiprx-figure";
    const std::string command = "pdftoppm -r 110 -png " + shellQuote(tempPdf.string()) + " " + shellQuote(stem.string());
    const int status = std::system(command.c_str());
    std::error_code ignored;
    std::filesystem::remove(tempPdf, ignored);
    // pdftoppm numbers the pages with as many digits as the last one needs, so names sort in order.
    std::vector<std::filesystem::path> pages;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        const auto name = entry.path().filename().string();
        if (name.rfind(".hiprx-figure-", 0) == 0 && entry.path().extension() == ".png")
            pages.push_back(entry.path());
    }
    std::sort(pages.begin(), pages.end());
    if (status != 0 || pages.size() != exerciseIds.size()) {
        for (const auto& p : pages)
            std::filesystem::remove(p, ignored);
        throw Error("--png-dir: could not run pdftoppm (install poppler-utils) to make the pictures in " + dir.string());
    }
    for (std::size_t i = 0; i < pages.size(); ++i)
        std::filesystem::rename(pages[i], dir / (exerciseIds[i] + ".png"));
}

void runFigures(const FiguresArgs& args)
{
    if (args.out.empty() && args.pngDir.empty())
        throw Error("figures: give --out F.pdf (the contact sheet), --png-dir DIR (one picture per exercise) or both");
    const auto library = loadBuiltinLibrary();
    const auto figures = loadFigureLibrary("#1F6F8B");
    std::vector<std::pair<std::string, std::string>> items;
    std::vector<std::string> exerciseIds;
    std::vector<FieldProblem> missing;
    for (const auto& e : library.all()) {
        const std::string id = e.figureId.empty() ? e.id : e.figureId;
        if (!figures->has(id))
            missing.push_back({"figure", "exercise " + e.id + ": no figure (expected assets/figures/" + id + ".json)"});
        items.emplace_back(id, e.name);
        exerciseIds.push_back(e.id);
    }
    if (!missing.empty())
        throw InputError(missing);
    if (!args.pngDir.empty()) {
        writeFigurePngs(*figures, items, exerciseIds, args.pngDir);
        std::cout << "Wrote " << items.size() << " figure pictures to " << args.pngDir << " (one per exercise id).\n";
    }
    if (args.out.empty())
        return;
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
    auto* out = cmd->add_option("--out", args->out, "PDF contact sheet to write");
    cmd->add_option("--png", args->png, "also write the sheet's pages as PNG (F-1.png, F-2.png, …) with pdftoppm")
        ->needs(out);
    cmd->add_option("--png-dir", args->pngDir, "write one PNG per exercise, named by its id, into DIR");
    cmd->callback([args] { runFigures(*args); });
}

} // namespace hiprx::cli
