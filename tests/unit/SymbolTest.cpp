#include "core/model/Symbol.h"

#include <catch2/catch.hpp>

#include <thread>
#include <vector>

using namespace pii;

TEST_CASE("equal text is one symbol, whatever it was made from", "[symbol]") {
  std::string Text = "c:@S@User@FI@phone";
  Symbol A(Text);
  Symbol B(llvm::StringRef("c:@S@User@FI@phone"));
  Text[0] = 'x'; // the symbol holds its own copy
  CHECK(A == B);
  CHECK(A.text().data() == B.text().data());
  CHECK(A.str() == "c:@S@User@FI@phone");
  CHECK(A != Symbol(Text));
  CHECK(Symbol() == Symbol(""));
  CHECK(Symbol().empty());
}

TEST_CASE("symbols order by their text", "[symbol]") {
  // Interned in the opposite order of their text, so that an order by
  // address would differ.
  Symbol Later("zz-ordered-later");
  Symbol Earlier("aa-ordered-earlier");
  CHECK(Earlier < Later);
  CHECK_FALSE(Later < Earlier);
  CHECK_FALSE(Later < Later);
}

TEST_CASE("symbols interned on many threads agree", "[symbol]") {
  std::vector<std::vector<Symbol>> PerThread(4);
  std::vector<std::thread> Threads;
  for (auto &Out : PerThread)
    Threads.emplace_back([&Out] {
      for (int I = 0; I < 1000; ++I)
        Out.push_back(Symbol("file" + std::to_string(I % 50) + ".cpp"));
    });
  for (std::thread &T : Threads)
    T.join();
  for (const auto &Out : PerThread)
    CHECK(Out == PerThread.front());
}
