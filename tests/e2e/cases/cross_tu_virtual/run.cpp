// Calls through the base only: which override runs is decided elsewhere.
#include "exporter.h"

#include <vector>

void exportOne(exporters::Exporter& e, const acct::User& u) {
  // Not a finding here (it is inside the override), but the path goes through:
  e.exportContact(u.phone, u.name);  // $ note="AudienceExporter::exportContact"
  ads::upload(e.describe(u.phone));  // $ finding=security-to-advertising note="NewsletterExporter::describe"
  ads::upload(e.describe(u.name));  // clean: the name
  ads::upload(e.kind());  // clean: every override returns a literal
}

void exportAll(const acct::User& u) {
  std::vector<std::unique_ptr<exporters::Exporter>> all;
  all.push_back(exporters::makeAudienceExporter());
  all.push_back(exporters::makeNewsletterExporter());
  for (auto& e : all) exportOne(*e, u);
  exporters::pingSignup(u);
  std::unique_ptr<exporters::PhoneSource> source = exporters::makePhoneSource();
  ads::upload(source->phone());  // $ finding=security-to-advertising
}
