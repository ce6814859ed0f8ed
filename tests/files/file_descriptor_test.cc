#include "interpreter/files/file_descriptor.h"

#include <fcntl.h>
#include <gtest/gtest.h>

#include <string>
#include <system_error>
#include <thread>

namespace planrun {
namespace PLANRUN_UNITY_ID {

bool is_open(int fd) { return ::fcntl(fd, F_GETFD) != -1; }

TEST(FileDescriptor, ClosesWhatItOwnsWhenItGoes) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  { FileDescriptor read_end(fds[0]), write_end(fds[1]); }
  EXPECT_FALSE(is_open(fds[0]));
  EXPECT_FALSE(is_open(fds[1]));
}

TEST(FileDescriptor, AMoveHandsOverOwnershipAndReleaseGivesItUp) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  FileDescriptor first(fds[0]);
  FileDescriptor second(std::move(first));
  EXPECT_FALSE(first.valid());
  EXPECT_EQ(second.get(), fds[0]);
  first = std::move(second);
  EXPECT_EQ(first.get(), fds[0]);
  FileDescriptor kept(fds[1]);
  int released = kept.release();
  EXPECT_FALSE(kept.valid());
  EXPECT_TRUE(is_open(released));
  ::close(released);
}

TEST(WriteAll, WritesEveryByteThroughAPipeSmallerThanTheBytes) {
  int fds[2];
  ASSERT_EQ(::pipe2(fds, O_CLOEXEC), 0);
  FileDescriptor read_end(fds[0]), write_end(fds[1]);
  ::fcntl(write_end.get(), F_SETPIPE_SZ, 4096);
  std::string bytes(1 << 20, 'x');
  for (size_t i = 0; i < bytes.size(); i += 997) bytes[i] = static_cast<char>(i);
  std::string received;
  std::thread reader([&] {
    char buffer[1000];
    for (ssize_t got; (got = ::read(read_end.get(), buffer, sizeof buffer)) > 0;) received.append(buffer, size_t(got));
  });
  write_all(write_end.get(), bytes, "the pipe");
  write_end.reset();
  reader.join();
  EXPECT_EQ(received, bytes);
}

TEST(WriteAll, AFailureNamesThePath) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  FileDescriptor read_end(fds[0]), write_end(fds[1]);
  try {
    write_all(read_end.get(), "x", "/some/file");  // the read end of a pipe cannot be written
    FAIL() << "no error";
  } catch (const std::system_error& error) {
    EXPECT_EQ(error.code().value(), EBADF);
    EXPECT_EQ(std::string(error.what()).rfind("cannot write '/some/file': ", 0), 0u) << error.what();
  }
}

}  // namespace
}  // namespace planrun
