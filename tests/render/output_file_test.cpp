// SPDX-License-Identifier: GPL-3.0-or-later
//
// writeFileAtomically: the one writer of user-named files (PDFs, exports). Issue 19, item 6.
#include "render/output_file.h"

#include "core/error.h"
#include "pdf_tools.h"
#include "render/home_program.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <thread>
#include <vector>

#include <csignal>

#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/types.h>
#include <unistd.h>

namespace hiprx::render {
namespace {

namespace fs = std::filesystem;
using render::pdfcheck::TempDir;
using ::testing::HasSubstr;

unsigned mode(const fs::path& file)
{
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0)
        return 0;
    return st.st_mode & 07777U;
}

std::string contents(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

/// Every name in `dir` (temporaries start with a dot).
std::set<std::string> names(const fs::path& dir)
{
    std::set<std::string> out;
    for (const auto& entry : fs::directory_iterator(dir))
        out.insert(entry.path().filename().string());
    return out;
}

/// Sets a permissive umask for the test and restores it.
class Umask {
public:
    explicit Umask(mode_t mask) : m_old(::umask(mask)) {}
    ~Umask() { ::umask(m_old); }
    Umask(const Umask&) = delete;
    Umask& operator=(const Umask&) = delete;

private:
    mode_t m_old;
};

TEST(OutputFile, NewAndReplacedFilesArePrivateWhateverTheUmask)
{
    const Umask open(022);
    TempDir dir;
    const auto file = dir.path() / "export.json";
    writeFileAtomically(file, "{}\n");
    EXPECT_EQ(mode(file), 0600U);
    EXPECT_EQ(contents(file), "{}\n");

    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                              fs::perms::others_read);
    writeFileAtomically(file, "[]\n");
    EXPECT_EQ(mode(file), 0600U) << "replacing a 0644 file does not keep it readable by others";
    EXPECT_EQ(contents(file), "[]\n");

    writeFile({'%', 'P', 'D', 'F'}, dir.path() / "program.pdf");
    EXPECT_EQ(mode(dir.path() / "program.pdf"), 0600U);
    EXPECT_EQ(names(dir.path()), (std::set<std::string>{"export.json", "program.pdf"}));
}

/// Limits the size of any file this process writes (RLIMIT_FSIZE), so a write fails part way
/// with EFBIG as it would on a full disk; SIGXFSZ is ignored meanwhile.
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        ::getrlimit(RLIMIT_FSIZE, &m_old);
        m_oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit = m_old;
        limit.rlim_cur = bytes;
        ::setrlimit(RLIMIT_FSIZE, &limit);
    }
    ~FileSizeLimit()
    {
        ::setrlimit(RLIMIT_FSIZE, &m_old);
        std::signal(SIGXFSZ, m_oldHandler);
    }
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;

private:
    rlimit m_old{};
    void (*m_oldHandler)(int) = nullptr;
};

TEST(OutputFile, AFailedWriteLeavesNoPartialFileAndTheOldFileIntact)
{
    TempDir dir;
    const auto file = dir.path() / "out.json";
    writeFileAtomically(file, "old");
    {
        const FileSizeLimit limit(4096);
        try {
            writeFileAtomically(file, std::string(100000, 'x'));
            FAIL() << "a write cut short was reported as done";
        } catch (const InputError&) {
            FAIL() << "a failure while writing is not bad input";
        } catch (const Error& e) {
            EXPECT_THAT(e.what(), HasSubstr(file.string()));
        }
    }
    EXPECT_EQ(contents(file), "old");
    EXPECT_EQ(names(dir.path()), (std::set<std::string>{"out.json"})) << "no .partial, no temporary";

    EXPECT_THROW(writeFileAtomically(dir.path() / "missing" / "out.json", "secret"), InputError);
    EXPECT_EQ(names(dir.path()), (std::set<std::string>{"out.json"}));
}

TEST(OutputFile, ADeviceOrFifoIsRefusedAndNeverReplaced)
{
    TempDir dir;
    const auto fifo = dir.path() / "pipe";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0644), 0);
    try {
        writeFileAtomically(fifo, "secret");
        FAIL() << "a FIFO was written";
    } catch (const InputError& e) {
        EXPECT_THAT(e.what(), HasSubstr("FIFO"));
        EXPECT_THAT(e.what(), HasSubstr(fifo.string()));
    }
    EXPECT_TRUE(fs::is_fifo(fifo));
    EXPECT_EQ(mode(fifo), 0644U) << "never chmodded";
    EXPECT_EQ(names(dir.path()), (std::set<std::string>{"pipe"}));

    EXPECT_THROW(writeFileAtomically(dir.path(), "secret"), InputError) << "a folder";

    // A device node of our own: a test must never risk /dev/null itself.
    const auto device = dir.path() / "null-device";
    if (::mknod(device.c_str(), S_IFCHR | 0644, ::makedev(1, 3)) != 0)
        GTEST_SKIP() << "cannot make a device node here (not root)";
    try {
        writeFileAtomically(device, "secret");
        FAIL() << "a device was written";
    } catch (const InputError& e) {
        EXPECT_THAT(e.what(), HasSubstr("device"));
    }
    struct stat after {};
    ASSERT_EQ(::stat(device.c_str(), &after), 0);
    EXPECT_TRUE(S_ISCHR(after.st_mode));
    EXPECT_EQ(after.st_mode & 07777U, 0644U);

    const auto link = dir.path() / "link-to-device";
    fs::create_symlink(device, link);
    EXPECT_THROW(writeFileAtomically(link, "secret"), InputError);
    EXPECT_TRUE(fs::is_character_file(device));
}

TEST(OutputFile, ALinkToAFileReplacesTheFileAndKeepsTheLink)
{
    TempDir dir;
    const auto real = dir.path() / "real.json";
    writeFileAtomically(real, "old");
    const auto link = dir.path() / "link.json";
    fs::create_symlink(real, link);
    writeFileAtomically(link, "new");
    EXPECT_TRUE(fs::is_symlink(link));
    EXPECT_EQ(contents(real), "new");
}

TEST(OutputFile, ConcurrentWritersToOneFileNeverCollide)
{
    TempDir dir;
    const auto file = dir.path() / "out.json";
    std::vector<std::string> errors(16);
    std::vector<std::thread> writers;
    for (std::size_t i = 0; i < errors.size(); ++i) {
        writers.emplace_back([&, i] {
            try {
                writeFileAtomically(file, std::string(100000, static_cast<char>('a' + i)));
            } catch (const std::exception& e) {
                errors[i] = e.what();
            }
        });
    }
    for (auto& w : writers)
        w.join();
    for (const auto& e : errors)
        EXPECT_EQ(e, "");
    const std::string result = contents(file);
    ASSERT_EQ(result.size(), 100000U);
    EXPECT_EQ(result.find_first_not_of(result[0]), std::string::npos) << "one writer's whole file";
    EXPECT_EQ(names(dir.path()), (std::set<std::string>{"out.json"}));
}

} // namespace
} // namespace hiprx::render
