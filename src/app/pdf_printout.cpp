// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/pdf_printout.h"

#include "app/wx_text.h"
#include "core/error.h"

#include <poppler-document.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <cstdio>
#include <string>

#include <wx/msgdlg.h>
#include <wx/printdlg.h>

#include <algorithm>
#include <cmath>

namespace hiprx::app {

namespace {

constexpr double kMaxPrintDpi = 300.0;
constexpr double kPreviewDpi = 150.0;
constexpr double kPointsPerMm = 72.0 / 25.4;

/// poppler's ARGB32 image (premultiplied, BGRA bytes on little-endian) as an opaque wxImage.
wxImage toWxImage(const poppler::image& source)
{
    const int width = source.width();
    const int height = source.height();
    wxImage image(width, height, false);
    unsigned char* out = image.GetData();
    const char* data = source.const_data();
    for (int y = 0; y < height; ++y) {
        const auto* row = reinterpret_cast<const unsigned char*>(data + static_cast<std::ptrdiff_t>(y) *
                                                                             source.bytes_per_row());
        for (int x = 0; x < width; ++x) {
            const unsigned char* px = row + 4 * x;
            // Composite over white paper: colour + (255 - alpha).
            const int white = 255 - px[3];
            *out++ = static_cast<unsigned char>(std::min(255, px[2] + white));
            *out++ = static_cast<unsigned char>(std::min(255, px[1] + white));
            *out++ = static_cast<unsigned char>(std::min(255, px[0] + white));
        }
    }
    return image;
}

} // namespace

struct PdfPrintout::Impl {
    std::vector<char> bytes; // poppler reads from this buffer for the document's lifetime
    std::unique_ptr<poppler::document> document;
};

PdfPrintout::PdfPrintout(std::vector<std::uint8_t> pdf, const wxString& title)
    : wxPrintout(title), m_impl(std::make_unique<Impl>())
{
    m_impl->bytes.assign(pdf.begin(), pdf.end());
    m_impl->document.reset(poppler::document::load_from_raw_data(m_impl->bytes.data(),
                                                                 static_cast<int>(m_impl->bytes.size())));
    if (!m_impl->document || m_impl->document->is_locked() || m_impl->document->pages() < 1)
        throw Error("The home program could not be opened for printing (the PDF is damaged or empty).");
}

PdfPrintout::~PdfPrintout() = default;

int PdfPrintout::pageCount() const
{
    return m_impl->document->pages();
}

wxRealPoint PdfPrintout::pageSizePoints(int page) const
{
    std::unique_ptr<poppler::page> p(m_impl->document->create_page(page - 1));
    if (!p)
        return {};
    const auto rect = p->page_rect(poppler::media_box);
    return {rect.width(), rect.height()};
}

bool PdfPrintout::HasPage(int page)
{
    return page >= 1 && page <= pageCount();
}

void PdfPrintout::GetPageInfo(int* minPage, int* maxPage, int* pageFrom, int* pageTo)
{
    *minPage = 1;
    *maxPage = pageCount();
    *pageFrom = 1;
    *pageTo = pageCount();
}

bool PdfPrintout::OnPrintPage(int page)
{
    wxDC* dc = GetDC();
    if (!dc || !HasPage(page))
        return false;
    std::unique_ptr<poppler::page> p(m_impl->document->create_page(page - 1));
    if (!p)
        return false;
    int ppiX = 0;
    int ppiY = 0;
    GetPPIPrinter(&ppiX, &ppiY);
    const double dpi = IsPreview() ? kPreviewDpi : std::clamp(static_cast<double>(ppiX), 72.0, kMaxPrintDpi);
    poppler::page_renderer renderer;
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    const poppler::image rendered = renderer.render_page(p.get(), dpi, dpi);
    if (!rendered.is_valid())
        return false;
    const wxImage image = toWxImage(rendered);
    // The paper matches the PDF page (matchPaperToPdf), so fitting the image to the paper prints
    // each point of the PDF at 1/72 inch.
    FitThisSizeToPaper(wxSize(image.GetWidth(), image.GetHeight()));
    dc->DrawBitmap(wxBitmap(image), 0, 0, false);
    return true;
}

void matchPaperToPdf(wxPrintData& data, const PdfPrintout& printout)
{
    const wxRealPoint size = printout.pageSizePoints(1);
    const auto near = [](double a, double b) { return std::abs(a - b) < 2.0; };
    const bool landscape = size.x > size.y;
    const double shortSide = std::min(size.x, size.y);
    const double longSide = std::max(size.x, size.y);
    if (near(shortSide, 595.3) && near(longSide, 841.9)) {
        data.SetPaperId(wxPAPER_A4);
    } else if (near(shortSide, 612) && near(longSide, 792)) {
        data.SetPaperId(wxPAPER_LETTER);
    } else {
        data.SetPaperId(wxPAPER_NONE);
        data.SetPaperSize(wxSize(static_cast<int>(std::lround(shortSide / kPointsPerMm)),
                                 static_cast<int>(std::lround(longSide / kPointsPerMm))));
    }
    data.SetOrientation(landscape ? wxLANDSCAPE : wxPORTRAIT);
}

std::vector<std::string> installedPrinters()
{
    std::vector<std::string> printers;
    // `timeout` so that a CUPS server that never answers cannot freeze File → Print.
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen("timeout 3 lpstat -e 2>/dev/null", "r"), pclose);
    if (!pipe)
        return printers;
    char line[512];
    while (std::fgets(line, sizeof line, pipe.get())) {
        std::string name(line);
        while (!name.empty() && (name.back() == '\n' || name.back() == '\r' || name.back() == ' '))
            name.pop_back();
        if (!name.empty())
            printers.push_back(name);
    }
    return printers;
}

