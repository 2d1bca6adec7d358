// A sink on an override is reached by a call through its base, or through
// any class it derives from, that may run it: the value goes where the
// override sends it. A call through a class the sink's is not derived from
// never runs it.
#include <pii/annotations.h>

#include <string>

namespace acct {
struct User {
  PII_PURPOSE("security") std::string phone;
  std::string nickname;
};
}  // namespace acct

namespace net {

class Stream {
 public:
  virtual ~Stream() = default;
  virtual void write(const std::string& data) = 0;
};

// What it is given leaves the process.
class SocketStream final : public Stream {
 public:
  PII_SINK("advertising") void write(const std::string& data) override {
    sent += data.size();
  }
  unsigned long sent = 0;
};

class MemoryStream : public Stream {
 public:
  void write(const std::string& data) override { buffer += data; }
  std::string buffer;
};

}  // namespace net

void send(net::Stream& stream, const acct::User& u) {
  stream.write(u.phone);  // $ finding=security-to-advertising
  stream.write(u.nickname);
}

void keep(net::MemoryStream& memory, const acct::User& u) {
  memory.write(u.phone);
}

void sendDirectly(net::SocketStream& socket, const acct::User& u) {
  socket.write(u.phone);  // $ finding=security-to-advertising
}
