// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/pdf_preview.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <wx/bitmap.h>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/image.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>

namespace hiprx::app {

namespace {

const int kZooms[] = {50, 75, 100, 125, 150, 200};

/// libharu's ToUnicode maps make poppler print harmless warnings; they would only confuse users.
void quietPoppler(const std::string&, void*) {}

} // namespace

struct PdfPreview::Document {
    std::vector<char> bytes; // poppler reads from this buffer for the document's lifetime
    std::unique_ptr<poppler::document> doc;
};

PdfPreview::PdfPreview(wxWindow* parent) : wxPanel(parent)
{
    poppler::set_debug_error_function(quietPoppler, nullptr);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    auto* prev = new wxButton(this, wxID_BACKWARD, "< &Previous");
    auto* next = new wxButton(this, wxID_FORWARD, "&Next >");
    m_pageLabel = new wxStaticText(this, wxID_ANY, "No preview yet");
    m_zoomChoice = new wxChoice(this, wxID_ANY);
    for (int z : kZooms)
        m_zoomChoice->Append(wxString::Format("%d %%", z));
    m_zoomChoice->SetSelection(2);
    bar->Add(prev, wxSizerFlags().Border(wxRIGHT, FromDIP(4)));
    bar->Add(next, wxSizerFlags().Border(wxRIGHT, FromDIP(8)));
    bar->Add(m_pageLabel, wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(16)));
    bar->Add(new wxStaticText(this, wxID_ANY, "Zoom"), wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(4)));
    bar->Add(m_zoomChoice);
    sizer->Add(bar, wxSizerFlags().Border(wxALL, FromDIP(6)));

    m_scroll = new wxScrolledWindow(this, wxID_ANY);
    m_scroll->SetBackgroundColour(wxColour(128, 128, 128));
    m_scroll->SetScrollRate(FromDIP(16), FromDIP(16));
    m_bitmap = new wxStaticBitmap(m_scroll, wxID_ANY, wxNullBitmap);
    auto* inner = new wxBoxSizer(wxVERTICAL);
    inner->Add(m_bitmap, wxSizerFlags().Center().Border(wxALL, FromDIP(12)));
    m_scroll->SetSizer(inner);
    sizer->Add(m_scroll, wxSizerFlags(1).Expand());
    SetSizer(sizer);

    prev->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { showPage(m_page - 1); });
    next->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { showPage(m_page + 1); });
    m_zoomChoice->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { setZoom(kZooms[m_zoomChoice->GetSelection()]); });
}

PdfPreview::~PdfPreview() = default;

bool PdfPreview::setPdf(const std::vector<std::uint8_t>& pdf)
{
    auto doc = std::make_unique<Document>();
    doc->bytes.assign(pdf.begin(), pdf.end());
    doc->doc.reset(poppler::document::load_from_raw_data(doc->bytes.data(), static_cast<int>(doc->bytes.size())));
    if (!doc->doc || doc->doc->is_locked()) {
        m_doc.reset();
        m_bitmap->SetBitmap(wxNullBitmap);
        m_pageLabel->SetLabel("The preview could not read this PDF.");
        return false;
    }
    m_doc = std::move(doc);
    m_page = 0;
    render();
    return true;
}

int PdfPreview::pageCount() const { return m_doc ? m_doc->doc->pages() : 0; }

void PdfPreview::showPage(int page)
{
    if (!m_doc || page < 0 || page >= pageCount())
        return;
    m_page = page;
    render();
}

void PdfPreview::setZoom(int percent)
{
    m_zoom = std::clamp(percent, 25, 400);
    render();
}

wxSize PdfPreview::bitmapSize() const
{
    const wxBitmap bmp = m_bitmap->GetBitmap();
    return bmp.IsOk() ? bmp.GetSize() : wxSize();
}

void PdfPreview::render()
{
    if (!m_doc)
        return;
    std::unique_ptr<poppler::page> page(m_doc->doc->create_page(m_page));
    if (!page)
        return;
    poppler::page_renderer renderer;
    renderer.set_render_hints(poppler::page_renderer::antialiasing | poppler::page_renderer::text_antialiasing);
    renderer.set_image_format(poppler::image::format_rgb24);
    const double dpi = 96.0 * m_zoom / 100.0 * GetDPIScaleFactor();
    const poppler::image image = renderer.render_page(page.get(), dpi, dpi);
    const int w = image.width();
    const int h = image.height();
    if (w <= 0 || h <= 0)
        return;
    // wxImage takes ownership of malloc'd RGB rows; poppler's rows are padded, so copy row by row.
    auto* rgb = static_cast<unsigned char*>(std::malloc(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 3));
    for (int y = 0; y < h; ++y)
        std::memcpy(rgb + static_cast<std::size_t>(y) * static_cast<std::size_t>(w) * 3,
                    image.const_data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(image.bytes_per_row()),
                    static_cast<std::size_t>(w) * 3);
    m_bitmap->SetBitmap(wxBitmap(wxImage(w, h, rgb, false)));
    m_pageLabel->SetLabel(wxString::Format("Page %d of %d", m_page + 1, pageCount()));
    m_scroll->FitInside();
    m_scroll->Layout();
    Layout();
}

} // namespace hiprx::app
