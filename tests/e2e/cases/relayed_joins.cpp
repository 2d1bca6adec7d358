// A command dispatcher, written as production clients write them: each
// branch fills a shared local or the client itself through a call, and the
// branches join before what was filled is used. Past a few such calls
// (analysis/Relays.h), the analysis carries their outputs as one relay
// rather than each to every later use; the flows through it are the same,
// field by field, and so are their steps.
#include <pii/annotations.h>

#include <string>

namespace acct {
struct Account {
  PII_PURPOSE("security") std::string phone;
  std::string nickname;
};
}  // namespace acct

namespace ads {
PII_SINK("advertising") void upload(const std::string& audience);
}  // namespace ads

// Opaque: each writes its inputs into its first argument.
void fill(std::string& out, const std::string& in);
void fill(std::string& out, int code);

struct Contact {
  std::string primary;
  std::string secondary;
};
void fillContact(Contact& out, int code);

// Followed: its summary keeps each field where it was.
void copyInto(Contact& out, const acct::Account& in) {
  out.primary = in.phone;  // $ note="out.primary"
  out.secondary = in.nickname;
}

void dispatch(const std::string& op, const acct::Account& a) {
  std::string args;
  if (op == "c00") fill(args, 0);
  else if (op == "c01") fill(args, 1);
  else if (op == "c02") fill(args, 2);
  else if (op == "c03") fill(args, 3);
  else if (op == "c04") fill(args, 4);
  else if (op == "c05") fill(args, 5);
  else if (op == "c06") fill(args, 6);
  else if (op == "c07") fill(args, 7);
  else if (op == "phone") fill(args, a.phone);  // $ note="security"
  else if (op == "c09") fill(args, 9);
  else if (op == "c10") fill(args, 10);
  else if (op == "c11") fill(args, 11);
  else if (op == "c12") fill(args, 12);
  else if (op == "c13") fill(args, 13);
  else if (op == "c14") fill(args, 14);
  else if (op == "c15") fill(args, 15);
  else if (op == "c16") fill(args, 16);
  else if (op == "c17") fill(args, 17);
  else if (op == "c18") fill(args, 18);
  else if (op == "c19") fill(args, 19);
  ads::upload(args);  // $ finding=security-to-advertising
}

void dispatchNames(const std::string& op, const acct::Account& a) {
  std::string args;
  if (op == "c00") fill(args, 0);
  else if (op == "c01") fill(args, 1);
  else if (op == "c02") fill(args, 2);
  else if (op == "c03") fill(args, 3);
  else if (op == "c04") fill(args, 4);
  else if (op == "c05") fill(args, 5);
  else if (op == "c06") fill(args, 6);
  else if (op == "c07") fill(args, 7);
  else if (op == "name") fill(args, a.nickname);
  else if (op == "c09") fill(args, 9);
  else if (op == "c10") fill(args, 10);
  else if (op == "c11") fill(args, 11);
  else if (op == "c12") fill(args, 12);
  else if (op == "c13") fill(args, 13);
  else if (op == "c14") fill(args, 14);
  else if (op == "c15") fill(args, 15);
  else if (op == "c16") fill(args, 16);
  else if (op == "c17") fill(args, 17);
  else if (op == "c18") fill(args, 18);
  else if (op == "c19") fill(args, 19);
  ads::upload(args);  // clean: no branch fills it with a purpose
}

// Whole objects filled in every branch: a field read after the join takes
// only that field of what each call wrote.
void dispatchContacts(const std::string& op, const acct::Account& a) {
  Contact c;
  if (op == "c00") fillContact(c, 0);
  else if (op == "c01") fillContact(c, 1);
  else if (op == "c02") fillContact(c, 2);
  else if (op == "c03") fillContact(c, 3);
  else if (op == "c04") fillContact(c, 4);
  else if (op == "c05") fillContact(c, 5);
  else if (op == "c06") fillContact(c, 6);
  else if (op == "c07") fillContact(c, 7);
  else if (op == "c08") fillContact(c, 8);
  else if (op == "c09") fillContact(c, 9);
  else if (op == "c10") fillContact(c, 10);
  else if (op == "c11") fillContact(c, 11);
  else if (op == "c12") fillContact(c, 12);
  else if (op == "c13") fillContact(c, 13);
  else if (op == "c14") fillContact(c, 14);
  else if (op == "c15") fillContact(c, 15);
  else if (op == "c16") fillContact(c, 16);
  else if (op == "c17") fillContact(c, 17);
  else if (op == "copy") copyInto(c, a);
  ads::upload(c.primary);  // $ finding=security-to-advertising
  ads::upload(c.secondary);  // clean: the phone stays in its field
}

// The same in a loop: what one round relays where its branches join
// reaches the next round's upload, and the analysis ends (the relay made
// at a place is the one every round joins into).
void serve(const acct::Account& a, int rounds) {
  std::string args;
  for (int i = 0; i < rounds; ++i) {
    if (i == 0) fill(args, 0);
    else if (i == 1) fill(args, 1);
    else if (i == 2) fill(args, 2);
    else if (i == 3) fill(args, 3);
    else if (i == 4) fill(args, 4);
    else if (i == 5) fill(args, 5);
    else if (i == 6) fill(args, 6);
    else if (i == 7) fill(args, 7);
    else if (i == 8) fill(args, 8);
    else if (i == 9) fill(args, 9);
    else if (i == 10) fill(args, 10);
    else if (i == 11) fill(args, 11);
    else if (i == 12) fill(args, 12);
    else if (i == 13) fill(args, 13);
    else if (i == 14) fill(args, 14);
    else if (i == 15) fill(args, 15);
    else if (i == 16) fill(args, 16);
    else if (i == 17) fill(args, 17);
    else if (i == 18) fill(args, a.phone);  // $ note="security"
    else ads::upload(args);  // $ finding=security-to-advertising
  }
}

// A parameter's fields added up, as a serializer does: past a few, they
// are relayed like call outputs, each field still itself.
struct Wide {
  std::string f00; std::string f01; std::string f02; std::string f03; std::string f04; std::string f05; std::string f06; std::string f07; std::string f08; std::string f09; std::string f10; std::string f11; std::string f12; std::string f13; std::string f14; std::string f15; std::string f16; std::string f17; std::string f18; std::string f19;
};

void exportAll(const Wide& w) {
  std::string out;
  out += w.f00;
  out += w.f01;
  out += w.f02;
  out += w.f03;
  out += w.f04;
  out += w.f05;
  out += w.f06;
  out += w.f07;
  out += w.f08;
  out += w.f09;
  out += w.f10;
  out += w.f11;
  out += w.f12;
  out += w.f13;
  out += w.f14;
  out += w.f15;
  out += w.f16;
  out += w.f17;
  out += w.f18;
  out += w.f19;
  ads::upload(out);  // $ finding=security-to-advertising
}

void exportAllButSeven(const Wide& w) {
  std::string out;
  out += w.f00;
  out += w.f01;
  out += w.f02;
  out += w.f03;
  out += w.f04;
  out += w.f05;
  out += w.f06;
  out += w.f08;
  out += w.f09;
  out += w.f10;
  out += w.f11;
  out += w.f12;
  out += w.f13;
  out += w.f14;
  out += w.f15;
  out += w.f16;
  out += w.f17;
  out += w.f18;
  out += w.f19;
  ads::upload(out);  // clean: f07 is left out
}

void exportAccount(const acct::Account& a) {
  Wide w;
  w.f07 = a.phone;
  exportAll(w);
  exportAllButSeven(w);
}