bool printPdf(wxWindow* parent, const std::vector<std::uint8_t>& pdf, const wxString& title,
              wxPrintDialogData& data)
{
    PdfPrintout printout(pdf, title);
    matchPaperToPdf(data.GetPrintData(), printout);
    wxPrinter printer(&data);
    // Always with the dialog: without it GTK waits for a printer list that may never come (no
    // print server), which would freeze the app.
    if (printer.Print(parent, &printout, true)) {
        data = printer.GetPrintDialogData();
        return true;
    }
    if (wxPrinter::GetLastError() == wxPRINTER_ERROR)
        wxMessageBox(toWx("The home program could not be printed. There may be no printer set up on this "
                          "computer, or the printer did not answer.\n\nYou can save the PDF and print it "
                          "from another program or computer."),
                     toWx("Printing failed"), wxOK | wxICON_WARNING, parent);
    return false;
}

void previewPdf(wxWindow* parent, const std::vector<std::uint8_t>& pdf, const wxString& title,
                const wxPrintDialogData& data)
{
    wxPrintDialogData previewData(data);
    auto* forScreen = new PdfPrintout(pdf, title);
    auto* forPrinter = new PdfPrintout(pdf, title);
    matchPaperToPdf(previewData.GetPrintData(), *forScreen);
    // The preview owns both printouts from here on.
    auto* preview = new wxPrintPreview(forScreen, forPrinter, &previewData);
    if (!preview->IsOk()) {
        delete preview;
        wxMessageBox(toWx("The print preview could not be shown."), toWx("Print preview"), wxOK | wxICON_WARNING,
                     parent);
        return;
    }
    auto* frame = new wxPreviewFrame(preview, parent, toWx("Print preview — ") + title, wxDefaultPosition,
                                     wxSize(800, 900));
    frame->Centre(wxBOTH);
    frame->InitializeWithModality(wxPreviewFrame_NonModal);
    frame->Show();
}

void pageSetup(wxWindow* parent, wxPrintDialogData& data)
{
    wxPageSetupDialogData setup(data.GetPrintData());
    wxPageSetupDialog dialog(parent, &setup);
    if (dialog.ShowModal() == wxID_OK)
        data.SetPrintData(dialog.GetPageSetupDialogData().GetPrintData());
}

} // namespace hiprx::app
