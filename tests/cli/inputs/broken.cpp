#include <string>

void broken() { std::string s = undeclared_name; }
