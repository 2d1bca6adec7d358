// The standard library's forwarding functions (emplace, make_shared,
// make_unique) take their arguments as forwarding references, which an
// lvalue argument makes non-const references. They keep what they are given
// and never write into it: a container or object they build carries the
// purpose, the arguments they were given do not gain one.
#include <pii/annotations.h>

#include <memory>
#include <queue>
#include <string>
#include <utility>

namespace acct {

struct User {
  PII_PURPOSE("security") std::string phone;
  std::string name;
};

struct Job {
  std::string number;
  std::string label;
};

}  // namespace acct

namespace ads {
PII_SINK("advertising") void upload(const std::string& data);
}

namespace work {

using Task = void (*)(void*);

// A background queue of tasks and their arguments, as an Env schedules them.
class Scheduler {
 public:
  void schedule(Task task, void* arg) { queue_.emplace(task, arg); }
  void* next() { return queue_.front().second; }

 private:
  std::queue<std::pair<Task, void*>> queue_;
};

void run(void*) {}

}  // namespace work

// Scheduling a job with a purpose does not give the purpose to the jobs
// scheduled after it.
void scheduleTwo(work::Scheduler& s, const acct::User& u, acct::Job& first,
                 acct::Job& second) {
  first.number = u.phone;
  s.schedule(&work::run, &first);
  s.schedule(&work::run, &second);
  ads::upload(second.label);
  ads::upload(second.number);
}

// What the queue holds still carries the purpose when it is taken out.
void scheduleAndTake(work::Scheduler& s, const acct::User& u) {
  std::string number = u.phone;
  s.schedule(&work::run, &number);
  ads::upload(*static_cast<std::string*>(s.next()));  // $ finding=security-to-advertising
}

struct Card {
  Card(const std::string& name, const std::string& number)
      : name(name), number(number) {}
  std::string name;
  std::string number;
};

// Building an object from lvalues leaves them as they were; the object
// built carries what it was built from.
void build(const acct::User& u) {
  std::string name = u.name;
  std::string phone = u.phone;
  auto shared = std::make_shared<Card>(name, phone);
  auto unique = std::make_unique<Card>(name, phone);
  ads::upload(name);
  ads::upload(shared->number);  // $ finding=security-to-advertising
  ads::upload(unique->number);  // $ finding=security-to-advertising
}
