// SPDX-License-Identifier: GPL-3.0-or-later
#include "delivery/smtp_client.h"

#include "core/error.h"
#include "core/shared_library.h"

#include <curl/curl.h>

#include <algorithm>
#include <memory>
#include <mutex>

namespace hiprx::delivery {

namespace {

constexpr long kMaxConnectSeconds = 20;

/// The libcurl functions HipRx calls, taken from the library when the first message is sent.
struct Curl {
    decltype(&::curl_global_init) globalInit = nullptr;
    decltype(&::curl_easy_init) easyInit = nullptr;
    decltype(&::curl_easy_setopt) easySetopt = nullptr;
    decltype(&::curl_easy_perform) easyPerform = nullptr;
    decltype(&::curl_easy_getinfo) easyGetinfo = nullptr;
    decltype(&::curl_easy_cleanup) easyCleanup = nullptr;
    decltype(&::curl_easy_strerror) easyStrerror = nullptr;
    decltype(&::curl_slist_append) slistAppend = nullptr;
    decltype(&::curl_slist_free_all) slistFreeAll = nullptr;
};

struct LoadedCurl {
    Curl api;
    std::string problem; ///< empty when every function was found and curl_global_init ran
};

/// libcurl, loaded and initialised once (curl_global_init is not thread-safe; the first send may
/// come from a worker thread).
const LoadedCurl& loadCurl()
{
    static const LoadedCurl loaded = [] {
        LoadedCurl result;
        std::string why;
        void* library = core::openLibrary({"libcurl.so.4", "libcurl-gnutls.so.4"}, why);
        Curl& c = result.api;
        const bool ok = library && core::resolveSymbol(library, "curl_global_init", c.globalInit, why) &&
                        core::resolveSymbol(library, "curl_easy_init", c.easyInit, why) &&
                        core::resolveSymbol(library, "curl_easy_setopt", c.easySetopt, why) &&
                        core::resolveSymbol(library, "curl_easy_perform", c.easyPerform, why) &&
                        core::resolveSymbol(library, "curl_easy_getinfo", c.easyGetinfo, why) &&
                        core::resolveSymbol(library, "curl_easy_cleanup", c.easyCleanup, why) &&
                        core::resolveSymbol(library, "curl_easy_strerror", c.easyStrerror, why) &&
                        core::resolveSymbol(library, "curl_slist_append", c.slistAppend, why) &&
                        core::resolveSymbol(library, "curl_slist_free_all", c.slistFreeAll, why);
        if (!ok)
            result.problem = "The message was not sent: the mail library libcurl could not be loaded (" + why +
                             "). Install the package libcurl4.";
        else if (c.globalInit(CURL_GLOBAL_DEFAULT) != CURLE_OK)
            result.problem = "The message was not sent: the mail library could not start.";
        return result;
    }();
    return loaded;
}

/// The loaded functions; only called after loadCurl() reported no problem.
const Curl& curl() { return loadCurl().api; }

struct Transfer {
    const std::string* data = nullptr;
    std::size_t offset = 0;
    const std::atomic<bool>* cancel = nullptr;
    const SendProgress* progress = nullptr;
};

std::size_t readChunk(char* buffer, std::size_t size, std::size_t count, void* user)
{
    auto* transfer = static_cast<Transfer*>(user);
    const std::size_t room = size * count;
    const std::size_t left = transfer->data->size() - transfer->offset;
    const std::size_t n = std::min(room, left);
    std::copy_n(transfer->data->data() + transfer->offset, n, buffer);
    transfer->offset += n;
    return n;
}

int onProgress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    auto* transfer = static_cast<Transfer*>(user);
    if (transfer->cancel && transfer->cancel->load())
        return 1; // aborts the transfer: CURLE_ABORTED_BY_CALLBACK
    // libcurl's upload counters stay 0 for SMTP uploads in 7.88; the read offset is exact.
    if (transfer->progress && *transfer->progress)
        (*transfer->progress)(transfer->offset, transfer->data->size());
    return 0;
}

struct CurlDeleter {
    void operator()(CURL* handle) const { curl().easyCleanup(handle); }
};
struct SlistDeleter {
    void operator()(curl_slist* list) const { curl().slistFreeAll(list); }
};

std::string hostPort(const SmtpSettings& settings)
{
    return settings.host + ":" + std::to_string(settings.port);
}

SendResult fail(SendFailure failure, std::string message)
{
    return SendResult{failure, std::move(message)};
}

/// libcurl's outcome in words a therapist can act on. The details curl gives (its error buffer)
/// name servers and SMTP codes, never the message or the password.
SendResult explain(CURLcode code, long smtpCode, const std::string& curlDetail, const SmtpSettings& settings)
{
    const std::string where = hostPort(settings);
    const std::string reply = smtpCode > 0 ? " (server reply " + std::to_string(smtpCode) + ")" : std::string();
    switch (code) {
    case CURLE_OK:
        return {};
    case CURLE_COULDNT_RESOLVE_HOST:
        return fail(SendFailure::CouldNotConnect,
                    "Could not find the mail server \"" + settings.host +
                        "\". Check the server name in the email settings and that this computer is online.");
    case CURLE_COULDNT_CONNECT:
        return fail(SendFailure::CouldNotConnect,
                    "Could not connect to the mail server at " + where +
                        ": nothing answered. Check the server name and port in the email settings, and that "
                        "the server is running and this computer is online.");
    case CURLE_LOGIN_DENIED:
        return fail(SendFailure::LoginDenied, "The mail server refused the login for user \"" + settings.user +
                                                  "\"" + reply +
                                                  ". Check the user name and password in the email settings.");
    case CURLE_OPERATION_TIMEDOUT:
        return fail(SendFailure::Timeout, "The mail server at " + where + " stopped answering (no reply within " +
                                              std::to_string(settings.timeoutSeconds) +
                                              " seconds). Try again later.");
    case CURLE_ABORTED_BY_CALLBACK:
        return fail(SendFailure::Cancelled, "Sending was cancelled; the message was not sent.");
    case CURLE_USE_SSL_FAILED:
        return fail(SendFailure::Tls, "The mail server at " + where +
                                          " does not offer a secure connection (STARTTLS). Choose another "
                                          "security setting or server.");
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
        return fail(SendFailure::Tls, "Could not set up a secure connection with the mail server at " + where +
                                          " (" + curlDetail +
                                          "). Check the security setting: STARTTLS usually uses port 587, "
                                          "TLS port 465.");
    default:
        break;
    }
    // SMTP refusals arrive as send errors; curl names the command that failed.
    if (curlDetail.rfind("RCPT failed", 0) == 0)
        return fail(SendFailure::RecipientRefused,
                    "The mail server refused the recipient address" + reply +
                        ". Check the patient's email address; the message was not sent.");
    if (curlDetail.rfind("MAIL failed", 0) == 0)
        return fail(SendFailure::SenderRefused,
                    "The mail server refused the sender address" + reply +
                        ". Check the sender address in the email settings.");
    return fail(SendFailure::Other, "The message was not sent: " +
                                        (curlDetail.empty() ? std::string(curl().easyStrerror(code)) : curlDetail) +
                                        reply + ".");
}

} // namespace

