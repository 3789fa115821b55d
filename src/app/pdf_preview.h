// SPDX-License-Identifier: GPL-3.0-or-later
//
// An in-app preview of the very PDF bytes that will be printed or issued, rasterised with
// poppler-cpp, with page navigation and zoom.
#pragma once

#include <wx/panel.h>

#include <cstdint>
#include <memory>
#include <vector>

class wxChoice;
class wxScrolledWindow;
class wxStaticBitmap;
class wxStaticText;

namespace hiprx::app {

class PdfPreview : public wxPanel {
public:
    explicit PdfPreview(wxWindow* parent);
    ~PdfPreview() override;

    /// Shows `pdf` from its first page. Returns false (and shows why) when poppler cannot read it.
    bool setPdf(const std::vector<std::uint8_t>& pdf);
    int pageCount() const;
    int currentPage() const { return m_page; }
    void showPage(int page);
    /// Zoom in percent of 96 dpi (50–200).
    void setZoom(int percent);
    /// Size of the page bitmap shown (tests).
    wxSize bitmapSize() const;

private:
    void render();

    struct Document;
    std::unique_ptr<Document> m_doc;
    int m_page = 0;
    int m_zoom = 100;
    wxScrolledWindow* m_scroll = nullptr;
    wxStaticBitmap* m_bitmap = nullptr;
    wxStaticText* m_pageLabel = nullptr;
    wxChoice* m_zoomChoice = nullptr;
};

} // namespace hiprx::app
