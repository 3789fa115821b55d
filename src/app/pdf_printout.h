// SPDX-License-Identifier: GPL-3.0-or-later
//
// Printing the home program: the printout draws the PDF's own pages (rasterised by poppler at the
// printer's resolution), so what prints is exactly what is emailed and saved — there is no second
// layout that could drift from the PDF.
#pragma once

#include <wx/print.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

class wxWindow;

namespace hiprx::app {

/// A wxPrintout over PDF bytes. Pages are rendered when drawn, at most at 300 dpi on paper (plenty
/// for text and line art) and at 150 dpi in a preview.
class PdfPrintout : public wxPrintout {
public:
    /// Throws hiprx::Error when poppler cannot open the bytes as a PDF.
    PdfPrintout(std::vector<std::uint8_t> pdf, const wxString& title);
    ~PdfPrintout() override;

    int pageCount() const;
    /// Width and height of page `page` (1-based) in points (1/72 inch), as the PDF says.
    wxRealPoint pageSizePoints(int page) const;

    bool OnPrintPage(int page) override;
    bool HasPage(int page) override;
    void GetPageInfo(int* minPage, int* maxPage, int* pageFrom, int* pageTo) override;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// Sets the paper of `data` to the PDF's first page (A4 or US Letter when it is one of them, else a
/// custom size), so each PDF page fills one sheet at its own scale.
void matchPaperToPdf(wxPrintData& data, const PdfPrintout& printout);

/// The printers this computer knows (CUPS destinations, `lpstat -e`, given 3 s to answer); empty
/// when none is set up, CUPS is not installed or does not answer. The GTK print dialog then offers
/// only "Print to File" and says nothing, so the app says it first.
std::vector<std::string> installedPrinters();

/// File → Print: the native print dialog, then printing. Returns true when printed, false when the
/// user cancelled or printing failed; a failure (e.g. no printer set up) is explained in a message
/// box. `data` keeps the user's choices between calls.
bool printPdf(wxWindow* parent, const std::vector<std::uint8_t>& pdf, const wxString& title,
              wxPrintDialogData& data);

/// File → Print Preview: a preview window of the PDF pages, with a Print button.
void previewPdf(wxWindow* parent, const std::vector<std::uint8_t>& pdf, const wxString& title,
                const wxPrintDialogData& data);

/// File → Page Setup: the native page setup dialog; `data` is updated when the user confirms.
void pageSetup(wxWindow* parent, wxPrintDialogData& data);

} // namespace hiprx::app