SmtpClient::SmtpClient(SmtpSettings settings) : m_settings(std::move(settings)) {}

bool SmtpClient::useUrl(const std::string& url)
{
    struct Scheme {
        std::string_view prefix;
        SmtpSecurity security;
        int port;
    };
    static constexpr Scheme kSchemes[] = {{"smtp+starttls://", SmtpSecurity::StartTls, 587},
                                          {"smtps://", SmtpSecurity::ImplicitTls, 465},
                                          {"smtp://", SmtpSecurity::None, 25}};
    for (const auto& scheme : kSchemes) {
        if (url.rfind(scheme.prefix, 0) != 0)
            continue;
        std::string rest = url.substr(scheme.prefix.size());
        if (!rest.empty() && rest.back() == '/')
            rest.pop_back();
        int port = scheme.port;
        const auto colon = rest.rfind(':');
        if (colon != std::string::npos) {
            const std::string digits = rest.substr(colon + 1);
            if (digits.empty() || digits.size() > 5 ||
                !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
                return false;
            port = std::stoi(digits);
            rest.resize(colon);
        }
        if (rest.empty() || rest.find_first_of("/@ ") != std::string::npos || port < 1 || port > 65535)
            return false;
        m_settings.host = rest;
        m_settings.port = port;
        m_settings.security = scheme.security;
        return true;
    }
    return false;
}

std::string smtpUrl(const SmtpSettings& settings)
{
    const char* scheme = settings.security == SmtpSecurity::ImplicitTls ? "smtps://" : "smtp://";
    return scheme + hostPort(settings);
}

SendResult SmtpClient::send(const EmailMessage& message, const std::string& password,
                            const std::atomic<bool>* cancel, const SendProgress& progress) const
{
    if (m_settings.host.empty())
        return fail(SendFailure::BadInput, "No mail server is set. Enter one in the email settings.");
    if (m_settings.port < 1 || m_settings.port > 65535)
        return fail(SendFailure::BadInput,
                    "smtp.port: " + std::to_string(m_settings.port) + " is outside 1–65535.");
    // The one place every sender passes (app, CLI, outbox retry): a message with patient data, and a
    // password, travel unencrypted only to a relay on this computer.
    if (m_settings.security == SmtpSecurity::None && !core::isLoopbackHost(m_settings.host))
        return fail(SendFailure::BadInput,
                    "smtp.security: no encryption is allowed only for a mail relay on this computer; " +
                        m_settings.host +
                        " is another machine, so the login and the patient's program would travel openly. Use "
                        "STARTTLS or TLS. Nothing was sent.");
    if (!isValidAddress(message.toAddress))
        return fail(SendFailure::BadInput, "The recipient address is not a valid email address (it needs a name, "
                                           "an @ and a domain, like name@example.org). The message was not sent.");
    if (!isValidAddress(message.fromAddress))
        return fail(SendFailure::BadInput,
                    "The sender address in the email settings is not a valid email address. The message was not "
                    "sent.");
    std::string bytes;
    try {
        bytes = buildMime(message);
    } catch (const InputError& e) {
        return fail(SendFailure::BadInput, e.what());
    }
    if (cancel && cancel->load())
        return fail(SendFailure::Cancelled, "Sending was cancelled; the message was not sent.");

    if (const std::string& problem = loadCurl().problem; !problem.empty())
        return fail(SendFailure::Other, problem);
    const Curl& api = curl();
    std::unique_ptr<CURL, CurlDeleter> session(api.easyInit());
    if (!session)
        return fail(SendFailure::Other, "The message was not sent: the mail library could not start.");
    CURL* handle = session.get();
    char errorBuffer[CURL_ERROR_SIZE] = {};
    Transfer transfer{&bytes, 0, cancel, &progress};

    const std::string url = smtpUrl(m_settings);
    const std::string from = "<" + message.fromAddress + ">";
    std::unique_ptr<curl_slist, SlistDeleter> recipients(
        api.slistAppend(nullptr, ("<" + message.toAddress + ">").c_str()));
    const long timeout = std::max(1, m_settings.timeoutSeconds);

    api.easySetopt(handle, CURLOPT_ERRORBUFFER, errorBuffer);
    api.easySetopt(handle, CURLOPT_URL, url.c_str());
    api.easySetopt(handle, CURLOPT_MAIL_FROM, from.c_str());
    api.easySetopt(handle, CURLOPT_MAIL_RCPT, recipients.get());
    api.easySetopt(handle, CURLOPT_UPLOAD, 1L);
    api.easySetopt(handle, CURLOPT_READFUNCTION, readChunk);
    api.easySetopt(handle, CURLOPT_READDATA, &transfer);
    api.easySetopt(handle, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(bytes.size()));
    api.easySetopt(handle, CURLOPT_NOPROGRESS, 0L);
    api.easySetopt(handle, CURLOPT_XFERINFOFUNCTION, onProgress);
    api.easySetopt(handle, CURLOPT_XFERINFODATA, &transfer);
    api.easySetopt(handle, CURLOPT_NOSIGNAL, 1L); // no SIGALRM in a worker thread
    api.easySetopt(handle, CURLOPT_TIMEOUT, timeout);
    api.easySetopt(handle, CURLOPT_CONNECTTIMEOUT, std::min(timeout, kMaxConnectSeconds));
    if (m_settings.security == SmtpSecurity::StartTls)
        api.easySetopt(handle, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
    if (!m_settings.user.empty()) {
        api.easySetopt(handle, CURLOPT_USERNAME, m_settings.user.c_str());
        api.easySetopt(handle, CURLOPT_PASSWORD, password.c_str());
    }

    const CURLcode code = api.easyPerform(handle);
    long smtpCode = 0;
    api.easyGetinfo(handle, CURLINFO_RESPONSE_CODE, &smtpCode);
    if (code == CURLE_OK && progress)
        progress(bytes.size(), bytes.size());
    return explain(code, smtpCode, errorBuffer, m_settings);
}

} // namespace hiprx::delivery
