// SPDX-License-Identifier: GPL-3.0-or-later
//
// Printing through wxPrintPreview under Xvfb (printing itself needs a print server): the preview
// must hold exactly the PDF's pages, at the PDF's page size as pdfinfo reports it.
#include "app/pdf_printout.h"

#include "core/error.h"
#include "render/home_program.h"

#include "../render/render_fixtures.h"

#include <gtest/gtest.h>
#include <wx/app.h>
#include <wx/print.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <regex>
#include <thread>

namespace hiprx::app {
namespace {

struct PdfInfo {
    int pages = 0;
    double width = 0;
    double height = 0;
};

/// pdfinfo (poppler-utils) on the bytes: an independent reading of the page count and size.
PdfInfo pdfinfo(const std::vector<std::uint8_t>& pdf)
{
    const auto file = std::filesystem::temp_directory_path() /
                      ("hiprx-printout-" + std::to_string(std::random_device{}()) + ".pdf");
    std::ofstream(file, std::ios::binary).write(reinterpret_cast<const char*>(pdf.data()),
                                                static_cast<std::streamsize>(pdf.size()));
    std::string out;
    if (FILE* pipe = ::popen(("pdfinfo '" + file.string() + "'").c_str(), "r")) {
        char buffer[512];
        while (std::fgets(buffer, sizeof buffer, pipe))
            out += buffer;
        ::pclose(pipe);
    }
    std::filesystem::remove(file);
    PdfInfo info;
    std::smatch m;
    if (std::regex_search(out, m, std::regex(R"(Pages:\s+(\d+))")))
        info.pages = std::stoi(m[1]);
    if (std::regex_search(out, m, std::regex(R"(Page size:\s+([\d.]+) x ([\d.]+) pts)"))) {
        info.width = std::stod(m[1]);
        info.height = std::stod(m[2]);
    }
    return info;
}

std::vector<std::uint8_t> renderPdf(std::size_t exercises, render::PageSize size)
{
    return render::renderHomeProgram(render::fixtures::input("Tomás Álvarez", exercises, core::Urgency::Routine),
                                     size, render::defaultResources(render::fixtures::templatesDir()));
}

void pump()
{
    for (int i = 0; i < 10; ++i)
        wxTheApp->Yield(true);
}

constexpr double kMmToPoints = 72.0 / 25.4;

} // namespace

TEST(PdfPrintout, PreviewHoldsThePdfPagesAtThePdfPageSize)
{
    const auto pdf = renderPdf(8, render::PageSize::A4);
    const PdfInfo info = pdfinfo(pdf);
    ASSERT_GT(info.pages, 1) << "the sample should span several pages";

    wxPrintDialogData data;
    auto* forScreen = new PdfPrintout(pdf, "Home program");
    auto* forPrinter = new PdfPrintout(pdf, "Home program");
    EXPECT_EQ(forScreen->pageCount(), info.pages);
    EXPECT_NEAR(forScreen->pageSizePoints(1).x, info.width, 0.01);
    EXPECT_NEAR(forScreen->pageSizePoints(1).y, info.height, 0.01);
    matchPaperToPdf(data.GetPrintData(), *forScreen);
    EXPECT_EQ(data.GetPrintData().GetPaperId(), wxPAPER_A4);

    auto* preview = new wxPrintPreview(forScreen, forPrinter, &data);
    ASSERT_TRUE(preview->IsOk());
    auto* frame = new wxPreviewFrame(preview, nullptr, "Print preview", wxDefaultPosition, wxSize(800, 780));
    frame->Initialize();
    frame->Show();
    pump();

    EXPECT_EQ(preview->GetMinPage(), 1);
    EXPECT_EQ(preview->GetMaxPage(), info.pages);
    EXPECT_TRUE(preview->RenderPage(info.pages));
    EXPECT_FALSE(forScreen->HasPage(info.pages + 1));
    // The page the preview lays out is the PDF's page: A4 in whole millimetres is within 1.5 pt.
    int widthMm = 0;
    int heightMm = 0;
    forScreen->GetPageSizeMM(&widthMm, &heightMm);
    EXPECT_NEAR(widthMm * kMmToPoints, info.width, 1.5);
    EXPECT_NEAR(heightMm * kMmToPoints, info.height, 1.5);

    // For a manual look: HIPRX_KEEP_PREVIEW_S=10 keeps the window open for a screenshot.
    if (const char* keep = std::getenv("HIPRX_KEEP_PREVIEW_S")) {
        const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(std::atoi(keep));
        while (std::chrono::steady_clock::now() < until) {
            pump();
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    }
    // Closed as a person closes it: wxPreviewFrame frees the window disabler it holds only when it
    // handles its close event, so a bare Destroy() leaks it (the sanitizer run, issue 19).
    frame->Close(true);
    pump();
}

TEST(PdfPrintout, LetterPdfPrintsOnLetterPaper)
{
    const auto pdf = renderPdf(1, render::PageSize::Letter);
    const PdfInfo info = pdfinfo(pdf);
    PdfPrintout printout(pdf, "Home program");
    EXPECT_EQ(printout.pageCount(), info.pages);
    EXPECT_NEAR(printout.pageSizePoints(1).x, 612.0, 0.01);
    wxPrintData data;
    matchPaperToPdf(data, printout);
    EXPECT_EQ(data.GetPaperId(), wxPAPER_LETTER);
    EXPECT_EQ(data.GetOrientation(), wxPORTRAIT);
}

TEST(PdfPrintout, RefusesBytesThatAreNotAPdf)
{
    EXPECT_THROW(PdfPrintout({'n', 'o', 't', ' ', 'a', ' ', 'p', 'd', 'f'}, "x"), hiprx::Error);
}

} // namespace hiprx::app
